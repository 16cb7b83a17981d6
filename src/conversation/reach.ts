import { TurnContext } from 'botbuilder';
import type { StoredConversationReference, UserKey } from '../domain';

/** This turn's conversation as a place to reach the person later. */
export function conversationReferenceOf(context: TurnContext, userKey: UserKey, at: Date): StoredConversationReference {
  const reference = TurnContext.getConversationReference(context.activity);
  const activity = context.activity;
  return {
    userKey,
    channelId: reference.channelId ?? activity.channelId,
    serviceUrl: reference.serviceUrl ?? activity.serviceUrl,
    conversationId: reference.conversation?.id ?? activity.conversation.id,
    userId: reference.user?.id ?? activity.from.id,
    botId: reference.bot?.id ?? activity.recipient?.id ?? '',
    locale: reference.locale ?? null,
    updatedAt: at
  };
}
