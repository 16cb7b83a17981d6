import { bearerToken, DirectLineTokenError, DirectLineTokenIssuer } from '../../../src/channels/directline';

const SECRET = 's'.repeat(40);

function refusal(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    if (err instanceof DirectLineTokenError) return err.reason;
    throw err;
  }
  return undefined;
}

describe('DirectLineTokenIssuer', () => {
  const now = new Date('2026-11-29T10:00:00Z');
  const issuer = new DirectLineTokenIssuer(SECRET, () => now);

  it('issues a token whose claims it gives back', () => {
    const { token, claims } = issuer.issue({ conversationId: 'conv-1', userId: 'user-1', ttlSeconds: 60 });
    expect(issuer.verify(token)).toEqual(claims);
    expect(claims).toMatchObject({ conversationId: 'conv-1', userId: 'user-1', scope: 'conversation', exp: claims.iat + 60 });
  });

  it.each([
    ['missing', undefined],
    ['malformed', 'abc'],
    ['malformed', 'a.b.c.d'],
    ['malformed', 'eyJhbGciOiJub25lIn0.e30.']
  ])('refuses a %s token', (reason, token) => {
    expect(refusal(() => issuer.verify(token))).toBe(reason);
  });

  it('refuses a changed payload or another key (signature)', () => {
    const { token } = issuer.issue({ conversationId: 'conv-1', userId: 'user-1', ttlSeconds: 60 });
    const [h, , s] = token.split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ iss: 'passerelle-directline', conv: 'conv-1', user: 'admin', scope: 'conversation', iat: 1, exp: 9e9 })).toString('base64url');
    expect(refusal(() => issuer.verify(`${h}.${forgedPayload}.${s}`))).toBe('signature');
    const other = new DirectLineTokenIssuer('o'.repeat(40), () => now).issue({ conversationId: 'conv-1', userId: 'user-1', ttlSeconds: 60 }).token;
    expect(refusal(() => issuer.verify(other))).toBe('signature');
  });

  it('refuses an expired token', () => {
    const { token } = issuer.issue({ conversationId: 'conv-1', userId: 'user-1', ttlSeconds: 60 });
    const later = new DirectLineTokenIssuer(SECRET, () => new Date(now.getTime() + 61_000));
    expect(refusal(() => later.verify(token))).toBe('expired');
  });

  it('reads bearer tokens', () => {
    expect(bearerToken('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(bearerToken('bearer  abc')).toBe('abc');
    expect(bearerToken('Basic abc')).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
  });
});
