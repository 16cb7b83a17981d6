export { ReferralDialog, type ReferralDialogDeps } from './referralDialog';
export { MyReferralsDialog, type MyReferralsDialogDeps, type MyReferralsOptions } from './myReferralsDialog';
export { InfoAnswerDialog, type InfoAnswerDialogDeps, type InfoAnswerOptions } from './infoAnswerDialog';
export type { ReferralOptions } from './referralOptions';
