import type { UserKey } from '../domain';
import type { UserProfileRepository } from '../storage';

/** The little Passerelle remembers of everyone: the language they chose. */
export class ProfileService {
  constructor(private readonly profiles: UserProfileRepository) {}

  /** The language the person chose, or undefined. */
  async language(userKey: UserKey): Promise<string | undefined> {
    return (await this.profiles.get(userKey))?.language ?? undefined;
  }

  async setLanguage(userKey: UserKey, language: string): Promise<void> {
    await this.profiles.upsert({ userKey, language });
  }
}
