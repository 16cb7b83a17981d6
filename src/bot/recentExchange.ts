import { randomUUID } from 'node:crypto';
import type { BotState, StatePropertyAccessor, TurnContext } from 'botbuilder';
import { conversationReferenceOf, turnPerson } from '../conversation';
import { clipEntryText, MAX_RECENT_ENTRIES, type HandoffEntry } from '../domain';
import type { HandoffConversation } from '../../dialogs';
import type { Clock } from '../services/clock';
import { conversationKeyOf } from './pseudonymousState';

/** Longest text kept per turn in the window (a caseworker needs the gist, not whole pages). */
const MAX_RECENT_TEXT = 500;

interface StoredEntry {
  id: string;
  from: 'person' | 'bot';
  text: string;
  at: string;
}

/**
 * The conversation's last turns (what the person wrote and what the bot answered, texts only,
 * the last `MAX_RECENT_ENTRIES`), kept in conversation state **only for people whose data may be
 * kept** and deleted as soon as they may not: a caseworker taking the conversation sees them.
 */
export class RecentExchange {
  private readonly entries: StatePropertyAccessor<StoredEntry[]>;

  constructor(state: BotState, private readonly clock: Clock) {
    this.entries = state.createProperty<StoredEntry[]>('recentExchange');
  }

  /** Records this turn's message and, as they are sent, the bot's replies (after `startTurn`). */
  async record(context: TurnContext): Promise<void> {
    if (!turnPerson(context).consent.mayKeep) {
      if (await this.entries.get(context)) await this.entries.delete(context);
      return;
    }
    const text = context.activity.type === 'message' ? context.activity.text : undefined;
    if (typeof text === 'string' && text.trim() !== '') await this.add(context, 'person', text);
    context.onSendActivities(async (ctx, activities, next) => {
      for (const activity of activities) {
        if (activity.type === 'message' && typeof activity.text === 'string' && activity.text.trim() !== '') await this.add(ctx, 'bot', activity.text);
      }
      return next();
    });
  }

  /** The window, oldest first (empty without consent). */
  async read(context: TurnContext): Promise<HandoffEntry[]> {
    if (!turnPerson(context).consent.mayKeep) return [];
    const stored = (await this.entries.get(context)) ?? [];
    return stored.map((e) => ({ id: e.id, from: e.from, text: e.text, at: new Date(e.at) }));
  }

  private async add(context: TurnContext, from: StoredEntry['from'], text: string): Promise<void> {
    const stored = (await this.entries.get(context)) ?? [];
    const clipped = clipEntryText([...text].slice(0, MAX_RECENT_TEXT).join(''));
    const next = [...stored, { id: randomUUID(), from, text: clipped, at: this.clock().toISOString() }].slice(-MAX_RECENT_ENTRIES);
    await this.entries.set(context, next);
  }
}

/** What the handoff dialog knows of its conversation: its key, where replies go, its recent turns. */
export function handoffConversation(deps: { pseudonymSecret: string; clock: Clock; recent: RecentExchange }): HandoffConversation {
  return {
    key: (context) => conversationKeyOf(deps.pseudonymSecret, context.activity.channelId, context.activity.conversation.id),
    reach: (context) => conversationReferenceOf(context, turnPerson(context).userKey, deps.clock()),
    recent: (context) => deps.recent.read(context)
  };
}
