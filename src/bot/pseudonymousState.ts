import { BotState, type Storage, type TurnContext } from 'botbuilder';
import { pseudonymize } from './pseudonym';

/** The pseudonymous key of the user of a turn (channel + user id). */
export function userKeyOf(secret: string, context: TurnContext): string {
  const a = context.activity;
  return pseudonymize(secret, 'user', a.channelId, a.from.id);
}

/** The pseudonymous key of the conversation of a turn (channel + conversation id). */
export function conversationKeyOf(secret: string, channelId: string, conversationId: string): string {
  return pseudonymize(secret, 'conversation', channelId, conversationId);
}

/** Conversation state stored under a pseudonymous key (`conversation/<hmac>`). */
export class PseudonymousConversationState extends BotState {
  constructor(storage: Storage, secret: string) {
    super(storage, (context: TurnContext) =>
      Promise.resolve(
        `conversation/${conversationKeyOf(secret, context.activity.channelId, context.activity.conversation.id)}`
      )
    );
  }
}
