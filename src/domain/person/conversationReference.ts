import type { UserKey } from './types';

/**
 * Where a person can be reached later, outside of their turns (a referral's status changed, a
 * caseworker answered): the channel, the Connector's service URL and the conversation of the
 * latest conversation they had, with the language they use. Only the latest one is kept.
 */
export interface StoredConversationReference {
  userKey: UserKey;
  channelId: string;
  serviceUrl: string;
  conversationId: string;
  /** The channel's id of the person (some channels need it to start a proactive turn). */
  userId: string;
  /** The bot's id in that channel. */
  botId: string;
  /** The locale of the channel, when it gave one. */
  locale: string | null;
  updatedAt: Date;
}
