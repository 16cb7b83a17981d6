/**
 * Understanding free answers in the person's language: numbers, ages and birth dates, yes/no,
 * skip, choices, names of languages and countries, greetings. Framework-free pure functions; the
 * lexicon (lexicons/<lang>/understanding.json) is passed in. The recognizers are loaded on first
 * use, never at import. See docs/understanding.md.
 */
export { LANGUAGES, baseLanguage, recognizerCultures } from './cultures';
export type { Capability, Language, RecognizerCultures } from './cultures';
export { LEXICON_FILE, compileLexicon, lexiconSchema, loadLexicons, parseLexicon } from './lexicon';
export type { AnswerKind, CompiledLexicon, Lexicon } from './lexicon';
export { LexiconError } from './lexiconError';
export { fold, toLatinDigits, tokenize } from './normalize';
export { loadedRecognizerPackages, warmUp } from './recognizers';
export { numberMentions, recognizeNumber } from './recognizeNumber';
export type { NumberMentions } from './recognizeNumber';
export { recognizeCountry, recognizeGreeting, recognizeLanguageName } from './recognizeNames';
export type { Lexicons } from './recognizeNames';
export { MAX_AGE, recognizeAgeOrBirthDate } from './recognizeAgeOrBirthDate';
export type { AgeOrBirthDate } from './recognizeAgeOrBirthDate';
export { recognizeSkip, recognizeYesNo } from './recognizeYesNo';
export { recognizeHandoffEnd, recognizeHandoffRequest } from './recognizeHandoff';
export { matchChoice } from './matchChoice';
export type { Choice } from './matchChoice';
export { parseTrainingQuery, trainingQueryVocabulary, splitWordList, TrainingQueryParser } from './trainingQuery';
export type { ParseTrainingQueryOptions, TrainingQueryVocabulary, WordLists } from './trainingQuery';
