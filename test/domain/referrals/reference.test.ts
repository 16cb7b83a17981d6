import { normaliseReference, referenceFrom, REFERENCE_ALPHABET } from '../../../src/domain';

describe('referral references', () => {
  it('are 8 characters a person can read aloud: no 0/O, 1/I/L', () => {
    expect(REFERENCE_ALPHABET).not.toMatch(/[01OIL]/);
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const bytes = Uint8Array.from({ length: 16 }, () => Math.floor(Math.random() * 256));
      const reference = referenceFrom(bytes)!;
      expect(reference).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}$/);
      seen.add(reference);
    }
    expect(seen.size).toBeGreaterThan(1990);
  });

  it('draw without bias: values that would favour a character are skipped', () => {
    expect(referenceFrom(Uint8Array.from([255, 254, 253, 252, 251, 250, 249, 248]))).toBeUndefined();
    expect(referenceFrom(Uint8Array.from([0, 1, 2, 3, 4, 5, 6, 7]))).toBe('2345-6789');
  });

  it('are understood however a person types them', () => {
    expect(normaliseReference('k7m4 qx2p')).toBe('K7M4-QX2P');
    expect(normaliseReference('K7M4QX2P')).toBe('K7M4-QX2P');
    expect(normaliseReference(' k7m4-qx2p ')).toBe('K7M4-QX2P');
    for (const bad of ['K7M4-QX2', 'K7M4-QX2PP', 'K0M4-QX2P', 'hello', '']) expect(normaliseReference(bad)).toBeUndefined();
  });
});
