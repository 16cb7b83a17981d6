import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** What a Direct Line token lets its bearer do. */
export type TokenScope = 'conversation' | 'stream';

/** The claims of a Direct Line token: one conversation, one user, until `exp`. */
export interface DirectLineTokenClaims {
  /** Conversation the token opens. */
  conversationId: string;
  /** User bound to the token: the `from.id` of every activity posted with it. */
  userId: string;
  scope: TokenScope;
  /** Issued at, seconds since the epoch. */
  iat: number;
  /** Expires at, seconds since the epoch. */
  exp: number;
  /** The token's own id (random), by which a refreshed token is retired. */
  jti: string;
}

export type TokenRefusal = 'missing' | 'malformed' | 'signature' | 'expired' | 'lifetime' | 'retired';

/** A token was absent, forged, damaged or expired. `reason` says which (never the token). */
export class DirectLineTokenError extends Error {
  override readonly name = 'DirectLineTokenError';
  constructor(readonly reason: TokenRefusal) {
    super(`Direct Line token refused: ${reason}`);
  }
}

const ISSUER = 'passerelle-directline';
/** Clocks of the issuer and the verifier are the same process: one minute covers rounding. */
const CLOCK_SKEW_SECONDS = 60;
/** Retired tokens remembered at most (each until it would have expired): beyond, refresh waits. */
const MAX_RETIRED = 100_000;

/** How long tokens may live, by scope: a token claiming longer was not made here. */
export interface TokenLifetimes {
  conversation: number;
  stream: number;
}

/** Too many tokens were retired recently to remember another: the refresh must wait. */
export class TooManyRetiredTokensError extends Error {
  override readonly name = 'TooManyRetiredTokensError';
  constructor() {
    super('too many Direct Line tokens retired recently');
  }
}
const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

/**
 * Issues and checks the tokens of the local Direct Line: compact JWTs (HS256, HMAC-SHA256
 * keyed by `DIRECTLINE_SECRET`), so that Web Chat's Direct Line client can read the bound
 * user (`user` claim) as it does with Azure's tokens. A token is valid because its signature
 * is, until it expires, within the lifetime of its scope (a signed token claiming ten years is
 * refused: it was not made here), and unless it was retired: refreshing a token retires it, so a
 * chain of refreshes keeps one live token. Retired token ids are kept in memory until they
 * would have expired (a restart forgets them; they expire within the hour anyway).
 */
export class DirectLineTokenIssuer {
  private readonly retired = new Map<string, number>();

  constructor(
    private readonly secret: string,
    private readonly now: () => Date = () => new Date(),
    private readonly lifetimes: TokenLifetimes = { conversation: 3600, stream: 300 }
  ) {}

  issue(input: { conversationId: string; userId: string; scope?: TokenScope; ttlSeconds: number }): { token: string; claims: DirectLineTokenClaims } {
    const iat = Math.floor(this.now().getTime() / 1000);
    const scope = input.scope ?? 'conversation';
    const claims: DirectLineTokenClaims = {
      conversationId: input.conversationId,
      userId: input.userId,
      scope,
      iat,
      exp: iat + Math.min(input.ttlSeconds, this.lifetimes[scope]),
      jti: randomBytes(12).toString('base64url')
    };
    const payload = base64url(
      JSON.stringify({ iss: ISSUER, conv: claims.conversationId, user: claims.userId, scope: claims.scope, iat: claims.iat, exp: claims.exp, jti: claims.jti })
    );
    const signed = `${HEADER}.${payload}`;
    return { token: `${signed}.${this.sign(signed)}`, claims };
  }

  /** The token's claims, or `DirectLineTokenError` (malformed, bad signature, expired). */
  verify(token: string | undefined): DirectLineTokenClaims {
    if (!token) throw new DirectLineTokenError('missing');
    const parts = token.split('.');
    if (parts.length !== 3 || parts[0] !== HEADER || token.length > 4096) throw new DirectLineTokenError('malformed');
    const [header, payload, signature] = parts as [string, string, string];
    const expected = Buffer.from(this.sign(`${header}.${payload}`), 'utf8');
    const given = Buffer.from(signature, 'utf8');
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new DirectLineTokenError('signature');
    let raw: Record<string, unknown>;
    try {
      raw = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    } catch {
      throw new DirectLineTokenError('malformed');
    }
    const { conv, user, scope, iat, exp, iss, jti } = raw;
    if (
      iss !== ISSUER ||
      typeof conv !== 'string' ||
      typeof user !== 'string' ||
      (scope !== 'conversation' && scope !== 'stream') ||
      typeof iat !== 'number' ||
      typeof exp !== 'number' ||
      typeof jti !== 'string'
    ) {
      throw new DirectLineTokenError('malformed');
    }
    const nowSeconds = this.now().getTime() / 1000;
    if (iat > nowSeconds + CLOCK_SKEW_SECONDS || exp - iat > this.lifetimes[scope]) throw new DirectLineTokenError('lifetime');
    if (exp <= nowSeconds) throw new DirectLineTokenError('expired');
    if (this.retired.has(jti)) throw new DirectLineTokenError('retired');
    return { conversationId: conv, userId: user, scope, iat, exp, jti };
  }

  /**
   * Refuses `claims`' token from now on (until it would have expired anyway). Throws
   * `TooManyRetiredTokensError` when too many are remembered already.
   */
  retire(claims: Pick<DirectLineTokenClaims, 'jti' | 'exp'>): void {
    const nowSeconds = this.now().getTime() / 1000;
    if (this.retired.size >= MAX_RETIRED) {
      for (const [jti, exp] of this.retired) if (exp <= nowSeconds) this.retired.delete(jti);
      if (this.retired.size >= MAX_RETIRED) throw new TooManyRetiredTokensError();
    }
    this.retired.set(claims.jti, claims.exp);
  }

  private sign(data: string): string {
    return createHmac('sha256', this.secret).update(data).digest('base64url');
  }
}

/** The token of an `Authorization: Bearer <token>` header, or undefined. */
export function bearerToken(authorization: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return match?.[1];
}
