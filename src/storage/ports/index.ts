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
export type { PartnerReferralQuery, PlaceChange, ReferralRepository } from './referralRepository';
export type { PartnerApiKeyRepository } from './partnerApiKeyRepository';
export type { Lease, LeaseRepository } from './leaseRepository';
export type { StorageBundle, StorageCapabilities } from './storageBundle';
export type { PersonalDataStore } from './personalDataStore';
// Record types, re-exported for the adapters' convenience: they are defined in the domain.
export type {
  AssessmentAnswer,
  AssessmentRecord,
  AssessmentStatus,
  ConsentDecision,
  ConsentRecord,
  EligibilityCheckRecord,
  NewOutboxMessage,
  OutboxMessage,
  OutboxStatus,
  OutboxStats,
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
