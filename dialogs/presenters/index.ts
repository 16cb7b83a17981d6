export { TrainingPresenter } from './trainingPresenter';
export { assessmentSummary, profileCard, type AssessmentSummaryInput } from './assessmentSummary';
export { eligibilityResultMessage } from './eligibilityResult';
export { ReferralPresenter } from './referralPresenter';
