import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { describeError, type Logger } from '../../logger';
import { DirectLineConversationNotFoundError, type ActivitySet, type DirectLineConversationStore } from './directLineConversationStore';
import { DIRECTLINE_PATH } from './directLineRoutes';
import { DirectLineTokenError, type DirectLineTokenIssuer } from './directLineToken';

const STREAM_PATH = new RegExp(`^${DIRECTLINE_PATH}/conversations/([A-Za-z0-9_-]{1,64})/stream$`);

/** Refuses an upgrade with a plain HTTP status (the socket was never a WebSocket). */
function refuse(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  socket.destroy();
}

/**
 * The `streamUrl` of the local Direct Line: a WebSocket (the `ws` package, on the same HTTP
 * server) that sends `{ activities, watermark }` groups, as Azure's does. On open it sends the
 * kept activities after the URL's watermark, then every new one. The URL's short-lived token
 * (`t`, scope `stream`) opens it; Direct Line JS fetches a fresh URL on each reconnect.
 * Dead sockets are found with pings and closed.
 */
export class DirectLineStream {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  private readonly alive = new WeakMap<WebSocket, boolean>();
  /** Open sockets (and upgrades under way) per conversation. */
  private readonly perConversation = new Map<string, number>();
  private readonly heartbeat: NodeJS.Timeout;
  private readonly onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    void this.upgrade(req, socket, head).catch((err: Error) => {
      this.deps.logger.warn({ err: describeError(err) }, 'directline: stream upgrade failed');
      refuse(socket, 500, 'Internal Server Error');
    });
  };

  constructor(
    private readonly httpServer: HttpServer,
    private readonly deps: {
      tokens: DirectLineTokenIssuer;
      store: DirectLineConversationStore;
      logger: Logger;
      pingIntervalMs?: number;
      /** Sockets open at once per conversation (more: 429); default unlimited. */
      maxPerConversation?: number;
      /** Sockets open at once in all (more: 503); default unlimited. */
      maxStreams?: number;
    }
  ) {
    httpServer.on('upgrade', this.onUpgrade);
    this.heartbeat = setInterval(() => this.ping(), deps.pingIntervalMs ?? 30_000);
    this.heartbeat.unref();
  }

  /** Open sockets. */
  get size(): number {
    return this.wss.clients.size;
  }

  /** Closes every socket (1001, going away) and stops accepting new ones. */
  close(): void {
    clearInterval(this.heartbeat);
    this.httpServer.off('upgrade', this.onUpgrade);
    for (const ws of this.wss.clients) ws.close(1001, 'server stopping');
    // Sockets that do not finish the closing handshake promptly are cut.
    setTimeout(() => {
      for (const ws of this.wss.clients) ws.terminate();
    }, 1000).unref();
    this.wss.close();
  }

  private async upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = STREAM_PATH.exec(url.pathname);
    if (!match) return refuse(socket, 404, 'Not Found');
    const conversationId = match[1]!;
    let claims;
    try {
      claims = this.deps.tokens.verify(url.searchParams.get('t') ?? undefined);
    } catch (err) {
      if (!(err instanceof DirectLineTokenError)) throw err;
      return err.reason === 'expired' || err.reason === 'retired' ? refuse(socket, 403, 'Forbidden') : refuse(socket, 401, 'Unauthorized');
    }
    if (claims.conversationId !== conversationId) return refuse(socket, 403, 'Forbidden');
    const rawWatermark = url.searchParams.get('watermark');
    const watermark = rawWatermark && /^\d{1,15}$/.test(rawWatermark) ? Number(rawWatermark) : undefined;
    if (!(await this.deps.store.get(conversationId))) return refuse(socket, 404, 'Not Found');
    // Checked and counted in one step after the last wait, so that upgrades under way count too.
    if (this.wss.clients.size >= (this.deps.maxStreams ?? Infinity)) return refuse(socket, 503, 'Service Unavailable');
    if ((this.perConversation.get(conversationId) ?? 0) >= (this.deps.maxPerConversation ?? Infinity)) return refuse(socket, 429, 'Too Many Requests');
    this.count(conversationId, +1);
    let counted = true;
    const uncount = (): void => {
      if (counted) this.count(conversationId, -1);
      counted = false;
    };
    socket.once('close', uncount);
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      ws.once('close', uncount);
      void this.serve(ws, conversationId, watermark);
    });
  }

  private async serve(ws: WebSocket, conversationId: string, watermark: number | undefined): Promise<void> {
    this.alive.set(ws, true);
    ws.on('pong', () => this.alive.set(ws, true));
    // Direct Line JS sends empty messages as keep-alives; nothing a client sends is used.
    ws.on('message', () => this.alive.set(ws, true));
    ws.on('error', () => ws.terminate());

    let sent = watermark ?? 0;
    let live = false;
    const pending: ActivitySet[] = [];
    const send = (set: ActivitySet): void => {
      const seq = set.watermark === '' ? undefined : Number(set.watermark);
      if (seq !== undefined) {
        if (seq <= sent) return;
        sent = seq;
      }
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(set));
    };
    // Listen first, then read the backlog, so nothing appended in between is lost.
    const unsubscribe = this.deps.store.subscribe(conversationId, (set) => (live ? send(set) : pending.push(set)));
    ws.once('close', unsubscribe);
    try {
      const backlog = await this.deps.store.since(conversationId, watermark);
      if (backlog.activities.length > 0) {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(backlog));
      }
      sent = Math.max(sent, Number(backlog.watermark));
      for (const set of pending.splice(0)) send(set);
      live = true;
    } catch (err) {
      if (!(err instanceof DirectLineConversationNotFoundError)) {
        this.deps.logger.warn({ err: describeError(err) }, 'directline: stream backlog failed');
      }
      ws.close(1011, 'unavailable');
    }
  }

  private count(conversationId: string, delta: number): void {
    const next = (this.perConversation.get(conversationId) ?? 0) + delta;
    if (next > 0) this.perConversation.set(conversationId, next);
    else this.perConversation.delete(conversationId);
  }

  private ping(): void {
    for (const ws of this.wss.clients) {
      if (this.alive.get(ws) === false) {
        ws.terminate();
        continue;
      }
      this.alive.set(ws, false);
      ws.ping();
    }
  }
}
