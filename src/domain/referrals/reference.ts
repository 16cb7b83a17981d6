/** Letters and digits a person can read aloud without confusion: no 0/O, no 1/I/L. */
export const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/**
 * A reference such as `K7M4-QX2P` from random bytes (31⁸ ≈ 8.5 × 10¹¹ references). A byte picks a
 * character unless it is one of the few values that would bias the draw; undefined when `bytes`
 * had too few usable values (give 16: the chance of that is below 10⁻¹²).
 */
export function referenceFrom(bytes: Uint8Array): string | undefined {
  const limit = 256 - (256 % REFERENCE_ALPHABET.length);
  const chars: string[] = [];
  for (const byte of bytes) {
    if (byte >= limit) continue;
    chars.push(REFERENCE_ALPHABET[byte % REFERENCE_ALPHABET.length]!);
    if (chars.length === 8) return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
  }
  return undefined;
}

/** A reference as a person may type it ("k7m4 qx2p", "K7M4QX2P"), normalised; undefined when it cannot be one. */
export function normaliseReference(text: string): string | undefined {
  const compact = text.toUpperCase().replace(/[\s\-_.]/g, '');
  if (compact.length !== 8 || [...compact].some((c) => !REFERENCE_ALPHABET.includes(c))) return undefined;
  return `${compact.slice(0, 4)}-${compact.slice(4)}`;
}
