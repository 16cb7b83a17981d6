import type { Request, Response } from 'restify';
import { describeIssues, sendJson, type ErrorShape } from '../../server/http';
import { bearerToken, DirectLineTokenError, type DirectLineTokenClaims, type DirectLineTokenIssuer } from './directLineToken';

/**
 * Errors of the Direct Line and Connector APIs, as Azure's: `{ error: { code, message } }`, with
 * `reasons` for a rejected body; never cached; a 401 says which scheme to use.
 */
export const directLineErrors: ErrorShape = (res, problem) => {
  res.header('Cache-Control', 'no-store');
  if (problem.status === 401) res.header('WWW-Authenticate', 'Bearer');
  res.send(problem.status, {
    error: { code: problem.code, message: problem.message ?? '' },
    ...(problem.invalid ? { reasons: describeIssues(problem.invalid) } : {})
  });
};

/** A Direct Line answer: JSON, never cached (it carries tokens). */
export function sendDirectLineJson(res: Response, status: number, body: unknown): void {
  sendJson(res, status, body, { 'Cache-Control': 'no-store' });
}

/**
 * The claims of the request's conversation token, when it opens `conversationId` (any
 * conversation when omitted); otherwise answers 401 (missing or forged) or 403 (expired, a
 * stream token, another conversation) and returns undefined.
 */
export function authenticate(tokens: DirectLineTokenIssuer, req: Request, res: Response, conversationId?: string): DirectLineTokenClaims | undefined {
  let claims: DirectLineTokenClaims;
  try {
    claims = tokens.verify(bearerToken(req.header('authorization')));
  } catch (err) {
    if (!(err instanceof DirectLineTokenError)) throw err;
    if (err.reason === 'expired') directLineErrors(res, { status: 403, code: 'TokenExpired', message: 'the token has expired: get a new one' });
    else if (err.reason === 'retired') directLineErrors(res, { status: 403, code: 'TokenExpired', message: 'the token was refreshed: use the new one' });
    else directLineErrors(res, { status: 401, code: 'Unauthorized', message: 'a Direct Line token of this server is required (Authorization: Bearer <token>)' });
    return undefined;
  }
  if (claims.scope !== 'conversation') {
    directLineErrors(res, { status: 403, code: 'Forbidden', message: 'this token only opens a stream' });
    return undefined;
  }
  if (conversationId !== undefined && claims.conversationId !== conversationId) {
    directLineErrors(res, { status: 403, code: 'Forbidden', message: 'the token is for another conversation' });
    return undefined;
  }
  return claims;
}

/**
 * `?watermark=N`: `{ watermark }` (undefined when absent or empty); answers 400 and returns
 * undefined when it is not a non-negative integer.
 */
export function watermarkParam(value: string | undefined, res: Response): { watermark: number | undefined } | undefined {
  if (value === undefined || value === '') return { watermark: undefined };
  if (/^\d{1,15}$/.test(value)) return { watermark: Number(value) };
  directLineErrors(res, { status: 400, code: 'BadArgument', message: 'watermark must be a number' });
  return undefined;
}
