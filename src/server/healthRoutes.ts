import type { Request, Response, Server } from 'restify';
import type { StorageBundle } from '../storage/ports';

/**
 * `GET /healthz`: the process is alive. `GET /readyz`: storage answers and content is loaded
 * (503 otherwise, e.g. while shutting down or when the database is unreachable), with the
 * outbox's backlog: messages waiting, due now, and put aside as dead (a dead letter needs an
 * administrator, but the server stays ready).
 */
export function addHealthRoutes(
  server: Server,
  deps: { storage: StorageBundle; rulesVersion: string; isShuttingDown: () => boolean; clock: () => Date }
): void {
  server.get('/healthz', async (_req: Request, res: Response) => {
    res.send(200, { status: 'ok' });
  });
  server.get('/readyz', async (_req: Request, res: Response) => {
    res.header('Cache-Control', 'no-store');
    if (deps.isShuttingDown()) {
      res.send(503, { status: 'shutting_down' });
      return;
    }
    try {
      await deps.storage.ping();
      const outbox = await deps.storage.outbox.stats(deps.clock());
      res.send(200, { status: 'ready', storage: deps.storage.kind, rulesVersion: deps.rulesVersion, outbox });
    } catch {
      res.send(503, { status: 'unavailable', storage: deps.storage.kind, reason: 'storage not reachable' });
    }
  });
}
