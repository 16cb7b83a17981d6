import { createHash } from 'node:crypto';
import { hashProfileLinkToken } from '../../src/storage';

describe('hashProfileLinkToken', () => {
  it('is the SHA-256 of the token as 64 lowercase hex digits', () => {
    // FIPS 180-2 test vector for "abc".
    expect(hashProfileLinkToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const token = 'Zoë-🔗-token';
    expect(hashProfileLinkToken(token)).toBe(createHash('sha256').update(Buffer.from(token, 'utf8')).digest('hex'));
    expect(hashProfileLinkToken(token)).toMatch(/^[0-9a-f]{64}$/);
  });
});
