import type { Storage } from 'botbuilder';
import type { AccountRepository } from './accountRepository';
import type { AssessmentRepository } from './assessmentRepository';
import type { AuditLogRepository } from './auditLogRepository';
import type { ConsoleSessionRepository } from './consoleSessionRepository';
import type { PartnerCapacityRepository } from './partnerCapacityRepository';
import type { ConsentRepository } from './consentRepository';
import type { ConversationStartRepository } from './conversationStartRepository';
import type { ConversationReferenceRepository } from './conversationReferenceRepository';
import type { EligibilityCheckRepository } from './eligibilityCheckRepository';
import type { HandoffRepository } from './handoffRepository';
import type { LeaseRepository } from './leaseRepository';
import type { OutboxRepository } from './outboxRepository';
import type { PersonalDataStore } from './personalDataStore';
import type { PartnerApiKeyRepository } from './partnerApiKeyRepository';
import type { ProfileLinkRepository } from './profileLinkRepository';
import type { ReferralRepository } from './referralRepository';
import type { ReportingRepository } from './reportingRepository';
import type { TrainingInterestRepository } from './trainingInterestRepository';
import type { UserProfileRepository } from './userProfileRepository';

/**
 * What the database offers beyond the basics every adapter relies on (documents by id, unique
 * indexes, atomic single-document inserts). Found out when the storage opens, never assumed from
 * the server's name.
 */
export interface StorageCapabilities {
  /** The database deletes expired records itself (MongoDB TTL indexes; SQLite: no). */
  readonly expiresRecords: boolean;
  /** Indexes restricted to part of the records (partial indexes). */
  readonly partialIndexes: boolean;
  /** Transactions over several records (used by nothing that must work everywhere). */
  readonly transactions: boolean;
}

/**
 * Everything an adapter provides. Built by an async factory (`openSqliteStorage`,
 * `openMongoStorage`) that returns a ready object: migrations/indexes already applied.
 */
export interface StorageBundle {
  /** Which adapter this is, for logs and `/readyz`. */
  readonly kind: 'sqlite' | 'mongodb';
  /**
   * Bot state, botbuilder's `Storage` contract: `read` ignores missing keys; `write` with an
   * item whose `eTag` differs from the stored one is rejected with `EtagConflictError`; an
   * `eTag` of `*` or no `eTag` overwrites; every write returns a new eTag in the stored item;
   * `delete` ignores missing keys.
   */
  readonly botState: Storage;
  readonly profiles: UserProfileRepository;
  readonly consents: ConsentRepository;
  readonly eligibilityChecks: EligibilityCheckRepository;
  /** Skills self-assessments, with optimistic concurrency on save. */
  readonly assessments: AssessmentRepository;
  /** Expiring links to printable profiles, kept by token hash. */
  readonly profileLinks: ProfileLinkRepository;
  /** Interests in trainings, at most one per user and training. */
  readonly trainingInterests: TrainingInterestRepository;
  /** Each person's latest conversation, to reach them later. */
  readonly conversationReferences: ConversationReferenceRepository;
  /** Referrals to partners, saved with their outbox messages. */
  readonly referrals: ReferralRepository;
  /** Conversations handed to a person, saved with their outbox messages. */
  readonly handoffs: HandoffRepository;
  /** Messages waiting to be delivered. */
  readonly outbox: OutboxRepository;
  /** Partners' API keys. */
  readonly partnerApiKeys: PartnerApiKeyRepository;
  /** Time-limited leases shared by every process on this database (turns, the local Direct Line). */
  readonly leases: LeaseRepository;
  /** Console accounts. */
  readonly accounts: AccountRepository;
  /** Signed-in console browsers. */
  readonly consoleSessions: ConsoleSessionRepository;
  /** Who saw or changed what in the console. */
  readonly auditLog: AuditLogRepository;
  /** Capacities partners set in the console. */
  readonly partnerCapacities: PartnerCapacityRepository;
  /** Conversations that started (nothing personal), the funnel's first stage. */
  readonly conversationStarts: ConversationStartRepository;
  /** What reporting reads of the other stores (few fields, every record). */
  readonly reporting: ReportingRepository;
  /**
   * Every store above that holds personal data, each once: what erasure and the retention
   * sweep go through (`PrivacyService`). A store added to the bundle that keeps anything about
   * a person must be listed here (test/storage/contract/personalData checks it).
   */
  readonly personalData: readonly PersonalDataStore[];
  /** What the database can do (decided at connection). */
  readonly capabilities: StorageCapabilities;
  /** Resolves when the database answers; rejects otherwise. */
  ping(): Promise<void>;
  /** Closes connections; further calls fail. Idempotent. */
  close(): Promise<void>;
}
