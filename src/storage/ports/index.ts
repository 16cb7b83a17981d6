/**
 * Storage ports: what Passerelle keeps, independent of the database, one file per port. Each
 * adapter (SQLite, MongoDB) implements every port with identical behaviour; the contract suite
 * in `test/storage/contract` defines it. Record types belong to the domain (`src/domain`).
 */
export type { UserProfileRepository } from './userProfileRepository';
export type { ConsentRepository } from './consentRepository';
export type { EligibilityCheckRepository } from './eligibilityCheckRepository';
export type { AssessmentRepository } from './assessmentRepository';
export type { ProfileLinkRepository } from './profileLinkRepository';
export type { TrainingInterestRepository } from './trainingInterestRepository';
export type { ConversationReferenceRepository } from './conversationReferenceRepository';
export type { OutboxRepository } from './outboxRepository';
export type { PartnerReferralQuery, PlaceChange, ReferralRepository, StatusCounts } from './referralRepository';
export type { HandoffRepository } from './handoffRepository';
export type { PartnerApiKeyRepository } from './partnerApiKeyRepository';
export type { Lease, LeaseRepository } from './leaseRepository';
export type { AccountRepository } from './accountRepository';
export type { ConsoleSessionRepository } from './consoleSessionRepository';
export type { AuditLogRepository } from './auditLogRepository';
export type { PartnerCapacityRepository } from './partnerCapacityRepository';
export type { ConversationStartRepository } from './conversationStartRepository';
export type { ReportingRepository } from './reportingRepository';
export type { StorageBundle, StorageCapabilities } from './storageBundle';
export type { PersonalDataStore } from './personalDataStore';
// Record types, re-exported for the adapters' convenience: they are defined in the domain.
export type {
  Account,
  AuditEntry,
  AuditQuery,
  ConsoleSession,
  ReferralQueueQuery,
  AssessmentAnswer,
  AssessmentRecord,
  AssessmentStatus,
  CompletedAssessmentRow,
  ConsentGrantRow,
  ConversationStart,
  EligibilityCheckRow,
  ReferralReportRow,
  StartCount,
  ConsentDecision,
  ConsentRecord,
  EligibilityCheckRecord,
  NewOutboxMessage,
  OutboxMessage,
  OutboxStatus,
  OutboxStats,
  Handoff,
  HandoffStatus,
  PartnerApiKey,
  ProfileLink,
  Referral,
  ReferralStatus,
  StoredConversationReference,
  TrainingInterest,
  TrainingInterestSource,
  UserKey,
  UserProfile
} from '../../domain';
