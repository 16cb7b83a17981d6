import { join } from 'node:path';
import { loadLexicons } from '../../src/understanding';
import type { Lexicon } from '../../src/understanding';

export const LEXICONS_DIR = join(__dirname, '..', '..', 'lexicons');

let cache: Record<string, Lexicon> | undefined;

/** The real lexicons of the repository, loaded once per test file. */
export function lexicons(): Record<string, Lexicon> {
  cache ??= loadLexicons(LEXICONS_DIR);
  return cache;
}

export function lexicon(lang: string): Lexicon {
  const found = lexicons()[lang];
  if (!found) throw new Error(`no lexicon for ${lang} in ${LEXICONS_DIR}`);
  return found;
}

/** Cold French models compile 100 kB regexes (seconds); tests warm them once, up front. */
export const WARM_UP_TIMEOUT_MS = 120_000;
