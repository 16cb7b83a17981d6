export { REFERRAL_STATUSES } from './types';
export type { Referral, ReferralStatus } from './types';
