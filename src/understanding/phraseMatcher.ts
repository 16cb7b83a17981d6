import { fold } from './normalize';

/** A phrase found in a token list: tokens `[start, end)` and the value the phrase stands for. */
export interface PhraseMatch<V> {
  start: number;
  end: number;
  value: V;
}

/**
 * Finds known phrases (one or more words) in folded tokens, longest phrase first, left to right,
 * without overlaps: with "no" and "no thanks" known, "no thanks" is one match.
 */
export class PhraseMatcher<V> {
  private readonly phrases = new Map<string, V>();
  private longest = 0;

  /** Adds a phrase (folded here); returns false, keeping the first value, if already known. */
  add(phrase: string, value: V): boolean {
    const key = fold(phrase);
    if (key === '' || this.phrases.has(key)) return false;
    this.phrases.set(key, value);
    this.longest = Math.max(this.longest, key.split(' ').length);
    return true;
  }

  /** The value of a phrase, compared folded. */
  get(phrase: string): V | undefined {
    return this.phrases.get(fold(phrase));
  }

  get size(): number {
    return this.phrases.size;
  }

  /** All values, e.g. to check which numbers a lexicon can express. */
  values(): IterableIterator<V> {
    return this.phrases.values();
  }

  /** Longest-first, left-to-right, non-overlapping matches in `tokens` (already folded). */
  findAll(tokens: readonly string[]): PhraseMatch<V>[] {
    const found: PhraseMatch<V>[] = [];
    let i = 0;
    while (i < tokens.length) {
      let matched = false;
      for (let length = Math.min(this.longest, tokens.length - i); length > 0; length--) {
        const value = this.phrases.get(tokens.slice(i, i + length).join(' '));
        if (value !== undefined) {
          found.push({ start: i, end: i + length, value });
          i += length;
          matched = true;
          break;
        }
      }
      if (!matched) i++;
    }
    return found;
  }
}
