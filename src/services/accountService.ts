import { randomUUID } from 'node:crypto';
import { isEmail, normaliseEmail, type Account, type ConsoleRole } from '../domain';
import { DuplicateKeyError, type AccountRepository } from '../storage';
import type { Clock } from './clock';
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './passwords';

export interface NewAccount {
  email: string;
  role: ConsoleRole;
  /** Required for (and only for) a partner account: an id of content/partners.json. */
  partnerId?: string | undefined;
  password: string;
}

export type CreateAccountResult =
  | { ok: true; account: Account }
  | { ok: false; problem: 'invalidEmail' | 'emailTaken' | 'passwordTooShort' | 'partnerRequired' | 'unknownPartner' | 'partnerNotAllowed' };

/** A hash no password matches, checked when the e-mail is unknown so that sign-in takes as long either way. */
const UNKNOWN_ACCOUNT_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/** Console accounts: created (by the `user:add` command or an administrator), checked at sign-in, listed. */
export class AccountService {
  constructor(
    private readonly deps: {
      accounts: AccountRepository;
      /** The partner organisations an account may be bound to. */
      partnerIds: readonly string[];
      clock: Clock;
    }
  ) {}

  async create(input: NewAccount): Promise<CreateAccountResult> {
    const email = normaliseEmail(input.email);
    if (!isEmail(email)) return { ok: false, problem: 'invalidEmail' };
    if (input.password.length < MIN_PASSWORD_LENGTH) return { ok: false, problem: 'passwordTooShort' };
    if (input.role === 'partner' && !input.partnerId) return { ok: false, problem: 'partnerRequired' };
    if (input.role !== 'partner' && input.partnerId) return { ok: false, problem: 'partnerNotAllowed' };
    if (input.partnerId && !this.deps.partnerIds.includes(input.partnerId)) return { ok: false, problem: 'unknownPartner' };
    const account: Account = {
      id: randomUUID(),
      email,
      role: input.role,
      partnerId: input.role === 'partner' ? input.partnerId! : null,
      passwordHash: await hashPassword(input.password),
      createdAt: this.deps.clock(),
      disabledAt: null
    };
    try {
      await this.deps.accounts.create(account);
    } catch (err) {
      if (err instanceof DuplicateKeyError) return { ok: false, problem: 'emailTaken' };
      throw err;
    }
    return { ok: true, account };
  }

  /** The open account whose e-mail and password these are, or undefined (as slow either way). */
  async verify(email: string, password: string): Promise<Account | undefined> {
    const account = await this.deps.accounts.findByEmail(normaliseEmail(email));
    const matches = await verifyPassword(password, account?.passwordHash ?? UNKNOWN_ACCOUNT_HASH);
    return account && matches && account.disabledAt === null ? account : undefined;
  }

  get(id: string): Promise<Account | null> {
    return this.deps.accounts.get(id);
  }

  findByEmail(email: string): Promise<Account | null> {
    return this.deps.accounts.findByEmail(normaliseEmail(email));
  }

  list(): Promise<Account[]> {
    return this.deps.accounts.list();
  }
}
