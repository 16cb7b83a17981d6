export { parseTrainingQuery } from './parseTrainingQuery';
export type { ParseTrainingQueryOptions } from './parseTrainingQuery';
export { trainingQueryVocabulary, splitWordList } from './trainingQueryVocabulary';
export type { TrainingQueryVocabulary } from './trainingQueryVocabulary';
export { TrainingQueryParser, type WordLists } from './trainingQueryParser';
