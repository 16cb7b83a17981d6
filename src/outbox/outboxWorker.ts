import { randomUUID } from 'node:crypto';
import type { OutboxMessage } from '../domain';
import { describeError, type Logger } from '../logger';
import type { Clock } from '../services/clock';
import type { OutboxRepository } from '../storage';
import type { Deliverer, DeliveryOutcome } from './deliverer';

export interface OutboxWorkerOptions {
  /** How often to look for due messages when the last look found none, in ms. */
  pollMs: number;
  /** Attempts before a message is put aside as dead. */
  maxAttempts: number;
  /** First wait before a retry, doubled each attempt (with jitter) up to `retryMaxMs`. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** How long a claimed message is this worker's: longer than any delivery may take. */
  leaseMs: number;
  /** Messages claimed at once. */
  batchSize: number;
}

/**
 * Drains the outbox: claims due messages under a lease (so that workers in several processes
 * never send the same message at the same time), hands each to the deliverer of its kind, and
 * records the outcome: delivered; tried again later with exponential back-off and jitter; or put
 * aside as dead after `maxAttempts` (or at once when the receiver refuses it for good).
 */
export class OutboxWorker {
  /** This worker's name in leases (one per process). */
  readonly owner = `worker-${randomUUID()}`;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private stopped = true;

  constructor(
    private readonly deps: {
      outbox: OutboxRepository;
      deliverers: Readonly<Record<string, Deliverer>>;
      logger: Logger;
      clock: Clock;
      options: OutboxWorkerOptions;
      random?: () => number;
    }
  ) {}

  /** Starts looking for messages in the background. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Stops looking, and waits for the deliveries in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  /**
   * Claims and delivers one batch; returns how many messages it handled. Tests and the start-up
   * call it directly; the background loop calls it again at once while there is work.
   */
  async runOnce(): Promise<number> {
    if (this.running) return this.running;
    this.running = this.deliverBatch().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.runOnce()
        .then((handled) => this.schedule(handled > 0 ? 0 : this.deps.options.pollMs))
        .catch((err: Error) => {
          this.deps.logger.error({ err: describeError(err) }, 'outbox: could not claim messages');
          this.schedule(this.deps.options.pollMs);
        });
    }, delayMs);
    this.timer.unref();
  }

  private async deliverBatch(): Promise<number> {
    const { outbox, clock, options } = this.deps;
    const messages = await outbox.claim(this.owner, clock(), options.leaseMs, options.batchSize);
    await Promise.all(messages.map((message) => this.deliverOne(message)));
    return messages.length;
  }

  private async deliverOne(message: OutboxMessage): Promise<void> {
    const { outbox, clock, logger, options } = this.deps;
    const deliverer = this.deps.deliverers[message.kind];
    let outcome: DeliveryOutcome;
    try {
      outcome = deliverer ? await deliverer.deliver(message) : { kind: 'failed', error: `no deliverer for kind "${message.kind}"` };
    } catch (err) {
      outcome = { kind: 'retry', error: `${(err as Error).name}: ${(err as Error).message}` };
    }
    const at = clock();
    const log = { messageId: message.id, kind: message.kind, attempts: message.attempts };
    if (outcome.kind === 'delivered') {
      if (!(await outbox.complete(message.id, this.owner, at))) logger.warn(log, 'outbox: delivered after the lease ran out');
      else logger.debug(log, 'outbox: delivered');
      return;
    }
    const dead = outcome.kind === 'failed' || message.attempts >= options.maxAttempts;
    const retryAt = dead ? null : new Date(at.getTime() + this.backOff(message.attempts));
    await outbox.fail(message.id, this.owner, { error: outcome.error, at, retryAt });
    if (dead) logger.error({ ...log, error: outcome.error }, 'outbox: message put aside (dead letter)');
    else logger.warn({ ...log, error: outcome.error, retryAt: retryAt!.toISOString() }, 'outbox: delivery failed, will retry');
  }

  /** Exponential back-off with jitter: half to all of base × 2^(attempts − 1), at most the maximum. */
  private backOff(attempts: number): number {
    const { retryBaseMs, retryMaxMs } = this.deps.options;
    const ceiling = Math.min(retryMaxMs, retryBaseMs * 2 ** Math.max(0, attempts - 1));
    return Math.round(ceiling * (0.5 + 0.5 * (this.deps.random ?? Math.random)()));
  }
}
