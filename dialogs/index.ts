/** The dialogs: one folder per journey, the prompts, and the chat presenters. */
export * from './dialogIds';
export { isDialogActive } from './dialogStack';
export { MainDialog, type MainDialogDeps, type MainOptions } from './main/mainDialog';
export { JourneyRegistry, type Journey } from './main/journeys';
export { MENU_ITEMS, type MenuItem } from './main/menu';
export { LanguageDialog, type LanguageChoice, type LanguageDialogDeps } from './language/languageDialog';
export { ConsentDialog, type ConsentDialogDeps, type ConsentOutcome } from './consent/consentDialog';
export { EligibilityDialog, type EligibilityDialogDeps } from './eligibility/eligibilityDialog';
export { AssessmentDialog, type AssessmentDialogDeps, type AssessmentOptions } from './assessment/assessmentDialog';
export { TrainingSearchDialog, type TrainingSearchDialogDeps } from './trainings/trainingSearchDialog';
export { type EligibilityOutcome } from './eligibility/eligibilityDialog';
export { type TrainingInterestOutcome } from './trainings/trainingSearchDialog';
export * from './referral';
export { followUpOf, type FollowUp } from './followUp';
export { HandoffDialog, type HandoffConversation, type HandoffDialogDeps, type HandoffOutcome } from './handoff/handoffDialog';
export { ReferralPresenter } from './presenters';
export { MyDataDialog, type MyDataDialogDeps, type MyDataOptions } from './privacy/myDataDialog';
