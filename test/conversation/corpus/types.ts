import type { TrainingQuery } from '../../../src/domain';

/**
 * The everyday ways people answer each question, in one language, with what the bot must make of
 * them. Run through the real prompts and dialogs (test/conversation/corpus.test.ts), and listed in
 * docs/understanding.md (test/conversation/understandingDoc.test.ts).
 */
export interface LanguageCorpus {
  lang: string;
  /** "Which language?" (the language dialog): a language code, a greeting answered in kind, or a retry. */
  language: Example<string | 'greeting' | 'retry'>[];
  /** "How old are you?" (the age question): an age, a birth date, a year of birth; an implausible age is confirmed. */
  age: Example<{ age: number } | { birthDate: string } | { birthYear: number } | 'confirm' | 'retry'>[];
  /** "In which country do you live now?": a partner country, OTHER for any other country, or a retry. */
  country: Example<string | 'retry'>[];
  /** A yes/no question (the consent question). */
  yesNo: Example<boolean | 'retry'>[];
  /** "What kind of training are you looking for?": the filters understood, a filter button, or a retry. */
  search: Example<TrainingQuery | { filter: string } | 'retry'>[];
}

/** What a person says, what the bot understands, and (optionally) why the example is there. */
export type Example<T> = [said: string, understood: T, note?: string];

export type QuestionKind = Exclude<keyof LanguageCorpus, 'lang'>;
export const QUESTION_KINDS: readonly QuestionKind[] = ['language', 'age', 'country', 'yesNo', 'search'];
