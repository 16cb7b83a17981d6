export { Localizer, LocaleLoadError, type Texts, type TranslateParams } from './localizer';
export { matchLanguage, resolveLanguage, isRightToLeft, RTL_LANGUAGES } from './languages';
export { languagesFromScript } from './scriptDetection';
export { formatDate, formatDay, formatDayAndTime, formatList, formatMonth, formatMoney, formatNumber, languageFormat, LANGUAGE_FORMATS } from './format';
export type { DigitSystem, LanguageFormat } from './format';
export { CONSOLE_LANGUAGES, isConsoleNamespace, type ConsoleLanguage } from './consoleLanguages';
