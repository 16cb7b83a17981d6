import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { readLexiconJson } from './lexicon';
import { LexiconError } from './lexiconError';
import { tokenize } from './normalize';
import { PhraseMatcher } from './phraseMatcher';

/** What worries us in a message: the answer is the same (emergency contacts), the kind is for tests and metrics. */
export const CONCERNS = ['selfHarm', 'violence', 'abuse', 'distress'] as const;
export type Concern = (typeof CONCERNS)[number];

const phrases = z.array(z.string().trim().min(1, 'must not be empty')).min(1, 'needs at least one phrase');

/**
 * `lexicons/<lang>/safety.json`: words of distress, self-harm, violence and abuse in one
 * language. Phrases are specific on purpose ("I want to die", not "die"): an ordinary answer
 * must never be taken for one (the conversation corpus of every language is checked).
 */
export const safetyLexiconSchema = z.strictObject({
  language: z.string().regex(/^[a-z]{2,3}$/, 'must be a 2- or 3-letter language code'),
  /** For translators and reviewers (review status, sources). Ignored by the code. */
  notes: z.string().optional(),
  selfHarm: phrases,
  violence: phrases,
  abuse: phrases,
  distress: phrases
});
export type SafetyLexicon = z.infer<typeof safetyLexiconSchema>;

export const SAFETY_LEXICON_FILE = 'safety.json';

/** Reads every `<lexiconsDir>/<lang>/safety.json` (LexiconError naming the file and field otherwise). */
export function loadSafetyLexicons(lexiconsDir: string): Record<string, SafetyLexicon> {
  const lexicons: Record<string, SafetyLexicon> = {};
  for (const entry of readdirSync(lexiconsDir, { withFileTypes: true }).filter((e) => e.isDirectory())) {
    const file = join(lexiconsDir, entry.name, SAFETY_LEXICON_FILE);
    if (!existsSync(file)) continue;
    const parsed = safetyLexiconSchema.safeParse(readLexiconJson(file));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new LexiconError(file, (issue?.path ?? []).join('.') || '(file)', issue?.message ?? 'is invalid');
    }
    if (parsed.data.language !== entry.name) throw new LexiconError(file, 'language', `is "${parsed.data.language}" but the file is in folder "${entry.name}"`);
    lexicons[entry.name] = parsed.data;
  }
  return lexicons;
}

/**
 * Finds words of distress, self-harm, violence or abuse in a message, in any shipped language
 * whatever the conversation's (a person writing in French may fall back on Arabic when upset):
 * folded, as whole words and phrases. Long messages are read too (distress is rarely short).
 */
export class ConcernRecognizer {
  private readonly matcher = new PhraseMatcher<Concern>();

  constructor(lexicons: Record<string, SafetyLexicon>) {
    for (const lexicon of Object.values(lexicons)) {
      for (const concern of CONCERNS) for (const phrase of lexicon[concern]) this.matcher.add(phrase, concern);
    }
  }

  /** The first concern found in `text`, or undefined. */
  recognize(text: string | undefined): Concern | undefined {
    if (!text) return undefined;
    // Bounded: a message is at most 10,000 characters (activity schemas), tokens are words.
    return this.matcher.findAll(tokenize(text.slice(0, 10_000)))[0]?.value;
  }

  get size(): number {
    return this.matcher.size;
  }
}
