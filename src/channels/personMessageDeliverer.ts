import type { ConversationReference, TurnContext } from 'botbuilder';
import type { StoredConversationReference } from '../domain';
import type { Deliverer, DeliveryOutcome } from '../outbox';
import type { ConversationReferenceService } from '../services/conversationReferenceService';
import type { OutboxMessage } from '../domain';
import type { PersonNotice } from '../bot/passerelleBot';
import type { ProactiveMessenger } from './proactiveMessenger';

/** Turns a stored reference back into the Bot Framework's. */
export function toConversationReference(stored: StoredConversationReference): Partial<ConversationReference> {
  return {
    channelId: stored.channelId,
    serviceUrl: stored.serviceUrl,
    conversation: { id: stored.conversationId, isGroup: false, conversationType: 'personal', name: '' },
    user: { id: stored.userId, name: '', role: 'user' },
    bot: { id: stored.botId, name: '', role: 'bot' },
    ...(stored.locale ? { locale: stored.locale } : {})
  };
}

/**
 * Delivers `person.message` outbox messages: finds where the person can be reached (their
 * latest conversation), and has the bot tell them, on their own channel (rendered for it), in
 * their language. A person who cannot be reached (no conversation kept) is put aside; a channel
 * that does not answer is tried again.
 */
export class PersonMessageDeliverer implements Deliverer {
  constructor(
    private readonly deps: {
      references: ConversationReferenceService;
      proactive: Pick<ProactiveMessenger, 'run'>;
      /** The notice for a message (undefined when what it was about is gone). */
      notice: (message: OutboxMessage) => Promise<PersonNotice | undefined>;
      notify: (context: TurnContext, notice: PersonNotice) => Promise<void>;
      /** Where to reach the person for this message; default: their latest conversation. */
      reach?: (message: OutboxMessage) => Promise<StoredConversationReference | null>;
      /** Called once the message reached the person. */
      delivered?: (message: OutboxMessage) => Promise<void>;
    }
  ) {}

  async deliver(message: OutboxMessage): Promise<DeliveryOutcome> {
    const userKey = message.payload.userKey;
    if (typeof userKey !== 'string') return { kind: 'failed', error: 'the message names no person' };
    const stored = this.deps.reach ? await this.deps.reach(message) : await this.deps.references.latest(userKey);
    if (!stored) return { kind: 'failed', error: 'no conversation kept to reach the person in' };
    const notice = await this.deps.notice(message);
    if (!notice) return { kind: 'failed', error: 'what the message was about no longer exists' };
    try {
      await this.deps.proactive.run(toConversationReference(stored), (context) => this.deps.notify(context, notice));
    } catch (err) {
      const status = (err as { statusCode?: number }).statusCode;
      const error = `the channel "${stored.channelId}" refused the message (${status ? `HTTP ${status}` : (err as Error).name}: ${(err as Error).message.slice(0, 200)})`;
      return status !== undefined && status >= 400 && status < 500 && status !== 408 && status !== 429 ? { kind: 'failed', error } : { kind: 'retry', error };
    }
    await this.deps.delivered?.(message);
    return { kind: 'delivered' };
  }
}
