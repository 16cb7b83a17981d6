import restify, { type Server } from 'restify';
import type { Logger } from '../logger';
import { assetHandler, pageAssets, PAGE_ASSETS_PATH, sendAsset } from '../web';

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

/**
 * The restify server with what every route shares: JSON body parsing with a size limit (413
 * beyond it, 400 for malformed JSON), in-flight tracking, request logging without bodies,
 * query strings or headers (no personal data), the pages' shared assets (`/assets/*`), and
 * `/favicon.ico`, which browsers ask for on their own (kept a week; the pages name the
 * content-hashed icon).
 */
export function createServer(deps: { logger: Logger; maxBodyBytes: number; inFlight: InFlightRequests }): Server {
  const { logger, maxBodyBytes, inFlight } = deps;
  const server = restify.createServer({ name: 'passerelle', handleUncaughtExceptions: false });
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
  // jsonBodyParser passes its options to bodyReader, whose maxBodySize the typings omit.
  server.use(restify.plugins.jsonBodyParser({ maxBodySize: maxBodyBytes, mapParams: false } as restify.plugins.JsonBodyParserOptions));
  server.on('after', (req: restify.Request, res: restify.Response) => {
    logger.debug({ method: req.method, path: req.getPath(), status: res.statusCode }, 'request');
  });
  server.on('restifyError', (req: restify.Request, _res: restify.Response, err: Error & { statusCode?: number }, callback: () => void) => {
    const status = err.statusCode ?? 500;
    const log = status >= 500 ? logger.error.bind(logger) : logger.info.bind(logger);
    log({ method: req.method, path: req.getPath(), status, error: err.name }, 'request rejected');
    return callback();
  });
  server.get(`${PAGE_ASSETS_PATH}:file`, assetHandler(PAGE_ASSETS_PATH, Object.values(pageAssets())));
  server.get('/favicon.ico', async (req: restify.Request, res: restify.Response) => {
    await sendAsset(req, res, pageAssets().iconIco, 'public, max-age=604800');
  });
  return server;
}
