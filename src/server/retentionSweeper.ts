import type { Logger } from '../logger';
import type { PrivacyService } from '../services/privacyService';

export interface RetentionSweeperDeps {
  privacy: PrivacyService;
  /** Time between two sweeps (`RETENTION_SWEEP_MINUTES`). */
  everyMs: number;
  logger: Logger;
}

/**
 * Runs the retention sweep (`PrivacyService.sweep`) at start and then on schedule, one at a
 * time; logs counts per store only. A failed sweep is logged and tried again at the next one.
 */
export class RetentionSweeper {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(private readonly deps: RetentionSweeperDeps) {}

  start(): void {
    if (this.timer || this.stopped) return;
    void this.runOnce();
    this.timer = setInterval(() => void this.runOnce(), this.deps.everyMs);
    this.timer.unref();
  }

  /** One sweep now (waits for one in progress instead of starting a second). */
  async runOnce(): Promise<void> {
    this.running ??= (async () => {
      try {
        const deleted = await this.deps.privacy.sweep();
        const total = Object.values(deleted).reduce((a, b) => a + b, 0);
        if (total > 0) this.deps.logger.info({ deleted }, 'retention sweep');
      } catch (err) {
        this.deps.logger.warn({ err: { name: (err as Error).name, message: (err as Error).message } }, 'retention sweep failed');
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  /** Stops the schedule and waits for a sweep in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
