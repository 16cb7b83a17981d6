import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Activity, ChannelAccount } from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import type { Logger } from '../../logger';
import { describeIssues } from '../botframework/activitySchema';
import { DirectLineConversationNotFoundError, type DirectLineActivity, type DirectLineConversationStore } from './directLineConversationStore';
import { clientActivitySchema, generateTokenSchema, startConversationSchema } from './directLineSchemas';
import { bearerToken, DirectLineTokenError, type DirectLineTokenClaims, type DirectLineTokenIssuer } from './directLineToken';
import type { LocalConnectorAuth } from './localConnectorCredentials';

/** The channel id of activities from the local Direct Line (as Azure's Direct Line channel). */
export const DIRECTLINE_CHANNEL_ID = 'directline';

/** Base path of the Direct Line 3.0 API. */
export const DIRECTLINE_PATH = '/v3/directline';

export interface DirectLineRouteDeps {
  tokens: DirectLineTokenIssuer;
  store: DirectLineConversationStore;
  /** Runs a bot turn for an activity this process authenticated (see `TurnRunner.runTrusted`). */
  runTurn: (activity: Activity) => Promise<unknown>;
  /** True while the server stops: new activities are refused with 503 before anything is kept. */
  isStopping: () => boolean;
  connector: LocalConnectorAuth;
  /** The bot's account, as recipient of user activities and sender of the bot's. */
  bot: ChannelAccount;
  logger: Logger;
  /** Lifetime of conversation tokens, in seconds (Direct Line JS refreshes every 15 minutes). */
  tokenTtlSeconds: number;
  /** Lifetime of the token inside a `streamUrl` (only needed to open the socket). */
  streamTokenTtlSeconds: number;
}

/** Direct Line's error body: `{ error: { code, message } }`. */
function sendError(res: Response, status: number, code: string, message: string, extra: Record<string, unknown> = {}): void {
  res.header('Cache-Control', 'no-store');
  if (status === 401) res.header('WWW-Authenticate', 'Bearer');
  res.send(status, { error: { code, message }, ...extra });
}

function sendJson(res: Response, status: number, body: unknown): void {
  res.header('Cache-Control', 'no-store');
  res.send(status, body);
}

function sameSecret(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}

/** A query parameter (the server has no query parser: routes read the URL themselves). */
export function queryParam(req: Request, name: string): string | undefined {
  return new URL(req.url ?? '/', 'http://localhost').searchParams.get(name) ?? undefined;
}

/** `?watermark=N`: undefined when absent or empty; NaN when not a non-negative integer. */
function parseWatermark(value: unknown): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || !/^\d{1,15}$/.test(value)) return Number.NaN;
  return Number(value);
}

/**
 * The Direct Line 3.0 API, as far as Web Chat uses it: tokens (generate, refresh), start and
 * reconnect a conversation, post an activity, get activities after a watermark, and the
 * WebSocket `streamUrl` (served by `DirectLineStream`). Every conversation request carries a
 * token of this server for that conversation: 401 when it is missing or forged, 403 when it
 * expired or opens another conversation.
 */
export function addDirectLineRoutes(server: Server, deps: DirectLineRouteDeps): void {
  const { tokens, store, logger } = deps;

  /** Checks the bearer token (and that it opens `conversationId`); answers and returns undefined otherwise. */
  const authenticate = (req: Request, res: Response, conversationId?: string): DirectLineTokenClaims | undefined => {
    let claims: DirectLineTokenClaims;
    try {
      claims = tokens.verify(bearerToken(req.header('authorization')));
    } catch (err) {
      if (!(err instanceof DirectLineTokenError)) throw err;
      if (err.reason === 'expired') sendError(res, 403, 'TokenExpired', 'the token has expired: get a new one');
      else sendError(res, 401, 'Unauthorized', 'a Direct Line token of this server is required (Authorization: Bearer <token>)');
      return undefined;
    }
    if (claims.scope !== 'conversation') {
      sendError(res, 403, 'Forbidden', 'this token only opens a stream');
      return undefined;
    }
    if (conversationId !== undefined && claims.conversationId !== conversationId) {
      sendError(res, 403, 'Forbidden', 'the token is for another conversation');
      return undefined;
    }
    return claims;
  };

  const issue = (claims: Pick<DirectLineTokenClaims, 'conversationId' | 'userId'>) =>
    tokens.issue({ conversationId: claims.conversationId, userId: claims.userId, ttlSeconds: deps.tokenTtlSeconds }).token;

  const streamUrl = (req: Request, claims: Pick<DirectLineTokenClaims, 'conversationId' | 'userId'>, watermark: number | undefined): string => {
    const t = tokens.issue({ conversationId: claims.conversationId, userId: claims.userId, scope: 'stream', ttlSeconds: deps.streamTokenTtlSeconds }).token;
    const query = new URLSearchParams({ t, ...(watermark !== undefined ? { watermark: String(watermark) } : {}) });
    return `${originOf(req, deps.connector, 'ws')}${DIRECTLINE_PATH}/conversations/${encodeURIComponent(claims.conversationId)}/stream?${query.toString()}`;
  };

  const conversationInfo = (req: Request, claims: DirectLineTokenClaims, watermark?: number) => ({
    conversationId: claims.conversationId,
    token: issue(claims),
    expires_in: deps.tokenTtlSeconds,
    streamUrl: streamUrl(req, claims, watermark)
  });

  const requireJsonBody = (req: Request, res: Response): boolean => {
    // Direct Line JS posts some requests without a body; a body, when present, must be JSON.
    const length = Number(req.header('content-length') ?? '0');
    const chunked = req.header('transfer-encoding') !== undefined;
    if ((length > 0 || chunked) && !req.is('json')) {
      sendError(res, 415, 'UnsupportedMediaType', 'send application/json');
      return false;
    }
    return true;
  };

  server.post(`${DIRECTLINE_PATH}/tokens/generate`, async (req: Request, res: Response) => {
    if (!requireJsonBody(req, res)) return;
    const parsed = generateTokenSchema.safeParse(req.body ?? {});
    if (!parsed.success) {
      sendError(res, 400, 'BadArgument', 'invalid request body', { reasons: describeIssues(parsed.error) });
      return;
    }
    const userId = parsed.data.user?.id ?? `dl_${randomBytes(16).toString('hex')}`;
    let conversationId = parsed.data.conversationId;
    if (conversationId !== undefined) {
      const conversation = await store.get(conversationId);
      if (!conversation) {
        sendError(res, 404, 'NotFound', 'no such conversation: start a new one');
        return;
      }
      if (!sameSecret(conversation.userId, userId)) {
        sendError(res, 403, 'Forbidden', 'this conversation belongs to another user');
        return;
      }
    } else {
      conversationId = randomBytes(16).toString('base64url');
    }
    sendJson(res, 200, { conversationId, userId, token: issue({ conversationId, userId }), expires_in: deps.tokenTtlSeconds });
  });

  server.post(`${DIRECTLINE_PATH}/tokens/refresh`, async (req: Request, res: Response) => {
    const claims = authenticate(req, res);
    if (!claims) return;
    sendJson(res, 200, { conversationId: claims.conversationId, token: issue(claims), expires_in: deps.tokenTtlSeconds });
  });

  server.post(`${DIRECTLINE_PATH}/conversations`, async (req: Request, res: Response) => {
    const claims = authenticate(req, res);
    if (!claims || !requireJsonBody(req, res)) return;
    const parsed = startConversationSchema.safeParse(req.body ?? {});
    if (!parsed.success) {
      sendError(res, 400, 'BadArgument', 'invalid request body', { reasons: describeIssues(parsed.error) });
      return;
    }
    const locale = parsed.data.locale ?? undefined;
    const { conversation, created } = await store.create({ conversationId: claims.conversationId, userId: claims.userId, locale });
    if (created) {
      // As Azure's Direct Line does when a conversation starts: the bot learns who joined.
      const user = { id: claims.userId, role: 'user' };
      const update = {
        type: 'conversationUpdate',
        id: `${conversation.conversationId}|start`,
        timestamp: new Date().toISOString(),
        channelId: DIRECTLINE_CHANNEL_ID,
        serviceUrl: deps.connector.serviceUrl,
        conversation: { id: conversation.conversationId },
        from: user,
        recipient: deps.bot,
        membersAdded: [deps.bot, user],
        ...(locale ? { locale } : {})
      } as unknown as Activity;
      try {
        await deps.runTurn(update);
      } catch (err) {
        logger.error({ err: { name: (err as Error).name, message: (err as Error).message } }, 'directline: conversation start turn failed');
      }
    }
    sendJson(res, created ? 201 : 200, conversationInfo(req, claims));
  });

  server.get(`${DIRECTLINE_PATH}/conversations/:conversationId`, async (req: Request, res: Response) => {
    const claims = authenticate(req, res, req.params.conversationId as string);
    if (!claims) return;
    const watermark = parseWatermark(queryParam(req, 'watermark'));
    if (Number.isNaN(watermark)) {
      sendError(res, 400, 'BadArgument', 'watermark must be a number');
      return;
    }
    if (!(await store.get(claims.conversationId))) {
      sendError(res, 404, 'NotFound', 'no such conversation');
      return;
    }
    sendJson(res, 200, conversationInfo(req, claims, watermark));
  });

  server.get(`${DIRECTLINE_PATH}/conversations/:conversationId/activities`, async (req: Request, res: Response) => {
    const claims = authenticate(req, res, req.params.conversationId as string);
    if (!claims) return;
    const watermark = parseWatermark(queryParam(req, 'watermark'));
    if (Number.isNaN(watermark)) {
      sendError(res, 400, 'BadArgument', 'watermark must be a number');
      return;
    }
    try {
      sendJson(res, 200, await store.since(claims.conversationId, watermark));
    } catch (err) {
      if (!(err instanceof DirectLineConversationNotFoundError)) throw err;
      sendError(res, 404, 'NotFound', 'no such conversation');
    }
  });

  server.post(`${DIRECTLINE_PATH}/conversations/:conversationId/activities`, async (req: Request, res: Response) => {
    const claims = authenticate(req, res, req.params.conversationId as string);
    if (!claims) return;
    if (!req.is('json')) {
      sendError(res, 415, 'UnsupportedMediaType', 'send the activity as application/json');
      return;
    }
    const parsed = clientActivitySchema.safeParse(req.body);
    if (!parsed.success) {
      sendError(res, 400, 'BadArgument', 'invalid activity', { reasons: describeIssues(parsed.error) });
      return;
    }
    const conversation = await store.get(claims.conversationId);
    if (!conversation) {
      sendError(res, 404, 'NotFound', 'no such conversation: start it first');
      return;
    }
    if (deps.isStopping()) {
      sendError(res, 503, 'ServiceUnavailable', 'the server is restarting: send again in a moment');
      return;
    }
    const { from, attachments: _none, ...fields } = parsed.data;
    const locale = fields.locale ?? conversation.locale;
    const activity = {
      ...fields,
      ...(locale ? { locale } : {}),
      timestamp: new Date().toISOString(),
      channelId: DIRECTLINE_CHANNEL_ID,
      conversation: { id: conversation.conversationId },
      // The token says who this is; the body's from.id is never trusted.
      from: { id: claims.userId, ...(from?.name ? { name: from.name } : {}), role: 'user' },
      recipient: deps.bot
    };
    let stored: DirectLineActivity;
    if (activity.type === 'typing') {
      stored = { ...activity, id: `${conversation.conversationId}|typing-${randomBytes(6).toString('hex')}` };
    } else {
      stored = await store.append(conversation.conversationId, activity);
    }
    try {
      await deps.runTurn({ ...structuredClone(stored), serviceUrl: deps.connector.serviceUrl } as unknown as Activity);
    } catch (err) {
      logger.error({ err: { name: (err as Error).name, message: (err as Error).message } }, 'directline: activity processing failed');
      sendError(res, 502, 'BotError', 'the bot could not process the activity');
      return;
    }
    sendJson(res, 200, { id: stored.id });
  });
}

/**
 * The origin the client used (`Host`, and `X-Forwarded-Proto` behind a TLS proxy), with
 * `scheme` `ws` or `http`; the server's own address when the Host header is unusable.
 */
export function originOf(req: Request, connector: LocalConnectorAuth, scheme: 'ws' | 'http'): string {
  const forwarded = String(req.header('x-forwarded-proto') ?? '')
    .split(',')[0]!
    .trim()
    .toLowerCase();
  const secure = forwarded === 'https' || req.isSecure();
  const host = req.header('host') ?? '';
  const usable = /^([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(:\d{1,5})?$/.test(host);
  const authority = usable ? host : new URL(connector.serviceUrl ?? 'http://127.0.0.1/').host;
  return `${scheme}${secure ? 's' : ''}://${authority}`;
}
