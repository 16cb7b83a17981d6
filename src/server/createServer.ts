import restify, { type Request, type Response, type Server } from 'restify';
import { newCorrelationId, withCorrelation, type Logger } from '../logger';
import type { Metrics } from './metrics';
import { assetHandler, pageAssets, PAGE_ASSETS_PATH, sendAsset } from '../web';
import { boundedBodyReader, closeAfterAnswer, DEFAULT_MAX_JSON_DEPTH, type BodyRefusal } from './bodyReader';
import type { RateLimits } from './rateLimits';
import { securityHeaders } from './securityHeaders';

/** Counts requests in flight, so a graceful shutdown can wait for them. */
export class InFlightRequests {
  private count = 0;
  private idleWaiters: (() => void)[] = [];
  /** When a request last arrived or ended (ms since the epoch). */
  private lastChange = Date.now();

  enter(): void {
    this.count += 1;
    this.lastChange = Date.now();
  }

  leave(): void {
    this.lastChange = Date.now();
    this.count = Math.max(0, this.count - 1);
    if (this.count === 0) {
      for (const resolve of this.idleWaiters.splice(0)) resolve();
    }
  }

  get size(): number {
    return this.count;
  }

  /**
   * Resolves once no request has been in flight for `quietMs` (checked with unref'd timers: it
   * never keeps the process alive). For background work that blocks the event loop for a while
   * (compiling the recognizers), so that it starts between conversations' messages rather than
   * while a client is about to send the next one.
   */
  async whenQuiet(quietMs: number): Promise<void> {
    for (;;) {
      const quietFor = Date.now() - this.lastChange;
      if (this.count === 0 && quietFor >= quietMs) return;
      await new Promise((resolve) => setTimeout(resolve, Math.max(50, quietMs - quietFor)).unref());
    }
  }

  /** Resolves when no request is in flight, or after `timeoutMs` (returns false then). */
  whenIdle(timeoutMs: number): Promise<boolean> {
    if (this.count === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.idleWaiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}

/** Paths whose errors take the Direct Line shape `{ error: { code, message } }`. */
const DIRECTLINE_SHAPED = /^\/(v3\/directline|directline-connector)(\/|$)/;

/** Direct Line's codes for the statuses the server itself answers. */
const DIRECTLINE_CODES: Record<number, string> = {
  400: 'BadArgument',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  406: 'NotAcceptable',
  413: 'PayloadTooLarge',
  415: 'UnsupportedMediaType',
  429: 'Throttled',
  500: 'ServiceError',
  503: 'ServiceUnavailable'
};

/** What the server says for a status it answers itself: fixed words, never the request's. */
const STATUS_MESSAGES: Record<number, string> = {
  400: 'bad request',
  404: 'not found',
  405: 'method not allowed',
  406: 'not acceptable',
  413: 'the request body is too large',
  415: 'unsupported media type',
  500: 'internal error',
  503: 'service unavailable'
};

/**
 * An error the server answers itself (not a route): in the shape of the API of the path
 * (Direct Line's `{ error: { code, message } }` or the flat `{ error, message }`), with a code
 * and words of its own. Never the error's message: restify's say "<path> does not exist",
 * JSON.parse's quote the body, a stack overflow's name the internals.
 */
export function sendServerError(req: Request, res: Response, status: number, problem?: { code: string; message: string }): void {
  const path = req.getPath?.() ?? req.url ?? '/';
  const message = problem?.message ?? STATUS_MESSAGES[status] ?? (status >= 500 ? 'internal error' : 'request refused');
  res.header('Cache-Control', 'no-store');
  if (DIRECTLINE_SHAPED.test(path)) {
    res.send(status, { error: { code: DIRECTLINE_CODES[status] ?? (status >= 500 ? 'ServiceError' : 'BadArgument'), message } });
  } else {
    res.send(status, { error: problem?.code ?? (status >= 500 ? 'internal_error' : (STATUS_MESSAGES[status] ?? 'request_refused').replace(/ /g, '_')), message });
  }
}

/**
 * The route a request matched, as declared (`/profile/:token`), for logs: a path can hold a
 * token or a conversation id, and an unknown path is the client's choice.
 */
export function routePath(req: Request): string {
  const route = (req as Request & { getRoute?: () => { path?: unknown } | null }).getRoute?.();
  return route && typeof route.path === 'string' ? route.path : '(no route)';
}

/**
 * 429 with `Retry-After`, in the API's shape. The body was not read: the connection closes once
 * the answer is sent.
 */
export function sendTooManyRequests(req: Request, res: Response, retryAfterSeconds: number): void {
  res.header('Retry-After', String(retryAfterSeconds));
  if (!req.complete) closeAfterAnswer(req, res);
  sendServerError(req, res, 429, { code: 'too_many_requests', message: `too many requests: try again in ${retryAfterSeconds} seconds` });
}

/** What a log line says of a request: method, route (never the path), correlation id. */
function requestFields(req: Request, res: Response): Record<string, unknown> {
  const correlationId = res.getHeader('X-Correlation-Id');
  return { method: req.method, path: routePath(req), ...(typeof correlationId === 'string' ? { correlationId } : {}) };
}

/** Every route's body: at most `maxBodyBytes` once decompressed, JSON at most `maxJsonDepth` deep. */
export interface ServerLimits {
  maxBodyBytes: number;
  maxJsonDepth?: number;
  /** How long a client may take to send a whole request (headers and body). Default 30 s. */
  requestTimeoutMs?: number;
}

/**
 * The restify server with what every route shares: bounded body reading (`boundedBodyReader`:
 * 413 over `MAX_BODY_BYTES` after decompression, 415 for other encodings, 400 for malformed or
 * too deeply nested JSON), the security headers (`securityHeaders`), errors in each API's shape
 * that never repeat internals, in-flight tracking, request logging without bodies, query strings
 * or headers (no personal data), the pages' shared assets (`/assets/*`), and `/favicon.ico`,
 * which browsers ask for on their own (kept a week; the pages name the content-hashed icon).
 */
export function createServer(deps: { logger: Logger; limits: ServerLimits; inFlight: InFlightRequests; rateLimits?: RateLimits; metrics?: Metrics }): Server {
  const { logger, limits, inFlight, rateLimits, metrics } = deps;
  const server = restify.createServer({ name: 'passerelle', handleUncaughtExceptions: false });
  // Slow clients (a body sent a byte at a time) cannot hold a connection for minutes.
  server.server.requestTimeout = limits.requestTimeoutMs ?? 30_000;
  server.server.headersTimeout = Math.min(server.server.requestTimeout, 20_000);
  // Every line logged while a request is handled (its turn included) carries its correlation
  // id, also given to the client (X-Correlation-Id) to quote when reporting a problem.
  server.pre((_req, res, next) => {
    const id = newCorrelationId();
    res.setHeader('X-Correlation-Id', id);
    withCorrelation(id, () => next());
  });
  server.pre(securityHeaders());
  if (rateLimits) server.pre(rateLimits.preHandler(sendTooManyRequests));
  server.pre((_req, res, next) => {
    inFlight.enter();
    let left = false;
    const leave = (): void => {
      if (!left) {
        left = true;
        inFlight.leave();
      }
    };
    res.once('finish', leave);
    res.once('close', leave);
    return next();
  });
  server.use(
    boundedBodyReader({ maxBytes: limits.maxBodyBytes, maxDepth: limits.maxJsonDepth ?? DEFAULT_MAX_JSON_DEPTH }, (req, res, refusal: BodyRefusal) => {
      logger.info({ ...requestFields(req, res), status: refusal.status, reason: refusal.code }, 'request body refused');
      sendServerError(req, res, refusal.status, { code: refusal.code, message: refusal.message });
    })
  );
  server.on('after', (req: restify.Request, res: restify.Response) => {
    if (res.statusCode >= 500) metrics?.error('http_5xx');
    logger.debug({ ...requestFields(req, res), status: res.statusCode }, 'request');
  });
  server.on('restifyError', (req: restify.Request, res: restify.Response, err: Error & { statusCode?: number }, callback: () => void) => {
    const status = err.statusCode ?? 500;
    const log = status >= 500 ? logger.error.bind(logger) : logger.info.bind(logger);
    log({ ...requestFields(req, res), status, error: err.name }, 'request rejected');
    // Answered here, so that restify does not write the error's own message (a path, a stack…).
    if (!res.headersSent) sendServerError(req, res, status >= 400 && status < 600 ? status : 500);
    return callback();
  });
  server.get(`${PAGE_ASSETS_PATH}:file`, assetHandler(PAGE_ASSETS_PATH, Object.values(pageAssets())));
  server.get('/favicon.ico', async (req: restify.Request, res: restify.Response) => {
    await sendAsset(req, res, pageAssets().iconIco, 'public, max-age=604800');
  });
  return server;
}
