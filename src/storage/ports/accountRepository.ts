import type { Account } from '../../domain';

/** Console accounts (only a hash of each password is kept). */
export interface AccountRepository {
  /** Stores a new account; an id or an e-mail already used is a `DuplicateKeyError`. */
  create(account: Account): Promise<void>;
  get(id: string): Promise<Account | null>;
  /** The account with that e-mail (already lower case), or null. */
  findByEmail(email: string): Promise<Account | null>;
  /** Every account, by e-mail. */
  list(): Promise<Account[]>;
  /** Replaces the password hash; false when there is no such account. */
  setPasswordHash(id: string, passwordHash: string): Promise<boolean>;
  /** Closes an account from `at`; false when there is no such open account. */
  disable(id: string, at: Date): Promise<boolean>;
}
