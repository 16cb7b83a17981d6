import type { Activity, Attachment, CardAction } from 'botbuilder';
import { capabilitiesOf, type ChannelCapabilities, type MarkdownStyle } from './channelCapabilities';

export const HERO_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.hero';
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** How a reply's choices reach the person. */
export type ChoiceForm = 'suggestedActions' | 'heroCard' | 'numberedText';

/** A cut earlier than this share of the limit would leave a needlessly short message. */
const MIN_FILL = 0.5;
/** Keeps `**x**` apart from `*x*` while converting to WhatsApp's markup. */
const BOLD_MARK = '\u0000';

const LINK = /\[([^\]\n]+)\]\(([^)\s]+)\)/g;
const BOLD_STARS = /\*\*(?=\S)([\s\S]*?\S)\*\*/g;
const BOLD_UNDERSCORES = /__(?=\S)([\s\S]*?\S)__/g;
const ITALIC_STAR = /(?<![*\w])\*(?=[^\s*])([^*\n]*?[^\s*])\*(?![*\w])/g;
const STRIKE = /~~(?=\S)([\s\S]*?\S)~~/g;

/** Boundaries to split a long text at, best first: paragraph, line, sentence, word. */
const BOUNDARIES: readonly { pattern: RegExp; cutAfter: boolean }[] = [
  { pattern: /\n[^\S\n]*\n/g, cutAfter: false },
  { pattern: /\n/g, cutAfter: false },
  { pattern: /[.!?…。؟۔](?=\s)/g, cutAfter: true },
  { pattern: /\s/g, cutAfter: false }
];

/**
 * Turns the canonical reply the dialogs produce (a message whose `text` may hold markdown and
 * line breaks, with its choices as `imBack` suggested actions) into what `channelId` shows well
 * (see `channelCapabilities.ts`):
 * - choices stay suggested actions where the channel has them for that many titles of that
 *   length; otherwise they become a hero card's buttons where it has cards (Teams); otherwise a
 *   numbered list under the text ("1. Yes\n2. No"), answered by number;
 * - markdown is kept, turned into WhatsApp's markup, or removed;
 * - a text longer than the channel takes is sent as several messages, cut at paragraph, line,
 *   sentence or word boundaries; the choices come with the last one only.
 * Other activities (typing, events…) are returned untouched. Pure: `activity` is not changed.
 */
export function renderForChannel(activity: Partial<Activity>, channelId: string): Partial<Activity>[] {
  if ((activity.type ?? 'message') !== 'message') return [activity];
  const caps = capabilitiesOf(channelId);
  const actions = activity.suggestedActions?.actions ?? [];
  const form = actions.length > 0 ? choiceFormFor(actions, caps) : undefined;

  const cards = cardsForChannel(activity.attachments ?? [], caps);
  const fullText = [activity.text ?? '', ...cards.texts].filter((t) => t !== '').join('\n\n');
  const convertible = activity.textFormat === undefined || activity.textFormat === 'markdown';
  const text = convertible ? convertMarkdown(fullText, caps.markdown) : fullText;
  const texts = splitText(text, caps.maxTextLength);
  if (form === 'numberedText') appendNumberedList(texts, numberedList(actions), caps.maxTextLength);

  const base: Partial<Activity> = { ...activity };
  delete base.text;
  delete base.suggestedActions;
  delete base.attachments;
  delete base.speak;
  if (convertible && caps.markdown !== 'basic' && fullText !== '') base.textFormat = 'plain';

  if (texts.length === 0) texts.push(activity.text === undefined && cards.texts.length === 0 ? '' : text);
  return texts.map((partText, index) => {
    const part: Partial<Activity> = { ...base };
    if (activity.text !== undefined || partText !== '') part.text = partText;
    if (index === 0 && activity.speak !== undefined) part.speak = activity.speak;
    if (index < texts.length - 1) return part;
    const attachments: Attachment[] = [...cards.kept];
    if (form === 'suggestedActions') part.suggestedActions = activity.suggestedActions;
    if (form === 'heroCard') attachments.push(heroCard(actions));
    if (attachments.length > 0) part.attachments = attachments;
    return part;
  });
}

/** The best form `caps` offers for these choices. */
export function choiceFormFor(actions: readonly CardAction[], caps: ChannelCapabilities): ChoiceForm {
  const titlesFit = actions.every((action) => titleOf(action).length <= caps.maxButtonTitle);
  if (titlesFit && caps.suggestedActions.supported && actions.length <= caps.suggestedActions.maxCount) return 'suggestedActions';
  if (titlesFit && caps.heroCards && actions.length <= caps.maxButtons) return 'heroCard';
  return 'numberedText';
}

/** Bot Framework markdown in `style`: kept, in WhatsApp's markup, or removed. */
export function convertMarkdown(text: string, style: MarkdownStyle): string {
  if (style === 'basic') return text;
  const linked = text.replace(LINK, (_all, label: string, url: string) => (label === url ? url : `${label} (${url})`));
  if (style === 'none') {
    return linked.replace(BOLD_STARS, '$1').replace(BOLD_UNDERSCORES, '$1').replace(ITALIC_STAR, '$1').replace(STRIKE, '$1');
  }
  return linked
    .replace(BOLD_STARS, `${BOLD_MARK}$1${BOLD_MARK}`)
    .replace(BOLD_UNDERSCORES, `${BOLD_MARK}$1${BOLD_MARK}`)
    .replace(ITALIC_STAR, '_$1_')
    .replace(STRIKE, '~$1~')
    .split(BOLD_MARK)
    .join('*');
}

/**
 * `text` in parts of at most `max` characters, each cut at the best boundary that keeps it at
 * least half full (paragraph, then line, sentence, word), or at `max` when a word is longer.
 */
export function splitText(text: string, max: number): string[] {
  const parts: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const cut = cutPoint(rest, max);
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest !== '') parts.push(rest);
  return parts;
}

function cutPoint(text: string, max: number): number {
  const window = text.slice(0, max + 1);
  let fallback = 0;
  for (const { pattern, cutAfter } of BOUNDARIES) {
    let last = 0;
    for (const match of window.matchAll(pattern)) {
      const cut = match.index + (cutAfter ? match[0].length : 0);
      if (cut > 0 && cut <= max) last = cut;
    }
    if (last >= max * MIN_FILL) return last;
    fallback = Math.max(fallback, last);
  }
  if (fallback > 0) return fallback;
  const code = text.charCodeAt(max - 1);
  return code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
}

function titleOf(action: CardAction): string {
  return action.title ?? String(action.value ?? '');
}

function numberedList(actions: readonly CardAction[]): string {
  return actions.map((action, index) => `${index + 1}. ${titleOf(action)}`).join('\n');
}

/**
 * Puts the list under the last part, which holds the question. When it does not fit there, the
 * last part is cut again to make room; a list too long for that goes in parts of its own.
 */
function appendNumberedList(parts: string[], list: string, max: number): void {
  const last = parts.pop();
  const room = max - list.length - 2;
  if (last === undefined || room < max * MIN_FILL) {
    if (last !== undefined) parts.push(last);
    parts.push(...splitText(list, max));
    return;
  }
  const lastParts = splitText(last, room);
  lastParts.push(`${lastParts.pop()!}\n\n${list}`);
  parts.push(...lastParts);
}

function heroCard(actions: readonly CardAction[]): Attachment {
  return { contentType: HERO_CARD_CONTENT_TYPE, content: { buttons: actions.map((action) => ({ ...action })) } };
}

/**
 * Cards the channel renders are kept; the others become text (in order, after the message's
 * own text): a hero card's title, subtitle and text; an Adaptive Card's text blocks and facts.
 * Cards carry information only — choices are suggested actions, rendered above.
 */
function cardsForChannel(attachments: readonly Attachment[], caps: ChannelCapabilities): { kept: Attachment[]; texts: string[] } {
  const kept: Attachment[] = [];
  const texts: string[] = [];
  for (const attachment of attachments) {
    if (attachment.contentType === HERO_CARD_CONTENT_TYPE && !caps.heroCards) texts.push(heroCardText(attachment.content));
    else if (attachment.contentType === ADAPTIVE_CARD_CONTENT_TYPE && !caps.adaptiveCards.supported) texts.push(adaptiveCardText(attachment.content));
    else kept.push(attachment);
  }
  return { kept, texts: texts.filter((t) => t !== '') };
}

function heroCardText(content: unknown): string {
  const card = (content ?? {}) as { title?: string; subtitle?: string; text?: string };
  return [card.title ? `**${card.title}**` : '', card.subtitle ?? '', card.text ?? ''].filter((line) => line !== '').join('\n');
}

/** Text of an Adaptive Card's TextBlocks (bold when their weight is bolder) and FactSets, in order. */
export function adaptiveCardText(content: unknown): string {
  const lines: string[] = [];
  const walk = (element: unknown): void => {
    if (Array.isArray(element)) return element.forEach(walk);
    if (!element || typeof element !== 'object') return;
    const el = element as { type?: string; text?: string; weight?: string; facts?: { title?: string; value?: string }[]; [k: string]: unknown };
    if (el.type === 'TextBlock' && el.text) lines.push(el.weight === 'Bolder' ? `**${el.text}**` : el.text);
    if (el.type === 'FactSet') for (const fact of el.facts ?? []) lines.push(`• ${fact.title ?? ''}: ${fact.value ?? ''}`);
    for (const key of ['body', 'items', 'columns']) if (key in el) walk(el[key]);
  };
  walk((content as { body?: unknown } | undefined)?.body);
  return lines.join('\n');
}
