import { join } from 'node:path';
import { loadLexicons } from '../../src/understanding';
import type { Lexicon } from '../../src/understanding';

export const LOCALES_DIR = join(__dirname, '..', '..', 'locales');

let cache: Record<string, Lexicon> | undefined;

/** The real lexicons of the repository, loaded once per test file. */
export function lexicons(): Record<string, Lexicon> {
  cache ??= loadLexicons(LOCALES_DIR);
  return cache;
}

export function lexicon(lang: string): Lexicon {
  const found = lexicons()[lang];
  if (!found) throw new Error(`no lexicon for ${lang} in ${LOCALES_DIR}`);
  return found;
}

/** Cold French models compile 100 kB regexes (seconds); tests warm them once, up front. */
export const WARM_UP_TIMEOUT_MS = 120_000;
