import type { PersonalDataStore } from './personalDataStore';
import type { StoredConversationReference, UserKey } from '../../domain';

/** The latest conversation of each person, to reach them later (proactive messages). */
export interface ConversationReferenceRepository extends PersonalDataStore {
  /**
   * Keeps `reference` as the person's latest conversation, replacing the one kept before (last
   * writer wins: a person's latest conversation is whichever they wrote in last).
   */
  save(reference: StoredConversationReference): Promise<void>;
  /** The person's latest conversation, or null. */
  latest(userKey: UserKey): Promise<StoredConversationReference | null>;
  deleteAllForUser(userKey: UserKey): Promise<number>;
}
