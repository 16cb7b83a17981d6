export { REFERRAL_STATUSES, REFERRAL_ACTIONS, FINAL_STATUSES, SHARED_FIELDS } from './types';
export type {
  ActorKind,
  InfoRequest,
  Referral,
  ReferralAction,
  ReferralActor,
  ReferralConsent,
  ReferralDetails,
  ReferralEvent,
  ReferralNote,
  ReferralSource,
  ReferralStatus,
  SharedData,
  SharedField
} from './types';
export { allowedActions, holdsPlace, isFinal, openInfoRequest, REFERRAL_RULES, transition } from './stateMachine';
export type { TransitionInput, TransitionRefusal, TransitionResult } from './stateMachine';
export { normaliseReference, referenceFrom, REFERENCE_ALPHABET } from './reference';
export { PARTNER_KINDS, PARTNER_SERVICES } from './partners';
export type { Partner, PartnerDelivery, PartnerDirectory, PartnerKind, PartnerService } from './partners';
export { routeReferral } from './routing';
export type { RoutingCandidate, RoutingReason, RoutingRequest, RoutingResult } from './routing';
export { availableFields, FIELDS_BY_PROGRAMME, sharedData } from './sharedData';
export type { ReferralSources } from './sharedData';
export type { PartnerApiKey } from './apiKey';
export { noticesFor } from './notifications';
export type { PartnerEvent, PersonEvent, ReferralNotice } from './notifications';
