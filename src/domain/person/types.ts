/** A person is known only by a pseudonymous key (HMAC of channel + channel user id). */
export type UserKey = string;

/** The minimum kept about a person: the language they chose. */
export interface UserProfile {
  userKey: UserKey;
  /** Chosen language (a supported language code such as `fr`); null before they choose. */
  language: string | null;
  createdAt: Date;
  updatedAt: Date;
}
