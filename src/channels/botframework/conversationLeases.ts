import { describeError, type Logger } from '../../logger';
import type { LeaseRepository } from '../../storage';

export interface ConversationLeasesOptions {
  leases: LeaseRepository;
  /**
   * Who this process is in the leases it takes: stable across its restarts (host and port), so
   * that a process restarted after a crash takes back at once the leases it left.
   */
  holder: () => string;
  logger: Logger;
  /** How long a lease lasts without renewal (a holder that died is waited for this long at most). Default 10 s. */
  ttlMs?: number;
  /** How long to wait for a lease another instance holds before running without it. Default 1.5 × ttlMs. */
  maxWaitMs?: number;
}

/**
 * Runs the turns of one conversation one at a time across every instance sharing the database:
 * each turn holds the lease `turn/<conversation key>` (renewed while it runs, released after).
 * Another instance's turn of the same conversation waits for it, so turns never overlap and a
 * turn never writes a record (an assessment answer, say) from state another turn is changing.
 * A lease left by an instance that died expires after `ttlMs`. If a lease cannot be had within
 * `maxWaitMs` (a turn stuck elsewhere), the turn runs anyway: the eTag check of its state write
 * still refuses a stale commit, and the turn is run again (`TurnRunner`).
 */
export class ConversationLeases {
  private readonly ttlMs: number;
  private readonly maxWaitMs: number;
  private readonly logger: Logger;

  constructor(private readonly options: ConversationLeasesOptions) {
    this.ttlMs = options.ttlMs ?? 10_000;
    this.maxWaitMs = options.maxWaitMs ?? Math.round(this.ttlMs * 1.5);
    this.logger = options.logger.child({ module: 'conversationLeases' });
  }

  async run<T>(conversationKey: string, task: () => Promise<T>): Promise<T> {
    const { leases } = this.options;
    const key = `turn/${conversationKey}`;
    const holder = this.options.holder();
    const held = await this.acquire(key, holder);
    if (!held) this.logger.warn({ waitedMs: this.maxWaitMs }, 'a turn of this conversation is still running elsewhere: running without its lease (the state write is still checked)');
    const renewal = held
      ? setInterval(() => {
          leases.renew(key, holder, this.ttlMs).catch((err: Error) => this.logger.warn({ err: describeError(err) }, 'could not renew a turn lease'));
        }, Math.max(50, Math.floor(this.ttlMs / 3)))
      : undefined;
    try {
      return await task();
    } finally {
      clearInterval(renewal);
      if (held) await leases.release(key, holder).catch((err: Error) => this.logger.warn({ err: describeError(err) }, 'could not release a turn lease'));
    }
  }

  /** Takes the lease, waiting (with growing pauses) up to `maxWaitMs`; false when it could not. */
  private async acquire(key: string, holder: string): Promise<boolean> {
    const deadline = Date.now() + this.maxWaitMs;
    let pause = 10;
    for (;;) {
      if (await this.options.leases.acquire(key, holder, this.ttlMs)) return true;
      if (Date.now() >= deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, pause * (0.5 + Math.random())));
      pause = Math.min(pause * 2, 200);
    }
  }
}
