export * from './dialogIds';
export type { DialogDeps } from './dialogDeps';
export { MainDialog, type MainOptions } from './main/mainDialog';
export { MENU_ITEMS, AVAILABLE_ITEMS, type MenuItem } from './main/menu';
export { LanguageDialog, type LanguageChoice } from './language/languageDialog';
export { ConsentDialog, type ConsentOutcome } from './consent/consentDialog';
export { EligibilityDialog } from './eligibility/eligibilityDialog';
export { AssessmentDialog, type AssessmentOptions } from './assessment/assessmentDialog';
export { TrainingSearchDialog } from './trainings/trainingSearchDialog';
