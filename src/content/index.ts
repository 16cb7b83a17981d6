export { loadContent, CONTENT_FILES, formatFieldPath } from './loadContent';
export type { Content, PrivacyNotice } from './loadContent';
export { ContentValidationError } from './contentValidationError';
export type { ContentProblem } from './contentValidationError';
export { eligibilityRulesSchema, countriesFileSchema, privacyNoticeSchema, criterionRuleSchema } from './schemas';
export type { CountryInfo } from '../domain';
