import type { PersonalDataStore } from './personalDataStore';
import type { UserKey, UserProfile } from '../../domain';

/** User profiles: the minimum kept about a person (the language they chose). */
export interface UserProfileRepository extends PersonalDataStore {
  get(userKey: UserKey): Promise<UserProfile | null>;
  /** Creates or replaces the profile; `createdAt` of an existing profile is kept. */
  upsert(profile: Omit<UserProfile, 'createdAt' | 'updatedAt'>): Promise<UserProfile>;
  /** Deletes the profile; returns whether one existed. */
  delete(userKey: UserKey): Promise<boolean>;
}
