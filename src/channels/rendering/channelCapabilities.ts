/**
 * How a channel shows emphasis in text:
 * - `basic`: Bot Framework markdown (`**bold**`, `*italic*`, links) is rendered as such;
 * - `whatsapp`: WhatsApp's own markup (`*bold*`, `_italic_`, `~strike~`), markdown is shown raw;
 * - `none`: plain text only, every marker would be shown raw.
 */
export type MarkdownStyle = 'none' | 'basic' | 'whatsapp';

/**
 * What one channel renders well. Lengths are counted as JavaScript string lengths (UTF-16 code
 * units), never fewer than the characters a person sees: a limit is never exceeded by counting.
 */
export interface ChannelCapabilities {
  /** Adaptive Cards, and the highest schema version the channel's clients render. */
  readonly adaptiveCards: { readonly supported: false } | { readonly supported: true; readonly maxVersion: string };
  /** Hero cards with `imBack` buttons. */
  readonly heroCards: boolean;
  /** Suggested actions (quick replies, reply keyboards), and how many at most. */
  readonly suggestedActions: { readonly supported: false } | { readonly supported: true; readonly maxCount: number };
  readonly markdown: MarkdownStyle;
  /** Most buttons on one card. */
  readonly maxButtons: number;
  /** Longest button or suggested-action title shown whole (longer ones are cut or refused). */
  readonly maxButtonTitle: number;
  /** Longest text of one message; a longer text is sent as several messages. */
  readonly maxTextLength: number;
}

const NO_CARDS = { supported: false } as const;
const NO_SUGGESTED_ACTIONS = { supported: false } as const;

/**
 * Bot Framework Web Chat (`botframework-webchat`, the page the bot serves and Azure's Web Chat).
 * Suggested actions and hero cards render (botbuilder's own `supportsSuggestedActions` allows
 * 100). Adaptive Cards: Web Chat 4.15+ bundles a renderer for schema 1.5. There is no documented
 * text limit (Direct Line caps the whole activity, far above what we send): 10,000 is ours,
 * only to keep one message readable. Button titles wrap; 100 is our own cap.
 */
const WEB_CHAT: ChannelCapabilities = {
  adaptiveCards: { supported: true, maxVersion: '1.5' },
  heroCards: true,
  suggestedActions: { supported: true, maxCount: 100 },
  markdown: 'basic',
  maxButtons: 100,
  maxButtonTitle: 100,
  maxTextLength: 10_000
};

/**
 * What each channel renders, by Bot Framework `channelId`.
 *
 * Sources: botbuilder-dialogs' `channel.ts` (suggested-action and card-action counts per
 * channel), the Bot Framework "Channels reference", Microsoft Teams' "Cards reference" and
 * message-size notes, the Messenger Platform documentation (quick replies, button templates,
 * text length), the Telegram Bot API (`sendMessage` text length) and the WhatsApp Business
 * (Cloud) API (text body length). Where a fact was not certain the value is the conservative
 * one, and the entry says so.
 */
export const CHANNEL_CAPABILITIES: Readonly<Record<string, ChannelCapabilities>> = {
  webchat: WEB_CHAT,
  /**
   * Direct Line clients: here, our own Web Chat page and Azure's Web Chat over Direct Line.
   * Assumption: a custom Direct Line client renders what Web Chat renders.
   */
  /**
   * Direct Line: here, the page this server serves (`/`), which loads Web Chat's *minimal*
   * bundle (half the size of the full one, for slow connections): it has no Adaptive Cards
   * renderer, and Web Chat draws hero cards with that renderer too. So cards become text; the
   * buttons (suggested actions) work. Azure's Web Chat (channel `webchat`) loads the full bundle.
   */
  directline: { ...WEB_CHAT, adaptiveCards: NO_CARDS, heroCards: false },
  /**
   * Bot Framework Emulator: embeds an older Web Chat. Adaptive Cards capped at 1.3 to be safe
   * (unsure which renderer version the installed Emulator carries).
   */
  emulator: { ...WEB_CHAT, adaptiveCards: { supported: true, maxVersion: '1.3' } },
  /**
   * Microsoft Teams. Suggested actions are only shown in personal chat, only for `imBack`, and
   * not on every client: treated as unsupported, so choices go on a hero card, whose buttons
   * Teams documents as "maximum 6". Adaptive Cards 1.5 on desktop, web and mobile. A bot
   * message is limited to about 28 KB of JSON: 7,000 characters stay under it even when every
   * character takes 4 bytes. Hero-card buttons keep to one line and Teams cuts long titles with
   * an ellipsis; 40 characters is our assumption of what fits a card's width.
   */
  msteams: {
    adaptiveCards: { supported: true, maxVersion: '1.5' },
    heroCards: true,
    suggestedActions: NO_SUGGESTED_ACTIONS,
    markdown: 'basic',
    maxButtons: 6,
    maxButtonTitle: 40,
    maxTextLength: 7_000
  },
  /**
   * Telegram: suggested actions become a reply keyboard (tapping sends the title as text);
   * hero-card buttons become an inline keyboard. Text is limited to 4,096 characters by the Bot
   * API; the channel converts markdown. Adaptive Cards are not rendered natively (unsure
   * whether the connector sends an image): unsupported. Buttons have no documented length limit
   * but a phone shows about 40 characters on a full-width key: our assumption.
   */
  telegram: {
    adaptiveCards: NO_CARDS,
    // A hero card without buttons is only a text message in Telegram, and our cards carry no
    // buttons (choices are the reply keyboard): plain text is the same, lighter and splittable.
    heroCards: false,
    suggestedActions: { supported: true, maxCount: 100 },
    markdown: 'basic',
    maxButtons: 100,
    maxButtonTitle: 40,
    maxTextLength: 4_096
  },
  /**
   * Facebook Messenger: suggested actions become quick replies (at most 13, title cut after 20
   * characters); a hero card becomes a generic template (at most 3 buttons of 20 characters).
   * Text messages are limited to 2,000 characters. Messenger's handling of markdown in bot text
   * is not documented for the Bot Framework channel: treated as plain text.
   */
  facebook: {
    adaptiveCards: NO_CARDS,
    heroCards: true,
    suggestedActions: { supported: true, maxCount: 13 },
    markdown: 'none',
    maxButtons: 3,
    maxButtonTitle: 20,
    maxTextLength: 2_000
  },
  /**
   * WhatsApp through a gateway (Azure Communication Services Advanced Messaging, Infobip, …):
   * no Bot Framework channel, so nothing maps suggested actions or cards to WhatsApp's
   * interactive messages: text only, assumed. WhatsApp's own markup (`*bold*`); a text body
   * holds at most 4,096 characters.
   */
  whatsapp: {
    adaptiveCards: NO_CARDS,
    heroCards: false,
    suggestedActions: NO_SUGGESTED_ACTIONS,
    markdown: 'whatsapp',
    maxButtons: 0,
    maxButtonTitle: 0,
    maxTextLength: 4_096
  },
  /**
   * SMS (the Bot Framework's Twilio channel, or a gateway): plain text. Twilio accepts at most
   * 1,600 characters in one body (sent as concatenated segments of 153 GSM-7 or 67 UCS-2
   * characters): longer texts are split.
   */
  sms: {
    adaptiveCards: NO_CARDS,
    heroCards: false,
    suggestedActions: NO_SUGGESTED_ACTIONS,
    markdown: 'none',
    maxButtons: 0,
    maxButtonTitle: 0,
    maxTextLength: 1_600
  }
};

/**
 * A channel not in the table (Slack, LINE, e-mail, a future gateway…): plain text with numbered
 * choices and SMS-sized messages, which every channel can show.
 */
export const DEFAULT_CAPABILITIES: ChannelCapabilities = {
  adaptiveCards: NO_CARDS,
  heroCards: false,
  suggestedActions: NO_SUGGESTED_ACTIONS,
  markdown: 'none',
  maxButtons: 0,
  maxButtonTitle: 0,
  maxTextLength: 1_600
};

/** What `channelId` renders; the conservative default for a channel we do not know. */
export function capabilitiesOf(channelId: string | undefined): ChannelCapabilities {
  const id = (channelId ?? '').toLowerCase();
  return Object.prototype.hasOwnProperty.call(CHANNEL_CAPABILITIES, id) ? CHANNEL_CAPABILITIES[id]! : DEFAULT_CAPABILITIES;
}
