import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { LexiconError } from './lexiconError';
import { PhraseMatcher } from './phraseMatcher';

const phrase = z.string().trim().min(1, 'must not be empty');
const phrases = z.array(phrase);

/**
 * Shape of `lexicons/<lang>/understanding.json`: the words a person may type in that language,
 * for what the recognizers do not cover (see docs/understanding.md).
 */
export const lexiconSchema = z
  .object({
    /** Folder name of the locale, e.g. "fr", "ckb". */
    language: z.string().regex(/^[a-z]{2,3}$/, 'must be a 2- or 3-letter language code'),
    /** Free text for translators and reviewers (review status, sources). Ignored by the code. */
    notes: z.string().optional(),
    /** Ways to say yes; several words allowed ("bien sûr"). */
    yes: phrases.min(1, 'needs at least one word'),
    /** Ways to say no, including polite forms ("non merci", "no thanks", "nee dank je"). */
    no: phrases.min(1, 'needs at least one word'),
    /** "I don't know", "maybe": present in an answer, it is neither yes nor no. */
    unsure: phrases,
    /** Ways to skip a question ("passer", "skip", "prefer not to say"). */
    skip: phrases.min(1, 'needs at least one word'),
    numbers: z
      .object({
        /** Number words and phrases with their value ("vingt": 20, "soixante et onze": 71). */
        words: z.record(phrase, z.number().int().min(0).max(1000)),
        /**
         * Templates building tens + unit from the words: `{t}` a word worth 10..90 (a multiple of
         * ten), `{u}` a word worth 1..9. "{t}-{u}" (vingt-deux), "{u}und{t}" (zweiundzwanzig),
         * "{u} و{t}" (اثنان وعشرون). Explicit words win over generated phrases.
         */
        compounds: z.array(
          z
            .string()
            .includes('{t}', { message: 'must contain {t}' })
            .includes('{u}', { message: 'must contain {u}' })
        )
      })
      .strict(),
    /** Twelve lists, January first: names and abbreviations as people write them in dates. */
    months: z.array(phrases.min(1, 'needs at least one name')).length(12, 'must list the 12 months'),
    /** Greetings ("bonjour", "salut", "سلام"): said alone, they are a greeting, not an answer. */
    greetings: phrases.min(1, 'needs at least one greeting'),
    /**
     * How people writing this language name each language ("arabe", "عربي", "بالعربي"), by
     * language code: the language question understands these names whatever language it is asked in.
     */
    languageNames: z.record(z.string().regex(/^[a-z]{2,3}$/, 'must be a 2- or 3-letter language code'), phrases.min(1, 'needs at least one name')),
    /**
     * Country names in this language ("Grèce", "یونان"), by ISO 3166-1 alpha-2 code: the five
     * partner countries and the countries people often come from or pass through.
     */
    countries: z.record(z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code'), phrases.min(1, 'needs at least one name')),
    /**
     * Words that may surround an age ("j'ai", "ans", "years", "old", "عمري", "سنة"). A number
     * written in words counts as an age only among such words: "Trouver une formation" is no age.
     */
    ageWords: phrases,
    /**
     * "Talk to a person": `ask`, everyday ways to ask for a person ("parler à quelqu'un", "مع
     * موظف"), found anywhere in a short message; `end`, ways to end the talk with a person and go
     * back to the assistant ("fin", "إنهاء"), said alone. The texts quote one of the `end` words.
     */
    handoff: z
      .object({
        ask: phrases.min(1, 'needs at least one way to ask for a person'),
        end: phrases.min(1, 'needs at least one word to end the talk with a person')
      })
      .strict()
  })
  .strict();

export type Lexicon = z.infer<typeof lexiconSchema>;

/** What an answer word means for a yes/no question. */
export type AnswerKind = 'yes' | 'no' | 'unsure' | 'skip';

/** A lexicon turned into phrase matchers, built once per lexicon object. */
export interface CompiledLexicon {
  readonly answers: PhraseMatcher<AnswerKind>;
  /** Skip phrases alone (some are also in `answers` as "no"). */
  readonly skip: PhraseMatcher<true>;
  readonly numbers: PhraseMatcher<number>;
  /** Month number 1..12. */
  readonly months: PhraseMatcher<number>;
  readonly greetings: PhraseMatcher<true>;
  /** Language code of each language name. */
  readonly languageNames: PhraseMatcher<string>;
  /** ISO 3166-1 alpha-2 code of each country name. */
  readonly countries: PhraseMatcher<string>;
  readonly ageWords: PhraseMatcher<true>;
  /** Ways to ask for a person. */
  readonly handoffAsk: PhraseMatcher<true>;
  /** Ways to end the talk with a person. */
  readonly handoffEnd: PhraseMatcher<true>;
}

const compiled = new WeakMap<Lexicon, CompiledLexicon>();

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('') || '(root)';
}

/**
 * Validates parsed JSON as a lexicon.
 * @throws LexiconError naming `source` and the first wrong field.
 */
export function parseLexicon(json: unknown, source: string): Lexicon {
  const result = lexiconSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new LexiconError(source, formatPath(issue?.path ?? []), issue?.message ?? 'is invalid');
  }
  compileLexicon(result.data, source);
  return result.data;
}

function addAll(matcher: PhraseMatcher<AnswerKind>, list: readonly string[], kind: AnswerKind, source: string): void {
  list.forEach((entry, i) => {
    if (!matcher.add(entry, kind)) {
      const other = matcher.get(entry);
      if (other !== kind) {
        throw new LexiconError(source, `${kind}[${i}]`, `"${entry}" is already listed under "${String(other)}"`);
      }
    }
  });
}

function tensAndUnits(words: Record<string, number>): { tens: [string, number][]; units: [string, number][] } {
  const entries = Object.entries(words);
  return {
    tens: entries.filter(([, v]) => v >= 10 && v <= 90 && v % 10 === 0),
    units: entries.filter(([, v]) => v >= 1 && v <= 9)
  };
}

/**
 * Phrase matchers for a lexicon, memoised per object (lexicons are treated as immutable). Also
 * checks what the schema cannot: a phrase listed as both yes and no, a month name used for two
 * months, a number word that folds like another with a different value.
 * @throws LexiconError on such a conflict.
 */
export function compileLexicon(lexicon: Lexicon, source = `lexicon "${lexicon.language}"`): CompiledLexicon {
  const cached = compiled.get(lexicon);
  if (cached) return cached;

  const answers = new PhraseMatcher<AnswerKind>();
  addAll(answers, lexicon.yes, 'yes', source);
  addAll(answers, lexicon.no, 'no', source);
  addAll(answers, lexicon.unsure, 'unsure', source);
  // A skip phrase may also be a way of saying no ("pass"); it stays "no" then.
  const skip = new PhraseMatcher<true>();
  for (const entry of lexicon.skip) {
    answers.add(entry, 'skip');
    skip.add(entry, true);
  }

  const numbers = new PhraseMatcher<number>();
  for (const [word, value] of Object.entries(lexicon.numbers.words)) {
    if (!numbers.add(word, value) && numbers.get(word) !== value) {
      throw new LexiconError(source, `numbers.words.${word}`, `reads like a word already worth ${String(numbers.get(word))}`);
    }
  }
  const { tens, units } = tensAndUnits(lexicon.numbers.words);
  for (const template of lexicon.numbers.compounds) {
    for (const [ten, tenValue] of tens) {
      for (const [unit, unitValue] of units) {
        numbers.add(template.replace('{t}', ten).replace('{u}', unit), tenValue + unitValue);
      }
    }
  }

  const months = new PhraseMatcher<number>();
  lexicon.months.forEach((names, m) => {
    names.forEach((name, i) => {
      if (!months.add(name, m + 1) && months.get(name) !== m + 1) {
        throw new LexiconError(source, `months[${m}][${i}]`, `"${name}" is already month ${String(months.get(name))}`);
      }
    });
  });

  const greetings = new PhraseMatcher<true>();
  for (const greeting of lexicon.greetings) greetings.add(greeting, true);
  const languageNames = namedCodes(lexicon.languageNames, 'languageNames', source);
  const countries = namedCodes(lexicon.countries, 'countries', source);
  const ageWords = new PhraseMatcher<true>();
  for (const word of lexicon.ageWords) ageWords.add(word, true);

  const handoffAsk = new PhraseMatcher<true>();
  for (const entry of lexicon.handoff.ask) handoffAsk.add(entry, true);
  const handoffEnd = new PhraseMatcher<true>();
  for (const entry of lexicon.handoff.end) handoffEnd.add(entry, true);

  const result: CompiledLexicon = { answers, skip, numbers, months, greetings, languageNames, countries, ageWords, handoffAsk, handoffEnd };
  compiled.set(lexicon, result);
  return result;
}

/** Names → code; a name listed under two codes is an error (it could not tell them apart). */
function namedCodes(byCode: Record<string, readonly string[]>, field: string, source: string): PhraseMatcher<string> {
  const matcher = new PhraseMatcher<string>();
  for (const [code, names] of Object.entries(byCode)) {
    names.forEach((name, i) => {
      if (!matcher.add(name, code) && matcher.get(name) !== code) {
        throw new LexiconError(source, `${field}.${code}[${i}]`, `"${name}" is already a name of ${String(matcher.get(name))}`);
      }
    });
  }
  return matcher;
}

/** Name of the lexicon file inside each language folder of the lexicons directory. */
export const LEXICON_FILE = 'understanding.json';

/**
 * Reads every `<lexiconsDir>/<lang>/understanding.json`. Folders without the file are skipped (a
 * language then has digits and, if any, the recognizers only).
 * @returns lexicons keyed by folder name.
 * @throws LexiconError naming the file and field when one is unreadable or wrong; an Error when
 *   `lexiconsDir` does not exist.
 */
export function loadLexicons(lexiconsDir: string): Record<string, Lexicon> {
  if (!existsSync(lexiconsDir)) {
    throw new Error(`lexicons folder "${lexiconsDir}" not found: cannot load understanding lexicons`);
  }
  const lexicons: Record<string, Lexicon> = {};
  const folders = readdirSync(lexiconsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  for (const folder of folders) {
    const file = join(lexiconsDir, folder, LEXICON_FILE);
    if (!existsSync(file)) continue;
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      throw new LexiconError(file, '(file)', `is not readable JSON: ${(err as Error).message}`);
    }
    const lexicon = parseLexicon(json, file);
    if (lexicon.language !== folder) {
      throw new LexiconError(file, 'language', `is "${lexicon.language}" but the file is in folder "${folder}"`);
    }
    lexicons[folder] = lexicon;
  }
  return lexicons;
}
