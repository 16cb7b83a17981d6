export { loadContent, CONTENT_FILES } from './loadContent';
export { formatFieldPath, readValidated, readJson, displayPath, describeIssue } from './readContentFile';
export { loadQuestionnaires, QUESTIONNAIRES_FILE, questionnairesFileSchema } from './questionnaires';
export { loadTrainingCatalogue, TRAINING_CATALOGUE_FILE, trainingCatalogueSchema } from './trainingCatalogue';
export type { Content, PrivacyNotice } from './loadContent';
export { ContentValidationError } from './contentValidationError';
export type { ContentProblem } from './contentValidationError';
export { eligibilityRulesSchema, countriesFileSchema, privacyNoticeSchema, criterionRuleSchema } from './schemas';
export type { CountryInfo } from '../domain';
