import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Activity, ChannelAccount } from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import { describeError, type Logger } from '../../logger';
import { sendTooManyRequests } from '../../server/createServer';
import { parseBody, queryParam, requireJson, requireJsonIfBody } from '../../server/http';
import type { RateLimits } from '../../server/rateLimits';
import { DirectLineConversationNotFoundError, type DirectLineActivity, type DirectLineConversationStore } from './directLineConversationStore';
import { authenticate, directLineErrors, sendDirectLineJson, watermarkParam } from './directLineHttp';
import { clientActivitySchema, generateTokenSchema, startConversationSchema } from './directLineSchemas';
import { TooManyRetiredTokensError, type DirectLineTokenClaims, type DirectLineTokenIssuer } from './directLineToken';
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
  /**
   * The origin of `streamUrl`s (`ws://host:port` or `wss://…`): from the configuration
   * (PUBLIC_BASE_URL, else the server's own address), never from the request's `Host`.
   */
  streamOrigin: () => string;
  /** Activities, and tokens and starts, per conversation (`RATE_LIMIT_MESSAGES_PER_CONVERSATION`, `RATE_LIMIT_TOKENS_PER_CONVERSATION`). */
  rateLimits?: RateLimits;
}

type Handler = (req: Request, res: Response) => Promise<void>;
type Binding = Pick<DirectLineTokenClaims, 'conversationId' | 'userId'>;

const UNSUPPORTED_MEDIA_TYPE = { code: 'UnsupportedMediaType', message: 'send application/json' };

function sameSecret(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}


/**
 * Counts a token or start for `conversationId` (`RATE_LIMIT_TOKENS_PER_CONVERSATION`); answers
 * 429 and returns false over the limit.
 */
async function withinConversationLimit(deps: DirectLineRouteDeps, req: Request, res: Response, conversationId: string): Promise<boolean> {
  const wait = await deps.rateLimits?.take('tokensPerConversation', conversationId);
  if (wait === undefined) return true;
  sendTooManyRequests(req, res, wait);
  return false;
}

/** A conversation token for this conversation and user. */
function issueToken(deps: DirectLineRouteDeps, binding: Binding): string {
  return deps.tokens.issue({ conversationId: binding.conversationId, userId: binding.userId, ttlSeconds: deps.tokenTtlSeconds }).token;
}

/** The WebSocket address of the conversation, with a short-lived stream token and the watermark to resume from. */
function streamUrl(deps: DirectLineRouteDeps, binding: Binding, watermark: number | undefined): string {
  const t = deps.tokens.issue({ conversationId: binding.conversationId, userId: binding.userId, scope: 'stream', ttlSeconds: deps.streamTokenTtlSeconds }).token;
  const query = new URLSearchParams({ t, ...(watermark !== undefined ? { watermark: String(watermark) } : {}) });
  return `${deps.streamOrigin()}${DIRECTLINE_PATH}/conversations/${encodeURIComponent(binding.conversationId)}/stream?${query.toString()}`;
}

/** What starting or reconnecting to a conversation answers: a fresh token and a `streamUrl`. */
function conversationInfo(deps: DirectLineRouteDeps, claims: DirectLineTokenClaims, watermark?: number) {
  return {
    conversationId: claims.conversationId,
    token: issueToken(deps, claims),
    expires_in: deps.tokenTtlSeconds,
    streamUrl: streamUrl(deps, claims, watermark)
  };
}

/**
 * `POST /tokens/generate`: a token for a new conversation, or for an existing one bound to the
 * same user (403 for another user's, 404 when unknown); the user id is made up when not given.
 */
export function generateTokenHandler(deps: DirectLineRouteDeps): Handler {
  return async (req, res) => {
    // Direct Line JS posts some requests without a body; a body, when present, must be JSON.
    if (!requireJsonIfBody(req, res, directLineErrors, UNSUPPORTED_MEDIA_TYPE)) return;
    const body = parseBody(req, res, generateTokenSchema, directLineErrors, { code: 'BadArgument', message: 'invalid request body', fallback: {} });
    if (!body) return;
    const userId = body.user?.id ?? `dl_${randomBytes(16).toString('hex')}`;
    let conversationId = body.conversationId;
    if (conversationId !== undefined) {
      if (!(await withinConversationLimit(deps, req, res, conversationId))) return;
      const conversation = await deps.store.get(conversationId);
      if (!conversation) {
        directLineErrors(res, { status: 404, code: 'NotFound', message: 'no such conversation: start a new one' });
        return;
      }
      if (!sameSecret(conversation.userId, userId)) {
        directLineErrors(res, { status: 403, code: 'Forbidden', message: 'this conversation belongs to another user' });
        return;
      }
    } else {
      conversationId = randomBytes(16).toString('base64url');
    }
    sendDirectLineJson(res, 200, { conversationId, userId, token: issueToken(deps, { conversationId, userId }), expires_in: deps.tokenTtlSeconds });
  };
}

/**
 * `POST /tokens/refresh`: a fresh token for the same conversation and user; the token refreshed
 * is retired (refused from now on), so refreshing never multiplies live tokens.
 */
export function refreshTokenHandler(deps: DirectLineRouteDeps): Handler {
  return async (req, res) => {
    const claims = authenticate(deps.tokens, req, res);
    if (!claims || !(await withinConversationLimit(deps, req, res, claims.conversationId))) return;
    try {
      deps.tokens.retire(claims);
    } catch (err) {
      if (!(err instanceof TooManyRetiredTokensError)) throw err;
      sendTooManyRequests(req, res, 60);
      return;
    }
    sendDirectLineJson(res, 200, { conversationId: claims.conversationId, token: issueToken(deps, claims), expires_in: deps.tokenTtlSeconds });
  };
}

/**
 * `POST /conversations`: starts the token's conversation (201; 200 when it already exists). On
 * creation the bot receives a `conversationUpdate`, as from Azure's Direct Line, and greets.
 */
export function startConversationHandler(deps: DirectLineRouteDeps): Handler {
  return async (req, res) => {
    const claims = authenticate(deps.tokens, req, res);
    if (!claims || !requireJsonIfBody(req, res, directLineErrors, UNSUPPORTED_MEDIA_TYPE)) return;
    if (!(await withinConversationLimit(deps, req, res, claims.conversationId))) return;
    const body = parseBody(req, res, startConversationSchema, directLineErrors, { code: 'BadArgument', message: 'invalid request body', fallback: {} });
    if (!body) return;
    const locale = body.locale ?? undefined;
    // Only new conversations count against the address's quota: a page coming back to its own
    // conversation (a reload, a reconnect) does not.
    if (deps.rateLimits && !(await deps.store.get(claims.conversationId))) {
      const address = deps.rateLimits.clientAddress(req);
      for (const limit of ['conversationsPerIp', 'conversationsPerIpPerDay'] as const) {
        const wait = await deps.rateLimits.take(limit, address);
        if (wait !== undefined) {
          sendTooManyRequests(req, res, wait);
          return;
        }
      }
    }
    const { conversation, created } = await deps.store.create({ conversationId: claims.conversationId, userId: claims.userId, locale });
    if (created) {
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
        deps.logger.error({ err: describeError(err) }, 'directline: conversation start turn failed');
      }
    }
    sendDirectLineJson(res, created ? 201 : 200, conversationInfo(deps, claims));
  };
}

/** `GET /conversations/:id?watermark=N`: reconnects (a fresh token and `streamUrl` from the watermark). */
export function reconnectHandler(deps: DirectLineRouteDeps): Handler {
  return async (req, res) => {
    const claims = authenticate(deps.tokens, req, res, req.params.conversationId as string);
    if (!claims || !(await withinConversationLimit(deps, req, res, claims.conversationId))) return;
    const query = watermarkParam(queryParam(req, 'watermark'), res);
    if (!query) return;
    if (!(await deps.store.get(claims.conversationId))) {
      directLineErrors(res, { status: 404, code: 'NotFound', message: 'no such conversation' });
      return;
    }
    sendDirectLineJson(res, 200, conversationInfo(deps, claims, query.watermark));
  };
}

/** `GET /conversations/:id/activities?watermark=N`: the kept activities after N (polling). */
export function getActivitiesHandler(deps: DirectLineRouteDeps): Handler {
  return async (req, res) => {
    const claims = authenticate(deps.tokens, req, res, req.params.conversationId as string);
    if (!claims) return;
    const query = watermarkParam(queryParam(req, 'watermark'), res);
    if (!query) return;
    try {
      sendDirectLineJson(res, 200, await deps.store.since(claims.conversationId, query.watermark));
    } catch (err) {
      if (!(err instanceof DirectLineConversationNotFoundError)) throw err;
      directLineErrors(res, { status: 404, code: 'NotFound', message: 'no such conversation' });
    }
  };
}

/**
 * `POST /conversations/:id/activities`: keeps the person's activity (typing indicators are only
 * passed on) and runs the bot's turn; answers `{ id }` once the turn is done. The token says
 * who sent it: the body's `from.id` is never trusted.
 */
export function postActivityHandler(deps: DirectLineRouteDeps): Handler {
  return async (req, res) => {
    const claims = authenticate(deps.tokens, req, res, req.params.conversationId as string);
    if (!claims) return;
    if (!requireJson(req, res, directLineErrors, { code: 'UnsupportedMediaType', message: 'send the activity as application/json' })) return;
    const posted = parseBody(req, res, clientActivitySchema, directLineErrors, { code: 'BadArgument', message: 'invalid activity' });
    if (!posted) return;
    const wait = await deps.rateLimits?.take('messagesPerConversation', `${DIRECTLINE_CHANNEL_ID}\u0000${claims.conversationId}`);
    if (wait !== undefined) {
      sendTooManyRequests(req, res, wait);
      return;
    }
    const conversation = await deps.store.get(claims.conversationId);
    if (!conversation) {
      directLineErrors(res, { status: 404, code: 'NotFound', message: 'no such conversation: start it first' });
      return;
    }
    if (deps.isStopping()) {
      directLineErrors(res, { status: 503, code: 'ServiceUnavailable', message: 'the server is restarting: send again in a moment' });
      return;
    }
    const { from, attachments: _none, ...fields } = posted;
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
      stored = await deps.store.append(conversation.conversationId, activity);
    }
    try {
      await deps.runTurn({ ...structuredClone(stored), serviceUrl: deps.connector.serviceUrl } as unknown as Activity);
    } catch (err) {
      deps.logger.error({ err: describeError(err) }, 'directline: activity processing failed');
      directLineErrors(res, { status: 502, code: 'BotError', message: 'the bot could not process the activity' });
      return;
    }
    sendDirectLineJson(res, 200, { id: stored.id });
  };
}

/**
 * The Direct Line 3.0 API, as far as Web Chat uses it: tokens (generate, refresh), start and
 * reconnect a conversation, post an activity, get activities after a watermark, and the
 * WebSocket `streamUrl` (served by `DirectLineStream`). Every conversation request carries a
 * token of this server for that conversation: 401 when it is missing or forged, 403 when it
 * expired or opens another conversation.
 */
export function addDirectLineRoutes(server: Server, deps: DirectLineRouteDeps): void {
  const conversation = `${DIRECTLINE_PATH}/conversations/:conversationId`;
  server.post(`${DIRECTLINE_PATH}/tokens/generate`, generateTokenHandler(deps));
  server.post(`${DIRECTLINE_PATH}/tokens/refresh`, refreshTokenHandler(deps));
  server.post(`${DIRECTLINE_PATH}/conversations`, startConversationHandler(deps));
  server.get(conversation, reconnectHandler(deps));
  server.get(`${conversation}/activities`, getActivitiesHandler(deps));
  server.post(`${conversation}/activities`, postActivityHandler(deps));
}
