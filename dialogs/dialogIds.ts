/** Dialog and prompt ids, one place so tests and containers agree. */
export const MAIN_DIALOG = 'mainDialog';
export const LANGUAGE_DIALOG = 'languageDialog';
export const CONSENT_DIALOG = 'consentDialog';
export const ELIGIBILITY_DIALOG = 'eligibilityDialog';
export const ASSESSMENT_DIALOG = 'assessmentDialog';
export const TRAINING_SEARCH_DIALOG = 'trainingSearchDialog';
export const MY_DATA_DIALOG = 'myDataDialog';

export const CHOICE_PROMPT = 'choicePrompt';
export const YES_NO_PROMPT = 'yesNoPrompt';
export const AGE_QUESTION = 'ageQuestion';
export const OPTIONAL_TEXT_PROMPT = 'optionalTextPrompt';
export const REFERRAL_DIALOG = 'referralDialog';
export const MY_REFERRALS_DIALOG = 'myReferralsDialog';
export const INFO_ANSWER_DIALOG = 'infoAnswerDialog';
export const FREE_TEXT_PROMPT = 'freeTextPrompt';
export const HANDOFF_DIALOG = 'handoffDialog';
