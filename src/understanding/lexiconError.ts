/** A lexicon file is missing, unreadable or has a wrong field; the message names both. */
export class LexiconError extends Error {
  override readonly name = 'LexiconError';
  constructor(
    readonly file: string,
    readonly field: string,
    readonly problem: string
  ) {
    super(`${file}: field "${field}" ${problem}`);
  }
}
