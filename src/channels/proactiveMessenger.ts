import type { Activity, ConversationReference, ResourceResponse, TurnContext } from 'botbuilder';
import { conversationKeyOf } from '../bot/pseudonymousState';

/** A proactive message cannot be sent as asked (an incomplete reference). */
export class ProactiveMessageError extends Error {
  override readonly name = 'ProactiveMessageError';
}

/** The part of the CloudAdapter a proactive message needs. */
export interface ProactiveAdapter {
  continueConversationAsync(botAppId: string, reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void>;
}

/** Runs tasks in order per key: the turn queue, so a proactive message never cuts into a turn. */
export interface OrderedRunner {
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
}

/**
 * Sends messages to a person outside of their turns (e.g. a referral's status changed), on any
 * channel, through the adapter's `continueConversationAsync` with a stored conversation
 * reference. The message is queued behind the conversation's turn in progress, if any, so its
 * replies are never interleaved with the person's. Texts are given ready, in the person's
 * language.
 */
export class ProactiveMessenger {
  constructor(
    private readonly deps: {
      adapter: ProactiveAdapter;
      /** The bot's MicrosoftAppId ('' in local mode). */
      botAppId: string;
      queue: OrderedRunner;
      pseudonymSecret: string;
    }
  ) {}

  /** Sends `message` (a text or an activity) to the conversation of `reference`. */
  async send(reference: Partial<ConversationReference>, message: string | Partial<Activity>): Promise<ResourceResponse | undefined> {
    const activity: Partial<Activity> = typeof message === 'string' ? { type: 'message', text: message } : { type: 'message', ...message };
    let response: ResourceResponse | undefined;
    await this.run(reference, async (context) => {
      response = await context.sendActivity(activity);
    });
    return response;
  }

  /**
   * Runs `logic` in a turn of the conversation of `reference` (the bot's `notify`, say), queued
   * behind the conversation's turn in progress.
   */
  async run(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const missing = [
      reference.channelId ? undefined : 'channelId',
      reference.serviceUrl ? undefined : 'serviceUrl',
      reference.conversation?.id ? undefined : 'conversation.id'
    ].filter((f): f is string => f !== undefined);
    if (missing.length > 0) throw new ProactiveMessageError(`proactive message: the conversation reference has no ${missing.join(', ')}`);
    const key = conversationKeyOf(this.deps.pseudonymSecret, reference.channelId!, reference.conversation!.id);
    await this.deps.queue.run(key, () => this.deps.adapter.continueConversationAsync(this.deps.botAppId, reference, logic));
  }
}
