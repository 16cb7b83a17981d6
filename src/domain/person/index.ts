export type { UserKey, UserProfile } from './types';
export type { StoredConversationReference } from './conversationReference';
