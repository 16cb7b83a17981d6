import { createHmac, timingSafeEqual } from 'node:crypto';

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
}

export type TokenRefusal = 'missing' | 'malformed' | 'signature' | 'expired';

/** A token was absent, forged, damaged or expired. `reason` says which (never the token). */
export class DirectLineTokenError extends Error {
  override readonly name = 'DirectLineTokenError';
  constructor(readonly reason: TokenRefusal) {
    super(`Direct Line token refused: ${reason}`);
  }
}

const ISSUER = 'passerelle-directline';
const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

/**
 * Issues and checks the tokens of the local Direct Line: compact JWTs (HS256, HMAC-SHA256
 * keyed by `DIRECTLINE_SECRET`), so that Web Chat's Direct Line client can read the bound
 * user (`user` claim) as it does with Azure's tokens. Nothing is stored: a token is valid
 * because its signature is, until it expires.
 */
export class DirectLineTokenIssuer {
  constructor(
    private readonly secret: string,
    private readonly now: () => Date = () => new Date()
  ) {}

  issue(input: { conversationId: string; userId: string; scope?: TokenScope; ttlSeconds: number }): { token: string; claims: DirectLineTokenClaims } {
    const iat = Math.floor(this.now().getTime() / 1000);
    const claims: DirectLineTokenClaims = {
      conversationId: input.conversationId,
      userId: input.userId,
      scope: input.scope ?? 'conversation',
      iat,
      exp: iat + input.ttlSeconds
    };
    const payload = base64url(
      JSON.stringify({ iss: ISSUER, conv: claims.conversationId, user: claims.userId, scope: claims.scope, iat: claims.iat, exp: claims.exp })
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
    const { conv, user, scope, iat, exp, iss } = raw;
    if (
      iss !== ISSUER ||
      typeof conv !== 'string' ||
      typeof user !== 'string' ||
      (scope !== 'conversation' && scope !== 'stream') ||
      typeof iat !== 'number' ||
      typeof exp !== 'number'
    ) {
      throw new DirectLineTokenError('malformed');
    }
    if (exp * 1000 <= this.now().getTime()) throw new DirectLineTokenError('expired');
    return { conversationId: conv, userId: user, scope, iat, exp };
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
