import { ERASED_PREFIX, erasedKey } from '../erasedKey';
import type { Collection, Filter } from 'mongodb';
import { CONSOLE_ROLES, type ConsoleRole } from '../../domain';
import { CorruptStateError, DuplicateKeyError } from '../errors';
import type { OpenGuard } from '../openGuard';
import type { Account, AccountRepository, AuditEntry, AuditLogRepository, AuditQuery, ConsoleSession, ConsoleSessionRepository, PartnerCapacityRepository } from '../ports';
import { storedDate } from './mongoDocuments';
import { isDuplicateKeyError } from './mongoFailure';

/** A console account (`_id` = account id; `email` unique). */
export interface AccountDocument {
  _id: string;
  email: string;
  role: string;
  partnerId: string | null;
  passwordHash: string;
  createdAt: Date;
  disabledAt: Date | null;
}

/** A console session (`_id` = SHA-256 of the cookie's secret). */
export interface ConsoleSessionDocument {
  _id: string;
  accountId: string;
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

/** One audit line (`_id` = its id). */
export interface AuditDocument {
  _id: string;
  at: Date;
  accountId: string | null;
  actorEmail: string;
  actorRole: string | null;
  action: string;
  referralId: string | null;
  userKey: string | null;
  detail: string | null;
}

function decodeRole(key: string, role: string | null): ConsoleRole {
  if (!(CONSOLE_ROLES as readonly (string | null)[]).includes(role)) throw new CorruptStateError(key);
  return role as ConsoleRole;
}

/** Console accounts in `consoleAccounts`. */
export class MongoAccountRepository implements AccountRepository {
  constructor(
    private readonly collection: Collection<AccountDocument>,
    private readonly guard: OpenGuard
  ) {}

  async create(account: Account): Promise<void> {
    this.guard.assertOpen();
    try {
      await this.collection.insertOne({
        _id: account.id,
        email: account.email,
        role: account.role,
        partnerId: account.partnerId,
        passwordHash: account.passwordHash,
        createdAt: account.createdAt,
        disabledAt: account.disabledAt
      });
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      const byEmail = await this.collection.findOne({ email: account.email }, { projection: { _id: 1 } });
      throw new DuplicateKeyError('accounts', byEmail && byEmail._id !== account.id ? account.email : account.id);
    }
  }

  async get(id: string): Promise<Account | null> {
    this.guard.assertOpen();
    const doc = await this.collection.findOne({ _id: id });
    return doc ? toAccount(doc) : null;
  }

  async findByEmail(email: string): Promise<Account | null> {
    this.guard.assertOpen();
    const doc = await this.collection.findOne({ email });
    return doc ? toAccount(doc) : null;
  }

  async list(): Promise<Account[]> {
    this.guard.assertOpen();
    return (await this.collection.find({}, { sort: { email: 1 } }).toArray()).map(toAccount);
  }

  async setPasswordHash(id: string, passwordHash: string): Promise<boolean> {
    this.guard.assertOpen();
    return (await this.collection.updateOne({ _id: id }, { $set: { passwordHash } })).matchedCount === 1;
  }

  async disable(id: string, at: Date): Promise<boolean> {
    this.guard.assertOpen();
    return (await this.collection.updateOne({ _id: id, disabledAt: null }, { $set: { disabledAt: at } })).matchedCount === 1;
  }
}

function toAccount(doc: AccountDocument): Account {
  return {
    id: doc._id,
    email: doc.email,
    role: decodeRole(doc._id, doc.role),
    partnerId: doc.partnerId ?? null,
    passwordHash: doc.passwordHash,
    createdAt: storedDate(doc._id, doc.createdAt),
    disabledAt: doc.disabledAt ? storedDate(doc._id, doc.disabledAt) : null
  };
}

/** Console sessions in `consoleSessions`. */
export class MongoConsoleSessionRepository implements ConsoleSessionRepository {
  constructor(
    private readonly collection: Collection<ConsoleSessionDocument>,
    private readonly guard: OpenGuard
  ) {}

  async create(session: ConsoleSession): Promise<void> {
    this.guard.assertOpen();
    try {
      await this.collection.insertOne({
        _id: session.id,
        accountId: session.accountId,
        csrfToken: session.csrfToken,
        createdAt: session.createdAt,
        lastSeenAt: session.lastSeenAt,
        expiresAt: session.expiresAt
      });
    } catch (err) {
      throw isDuplicateKeyError(err) ? new DuplicateKeyError('consoleSessions', session.id) : err;
    }
  }

  async get(id: string): Promise<ConsoleSession | null> {
    this.guard.assertOpen();
    const doc = await this.collection.findOne({ _id: id });
    if (!doc) return null;
    return {
      id: doc._id,
      accountId: doc.accountId,
      csrfToken: doc.csrfToken,
      createdAt: storedDate(doc._id, doc.createdAt),
      lastSeenAt: storedDate(doc._id, doc.lastSeenAt),
      expiresAt: storedDate(doc._id, doc.expiresAt)
    };
  }

  async touch(id: string, at: Date): Promise<boolean> {
    this.guard.assertOpen();
    return (await this.collection.updateOne({ _id: id }, { $set: { lastSeenAt: at } })).matchedCount === 1;
  }

  async delete(id: string): Promise<boolean> {
    this.guard.assertOpen();
    return (await this.collection.deleteOne({ _id: id })).deletedCount === 1;
  }

  async deleteForAccount(accountId: string): Promise<number> {
    this.guard.assertOpen();
    return (await this.collection.deleteMany({ accountId })).deletedCount;
  }

  async deleteExpired(now: Date, idleMs: number): Promise<number> {
    this.guard.assertOpen();
    const idleSince = new Date(now.getTime() - idleMs);
    return (await this.collection.deleteMany({ $or: [{ expiresAt: { $lte: now } }, { lastSeenAt: { $lte: idleSince } }] })).deletedCount;
  }
}

/** The audit log in `auditLog`. */
export class MongoAuditLogRepository implements AuditLogRepository {
  readonly storeName = 'auditLog';

  constructor(
    private readonly collection: Collection<AuditDocument>,
    private readonly guard: OpenGuard
  ) {}

  async eraseUser(userKey: string): Promise<number> {
    this.guard.assertOpen();
    return (await this.collection.updateMany({ userKey }, { $set: { userKey: erasedKey() } })).modifiedCount;
  }

  /** Lines older than the retention period keep who acted and what, not whom it was about. */
  async deleteExpired(before: Date): Promise<number> {
    this.guard.assertOpen();
    const keys = await this.collection.distinct('userKey', { at: { $lt: before }, userKey: { $type: 'string', $not: new RegExp(`^${ERASED_PREFIX}`) } });
    let changed = 0;
    for (const key of keys) {
      if (typeof key !== 'string') continue;
      changed += (await this.collection.updateMany({ userKey: key, at: { $lt: before } }, { $set: { userKey: erasedKey() } })).modifiedCount;
    }
    return changed;
  }

  async append(entry: AuditEntry): Promise<void> {
    this.guard.assertOpen();
    try {
      await this.collection.insertOne({
        _id: entry.id,
        at: entry.at,
        accountId: entry.accountId,
        actorEmail: entry.actorEmail,
        actorRole: entry.actorRole,
        action: entry.action,
        referralId: entry.referralId,
        userKey: entry.userKey,
        detail: entry.detail
      });
    } catch (err) {
      throw isDuplicateKeyError(err) ? new DuplicateKeyError('auditLog', entry.id) : err;
    }
  }

  async list(query: AuditQuery): Promise<AuditEntry[]> {
    this.guard.assertOpen();
    const filter: Filter<AuditDocument> = {};
    if (query.referralId !== undefined) filter.referralId = query.referralId;
    if (query.before) filter.$or = [{ at: { $lt: query.before.at } }, { at: query.before.at, _id: { $lt: query.before.id } }];
    const docs = await this.collection.find(filter, { sort: { at: -1, _id: -1 }, limit: query.limit }).toArray();
    return docs.map((doc) => ({
      id: doc._id,
      at: storedDate(doc._id, doc.at),
      accountId: doc.accountId ?? null,
      actorEmail: doc.actorEmail,
      actorRole: doc.actorRole === null || doc.actorRole === undefined ? null : decodeRole(doc._id, doc.actorRole),
      action: doc.action,
      referralId: doc.referralId ?? null,
      userKey: doc.userKey ?? null,
      detail: doc.detail ?? null
    }));
  }
}

/** A partner's capacity (`_id` = partner id). */
export interface PartnerCapacityDocument {
  _id: string;
  capacity: number;
  updatedAt: Date;
}

/** Partners' capacities in `partnerCapacities`. */
export class MongoPartnerCapacityRepository implements PartnerCapacityRepository {
  constructor(
    private readonly collection: Collection<PartnerCapacityDocument>,
    private readonly guard: OpenGuard
  ) {}

  async all(): Promise<Map<string, number>> {
    this.guard.assertOpen();
    return new Map((await this.collection.find({}).toArray()).map((doc) => [doc._id, doc.capacity]));
  }

  async set(partnerId: string, capacity: number, at: Date): Promise<void> {
    this.guard.assertOpen();
    if (!Number.isInteger(capacity) || capacity < 0) throw new TypeError(`capacity must be a non-negative integer, not ${capacity}`);
    await this.collection.updateOne({ _id: partnerId }, { $set: { capacity, updatedAt: at } }, { upsert: true });
  }
}
