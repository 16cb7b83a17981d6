export type { ConsentDecision, ConsentRecord, ConsentStatus } from './types';
export { consentStatus, UNDECIDED } from './consentStatus';
