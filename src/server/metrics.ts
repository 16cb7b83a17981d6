import { createHash, timingSafeEqual } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Request, Response, Server } from 'restify';
import type { OutboxStats } from '../domain';

/** Channels named as they are in metrics; any other channel id (the sender's choice) is `other`. */
const KNOWN_CHANNELS = new Set(['directline', 'webchat', 'emulator', 'msteams', 'telegram', 'facebook', 'whatsapp', 'sms', 'slack', 'test']);

/** Kinds of errors counted (`passerelle_errors_total{kind}`). */
export type ErrorKind = 'turn' | 'http_5xx' | 'storage';

/**
 * What Passerelle measures, in Prometheus' format (`prom-client`), on its own registry (several
 * apps in one process, as in the tests, never mix). Labels hold only bounded values chosen by
 * the code: no ids, no texts.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly turns: Counter<'channel' | 'outcome'>;
  private readonly turnSeconds: Histogram<'channel'>;
  private readonly errors: Counter<'kind'>;
  private readonly refusals: Counter<'limit'>;
  private readonly storageSeconds: Histogram<'operation'>;
  private readonly safety: Counter<'concern'>;
  private outboxStats: (() => Promise<OutboxStats>) | undefined;

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'passerelle_' });
    this.turns = new Counter({ name: 'passerelle_turns_total', help: 'Bot turns run, by channel and outcome (ok, error).', labelNames: ['channel', 'outcome'], registers: [this.registry] });
    this.turnSeconds = new Histogram({
      name: 'passerelle_turn_duration_seconds',
      help: 'How long a turn takes, from the activity entering its conversation queue to its replies sent.',
      labelNames: ['channel'],
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [this.registry]
    });
    this.errors = new Counter({ name: 'passerelle_errors_total', help: 'Errors, by kind: turn (a turn failed), http_5xx (an answer of 500 or more), storage (a store operation failed).', labelNames: ['kind'], registers: [this.registry] });
    this.refusals = new Counter({ name: 'passerelle_rate_limit_refusals_total', help: 'Requests refused with 429, by limit (RATE_LIMIT_*).', labelNames: ['limit'], registers: [this.registry] });
    this.storageSeconds = new Histogram({
      name: 'passerelle_storage_duration_seconds',
      help: 'How long the bot-state store takes per operation (read, write, delete).',
      labelNames: ['operation'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [this.registry]
    });
    this.safety = new Counter({ name: 'passerelle_safety_answers_total', help: 'Messages answered with emergency contacts, by concern (selfHarm, violence, abuse, distress).', labelNames: ['concern'], registers: [this.registry] });
    const metrics = this;
    new Gauge({
      name: 'passerelle_outbox_messages',
      help: 'Outbox messages: pending (waiting), due (to deliver now), dead (put aside after the last attempt: the dead letter).',
      labelNames: ['status'],
      registers: [this.registry],
      async collect() {
        if (!metrics.outboxStats) return;
        try {
          const stats = await metrics.outboxStats();
          this.set({ status: 'pending' }, stats.pending);
          this.set({ status: 'due' }, stats.due);
          this.set({ status: 'dead' }, stats.dead);
        } catch {
          metrics.error('storage');
        }
      }
    });
  }

  /** Where the outbox gauge reads its figures (at each scrape). */
  watchOutbox(stats: () => Promise<OutboxStats>): void {
    this.outboxStats = stats;
  }

  /** Measures one turn. */
  async turn<T>(channelId: string | undefined, run: () => Promise<T>): Promise<T> {
    const channel = channelId && KNOWN_CHANNELS.has(channelId) ? channelId : 'other';
    const stop = this.turnSeconds.startTimer({ channel });
    try {
      const result = await run();
      this.turns.inc({ channel, outcome: 'ok' });
      return result;
    } catch (err) {
      this.turns.inc({ channel, outcome: 'error' });
      this.error('turn');
      throw err;
    } finally {
      stop();
    }
  }

  error(kind: ErrorKind): void {
    this.errors.inc({ kind });
  }

  safetyAnswer(concern: string): void {
    this.safety.inc({ concern });
  }

  refused(limit: string): void {
    this.refusals.inc({ limit });
  }

  /** `storage` with each read, write and delete timed (and its failures counted). */
  timedStorage(storage: Storage): Storage {
    const time = async <T>(operation: 'read' | 'write' | 'delete', run: () => Promise<T>): Promise<T> => {
      const stop = this.storageSeconds.startTimer({ operation });
      try {
        return await run();
      } catch (err) {
        this.error('storage');
        throw err;
      } finally {
        stop();
      }
    };
    return {
      read: (keys: string[]) => time('read', () => storage.read(keys)),
      write: (changes: StoreItems) => time('write', () => storage.write(changes)),
      delete: (keys: string[]) => time('delete', () => storage.delete(keys))
    };
  }
}

function sameToken(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** A client on this machine, talking to the server directly (no proxy in between). */
function isLocalClient(req: Request): boolean {
  const address = req.socket?.remoteAddress ?? '';
  const direct = req.headers['x-forwarded-for'] === undefined && req.headers.forwarded === undefined;
  return direct && (address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1');
}

/**
 * `GET /metrics` (Prometheus' text format). Who may read it: with `METRICS_TOKEN` set, whoever
 * sends `Authorization: Bearer <METRICS_TOKEN>` (401 otherwise); without it, only clients on
 * this machine talking to the server directly (403 for others, and for any request that came
 * through a proxy). The figures say how busy the service is, nothing about anyone.
 */
export function addMetricsRoute(server: Server, deps: { metrics: Metrics; token: string | undefined }): void {
  server.get('/metrics', async (req: Request, res: Response) => {
    const { metrics, token } = deps;
    if (token !== undefined) {
      const given = /^Bearer\s+(\S+)\s*$/i.exec(req.header('authorization') ?? '')?.[1];
      if (!given || !sameToken(given, token)) {
        res.header('WWW-Authenticate', 'Bearer');
        res.send(401, { error: 'unauthorized', message: 'send Authorization: Bearer <METRICS_TOKEN>' });
        return;
      }
    } else if (!isLocalClient(req)) {
      res.send(403, { error: 'forbidden', message: 'metrics are served to this machine only; set METRICS_TOKEN to read them from elsewhere' });
      return;
    }
    const text = await metrics.registry.metrics();
    res.sendRaw(200, text, { 'Content-Type': metrics.registry.contentType, 'Cache-Control': 'no-store' });
  });
}
