import { ar } from './ar';
import { ckb } from './ckb';
import { de } from './de';
import { en } from './en';
import { fa } from './fa';
import { fr } from './fr';
import { nl } from './nl';
import { ps } from './ps';
import { pt } from './pt';
import { ro } from './ro';
import { so } from './so';
import { ti } from './ti';
import { tr } from './tr';
import { uk } from './uk';
import type { LanguageCorpus } from './types';

/** The conversation corpus of every shipped language, in the order languages are listed. */
export const CORPORA: readonly LanguageCorpus[] = [fr, en, de, nl, pt, ro, ar, fa, ps, ckb, so, ti, tr, uk];
export { QUESTION_KINDS, type Example, type LanguageCorpus, type QuestionKind } from './types';
