import { type Db, MongoClient, MongoNetworkError, MongoServerError } from 'mongodb';
import { FieldCipher } from '../fieldCipher';
import { OpenGuard } from '../openGuard';
import type { StorageBundle, StorageCapabilities } from '../ports';
import { MongoAssessmentRepository } from './mongoAssessmentRepository';
import { MongoBotStateStorage } from './mongoBotStateStorage';
import { detectCapabilities } from './mongoCapabilities';
import { MongoConsentRepository } from './mongoConsentRepository';
import {
  type AccountDocument,
  type AuditDocument,
  type ConsoleSessionDocument,
  MongoAccountRepository,
  MongoAuditLogRepository,
  MongoConsoleSessionRepository,
  MongoPartnerCapacityRepository,
  type PartnerCapacityDocument
} from './mongoConsoleRepositories';
import { MongoConversationReferenceRepository } from './mongoConversationReferenceRepository';
import {
  type AssessmentDocument,
  type BotStateDocument,
  COLLECTIONS,
  type ConsentDocument,
  type ConversationReferenceDocument,
  type LeaseDocument,
  type EligibilityCheckDocument,
  type HandoffDocument,
  type OutboxDocument,
  type ProfileDocument,
  type ProfileLinkDocument,
  type PartnerApiKeyDocument,
  type ReferralDocument,
  type ReferralPlaceDocument,
  type TrainingInterestDocument
} from './mongoDocuments';
import { MongoEligibilityCheckRepository } from './mongoEligibilityCheckRepository';
import { MongoHandoffRepository } from './mongoHandoffRepository';
import { mongoUnavailable } from './mongoFailure';
import { MongoLeaseRepository } from './mongoLeaseRepository';
import { type ConversationStartDocument, MongoConversationStartRepository } from './mongoConversationStartRepository';
import { MongoReportingRepository } from './mongoReportingRepository';
import { MongoOutboxRepository } from './mongoOutboxRepository';
import { MongoPartnerApiKeyRepository } from './mongoPartnerApiKeyRepository';
import { MongoProfileLinkRepository } from './mongoProfileLinkRepository';
import { MongoReferralRepository } from './mongoReferralRepository';
import { MongoTrainingInterestRepository } from './mongoTrainingInterestRepository';
import { MongoUserProfileRepository } from './mongoUserProfileRepository';
import { type WriteClaimDocument, WriteClaims } from './mongoWriteClaims';

/** Where the MongoDB database is. */
export interface MongoStorageOptions {
  /** Connection string (`MONGODB_URI`); may carry credentials, which are never logged. */
  uri: string;
  dbName: string;
  /** How long to look for a server before giving up, in ms (default 10000). */
  serverSelectionTimeoutMS?: number;
  /** Encryption at rest of the values that say most about a person (default: the development key). */
  cipher?: FieldCipher;
}

/**
 * Connects to MongoDB (or a server speaking its protocol), pings it, finds out what it can do
 * (`detectCapabilities`), creates the indexes and returns a ready `StorageBundle`. Every write
 * uses `w: 'majority'`. A server that cannot be reached (or refuses the credentials) is a
 * `StorageUnavailableError` that says what to check, without the password.
 */
export async function openMongoStorage(options: MongoStorageOptions): Promise<StorageBundle> {
  const { uri, dbName, serverSelectionTimeoutMS = 10_000 } = options;
  let client: MongoClient | undefined;
  try {
    client = new MongoClient(uri, {
      serverSelectionTimeoutMS,
      writeConcern: { w: 'majority' },
      // Absent optional fields stay absent (as in JSON/SQLite) instead of becoming null.
      ignoreUndefined: true,
      appName: 'passerelle'
    });
    await client.connect();
    const db = client.db(dbName);
    await db.command({ ping: 1 });
    // Several instances starting together prepare the same collections at once; some servers
    // (FerretDB on SQLite) drop a connection when that collides, so preparing is retried.
    const capabilities = await retryTransient(() => detectCapabilities(db));
    await retryTransient(() => createIndexes(db, capabilities));
    return createBundle(client, db, capabilities, options.cipher ?? FieldCipher.development());
  } catch (err) {
    await client?.close().catch(() => undefined);
    throw mongoUnavailable(uri, err);
  }
}

/** Runs `prepare` again (up to 5 times, with a growing pause) when the network dropped under it. */
async function retryTransient<T>(prepare: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await prepare();
    } catch (err) {
      if (attempt >= 5 || !(err instanceof MongoNetworkError)) throw err;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt + Math.floor(Math.random() * 100)));
    }
  }
}

/**
 * Indexes for every query the repositories run (`_id` is the unique id of each collection). One
 * createIndexes per collection, in sequence: parallel calls on a collection that does not exist
 * yet race to create it on some servers. An index that exists by name is left as it is.
 */
async function createIndexes(db: Db, capabilities: StorageCapabilities): Promise<void> {
  const resumeKey = { userKey: 1, questionnaireId: 1, updatedAt: -1, startedAt: -1, seq: -1 } as const;
  const plans: [string, { key: Record<string, 1 | -1>; name: string; [option: string]: unknown }[]][] = [
    [
      COLLECTIONS.botState,
      [
        // Retention: state kept only for a while (keepUntil) goes by itself where the server has
        // TTL indexes (documents without the field are never expired by it); the sweep deletes
        // the rest, and everything on servers without TTL indexes.
        capabilities.expiresRecords
          ? { key: { keepUntil: 1 }, name: 'keepUntilTtl', expireAfterSeconds: 0 }
          : { key: { keepUntil: 1 }, name: 'byKeepUntil' },
        { key: { updatedAt: 1 }, name: 'byUpdatedAt' }
      ]
    ],
    [COLLECTIONS.profiles, [{ key: { updatedAt: 1 }, name: 'byUpdatedAt' }]],
    [COLLECTIONS.conversationReferences, [{ key: { updatedAt: 1 }, name: 'byUpdatedAt' }]],
    [
      COLLECTIONS.consents,
      [
        { key: { userKey: 1, decidedAt: 1, seq: 1 }, name: 'byUserDecidedAt' },
        { key: { decidedAt: 1 }, name: 'byDecidedAt' },
        // Reporting reads the granted decisions.
        { key: { decision: 1, decidedAt: 1 }, name: 'byDecision' }
      ]
    ],
    [COLLECTIONS.conversationStarts, [{ key: { month: 1, language: 1 }, name: 'byMonthLanguage' }]],
    [
      COLLECTIONS.eligibilityChecks,
      [
        { key: { userKey: 1, createdAt: -1, seq: -1 }, name: 'byUserCreatedAt' },
        { key: { createdAt: 1 }, name: 'byCreatedAt' }
      ]
    ],
    [
      COLLECTIONS.assessments,
      [
        { key: { userKey: 1, startedAt: -1, seq: -1 }, name: 'byUserStartedAt' },
        // Reporting reads the completed ones.
        { key: { status: 1, completedAt: 1 }, name: 'byStatusCompletedAt' },
        // Serves the resume query, which always filters on status 'inProgress': a partial index
        // where the server has them, else the same keys with the status in front.
        capabilities.partialIndexes
          ? { key: resumeKey, name: 'inProgressByUserQuestionnaire', partialFilterExpression: { status: 'inProgress' } }
          : { key: { status: 1, ...resumeKey }, name: 'byStatusUserQuestionnaire' }
      ]
    ],
    [
      COLLECTIONS.profileLinks,
      [
        // Retention: with TTL indexes the server deletes a link once expiresAt has passed (within
        // about a minute); otherwise the retention sweep does. Validity itself is checked on every
        // find. Also serves deleteExpired.
        capabilities.expiresRecords
          ? { key: { expiresAt: 1 }, name: 'expiresAtTtl', expireAfterSeconds: 0 }
          : { key: { expiresAt: 1 }, name: 'byExpiresAt' },
        { key: { userKey: 1 }, name: 'byUser' }
      ]
    ],
    [
      COLLECTIONS.trainingInterests,
      [
        // At most one interest per user and training, whatever the writers do; also serves the
        // lookup by that pair and deleteAllForUser.
        { key: { userKey: 1, trainingId: 1 }, name: 'byUserTraining', unique: true },
        { key: { userKey: 1, createdAt: -1, seq: -1 }, name: 'byUserCreatedAt' },
        { key: { trainingId: 1 }, name: 'byTraining' }
      ]
    ],
    [
      COLLECTIONS.referrals,
      [
        { key: { reference: 1 }, name: 'byReference', unique: true },
        { key: { userKey: 1, createdAt: -1, seq: -1 }, name: 'byUserCreatedAt' },
        { key: { status: 1, waitingSince: 1, seq: 1 }, name: 'queue' },
        { key: { partnerId: 1, status: 1, waitingSince: 1 }, name: 'byPartner' },
        { key: { outboxPending: 1 }, name: 'byOutboxPending' },
        // The console's queue: each filter's first page read in order from one index (keyset).
        { key: { waitingSince: 1, _id: 1 }, name: 'queueWaiting' },
        { key: { status: 1, waitingSince: 1, _id: 1 }, name: 'queueStatus' },
        { key: { partnerId: 1, waitingSince: 1, _id: 1 }, name: 'queuePartner' },
        { key: { programme: 1, waitingSince: 1, _id: 1 }, name: 'queueProgramme' },
        { key: { country: 1, waitingSince: 1, _id: 1 }, name: 'queueCountry' },
        { key: { language: 1, waitingSince: 1, _id: 1 }, name: 'queueLanguage' }
      ]
    ],
    [COLLECTIONS.accounts, [{ key: { email: 1 }, name: 'byEmail', unique: true }]],
    [COLLECTIONS.consoleSessions, [{ key: { accountId: 1 }, name: 'byAccount' }]],
    [
      COLLECTIONS.auditLog,
      [
        { key: { at: -1, _id: -1 }, name: 'byTime' },
        { key: { referralId: 1, at: -1, _id: -1 }, name: 'byReferral' }
      ]
    ],
    [
      COLLECTIONS.referralPlaces,
      [
        { key: { referralId: 1 }, name: 'byReferral', unique: true },
        { key: { programme: 1, place: 1 }, name: 'byProgramme' }
      ]
    ],
    [
      COLLECTIONS.handoffs,
      [
        { key: { status: 1, requestedAt: 1, _id: 1 }, name: 'queue' },
        { key: { conversationKey: 1, status: 1 }, name: 'byConversation' },
        { key: { userKey: 1 }, name: 'byUser' },
        { key: { outboxPending: 1 }, name: 'byOutboxPending' }
      ]
    ],
    [COLLECTIONS.partnerApiKeys, [{ key: { partnerId: 1, createdAt: -1 }, name: 'byPartner' }]],
    [
      COLLECTIONS.outbox,
      [
        { key: { status: 1, nextAttemptAt: 1, seq: 1 }, name: 'due' },
        { key: { aggregateId: 1 }, name: 'byAggregate' }
      ]
    ]
  ];
  for (const [name, indexes] of plans) {
    // Only the missing ones: some servers fail on re-creating an existing unique index.
    const existing = new Set(await indexNames(db, name));
    const missing = indexes.filter((index) => !existing.has(index.name));
    if (missing.length > 0) await db.collection(name).createIndexes(missing);
  }
}

/** Names of a collection's indexes; none when the collection does not exist yet. */
async function indexNames(db: Db, collection: string): Promise<string[]> {
  try {
    return (await db.collection(collection).indexes()).map((index) => String(index.name));
  } catch (err) {
    if (err instanceof MongoServerError && (err.code === 26 || err.codeName === 'NamespaceNotFound')) return [];
    throw err;
  }
}

function createBundle(client: MongoClient, db: Db, capabilities: StorageCapabilities, cipher: FieldCipher): StorageBundle {
  const guard = new OpenGuard();
  const claims = new WriteClaims(db.collection<WriteClaimDocument>(COLLECTIONS.writeClaims));
  const outboxCollection = db.collection<OutboxDocument>(COLLECTIONS.outbox);
  const referrals = new MongoReferralRepository(
    db.collection<ReferralDocument>(COLLECTIONS.referrals),
    outboxCollection,
    db.collection<ReferralPlaceDocument>(COLLECTIONS.referralPlaces),
    claims,
    guard,
    cipher
  );
  const handoffs = new MongoHandoffRepository(db.collection<HandoffDocument>(COLLECTIONS.handoffs), outboxCollection, claims, guard, cipher);
  const stores = {
    botState: new MongoBotStateStorage(db.collection<BotStateDocument>(COLLECTIONS.botState), claims, guard, cipher),
    profiles: new MongoUserProfileRepository(db.collection<ProfileDocument>(COLLECTIONS.profiles), guard),
    consents: new MongoConsentRepository(db.collection<ConsentDocument>(COLLECTIONS.consents), guard),
    eligibilityChecks: new MongoEligibilityCheckRepository(
      db.collection<EligibilityCheckDocument>(COLLECTIONS.eligibilityChecks),
      guard,
      cipher
    ),
    assessments: new MongoAssessmentRepository(db.collection<AssessmentDocument>(COLLECTIONS.assessments), claims, guard),
    profileLinks: new MongoProfileLinkRepository(db.collection<ProfileLinkDocument>(COLLECTIONS.profileLinks), guard),
    trainingInterests: new MongoTrainingInterestRepository(
      db.collection<TrainingInterestDocument>(COLLECTIONS.trainingInterests),
      guard
    ),
    conversationReferences: new MongoConversationReferenceRepository(
      db.collection<ConversationReferenceDocument>(COLLECTIONS.conversationReferences),
      guard,
      cipher
    ),
    referrals,
    handoffs,
    outbox: new MongoOutboxRepository(
      outboxCollection,
      claims,
      async () => {
        await referrals.relayPending();
        await handoffs.relayPending();
      },
      guard,
      cipher
    ),
    // Lines that name a person are anonymised when they are erased.
    auditLog: new MongoAuditLogRepository(db.collection<AuditDocument>(COLLECTIONS.auditLog), guard),
  };
  return {
    kind: 'mongodb',
    capabilities,
    ...stores,
    personalData: Object.values(stores),
    partnerApiKeys: new MongoPartnerApiKeyRepository(db.collection<PartnerApiKeyDocument>(COLLECTIONS.partnerApiKeys), guard),
    leases: new MongoLeaseRepository(db.collection<LeaseDocument>(COLLECTIONS.leases), guard),
    accounts: new MongoAccountRepository(db.collection<AccountDocument>(COLLECTIONS.accounts), guard),
    consoleSessions: new MongoConsoleSessionRepository(db.collection<ConsoleSessionDocument>(COLLECTIONS.consoleSessions), guard),
    partnerCapacities: new MongoPartnerCapacityRepository(db.collection<PartnerCapacityDocument>(COLLECTIONS.partnerCapacities), guard),
    conversationStarts: new MongoConversationStartRepository(db.collection<ConversationStartDocument>(COLLECTIONS.conversationStarts), guard),
    reporting: new MongoReportingRepository(
      {
        consents: db.collection<ConsentDocument>(COLLECTIONS.consents),
        eligibilityChecks: db.collection<EligibilityCheckDocument>(COLLECTIONS.eligibilityChecks),
        assessments: db.collection<AssessmentDocument>(COLLECTIONS.assessments),
        referrals: db.collection<ReferralDocument>(COLLECTIONS.referrals)
      },
      guard,
      cipher
    ),
    async ping() {
      guard.assertOpen();
      await db.command({ ping: 1 });
    },
    async close() {
      if (guard.close()) await client.close();
    }
  };
}
