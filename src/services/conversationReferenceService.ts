import type { StoredConversationReference, UserKey } from '../domain';
import type { ConversationReferenceRepository } from '../storage';

/**
 * Where each person can be reached later (their latest conversation), kept only for people whose
 * data may be kept; the referral updates and the console's answers go there.
 */
export class ConversationReferenceService {
  constructor(private readonly references: ConversationReferenceRepository) {}

  remember(reference: StoredConversationReference): Promise<void> {
    return this.references.save(reference);
  }

  latest(userKey: UserKey): Promise<StoredConversationReference | null> {
    return this.references.latest(userKey);
  }
}
