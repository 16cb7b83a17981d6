import { describeError, type Logger } from './logger';

/**
 * How long past SHUTDOWN_TIMEOUT_MS a stop may take (closing the database, the last log lines)
 * before the process exits anyway.
 */
export const SHUTDOWN_MARGIN_MS = 5_000;

export interface StopSignalOptions {
  /** What stops gracefully (the app: listening, turns in flight, the database). */
  app: { close(): Promise<void> };
  logger: Logger;
  /** SHUTDOWN_TIMEOUT_MS: how long turns in flight may take. */
  shutdownTimeoutMs: number;
  /** The process, or a stand-in (tests). */
  process?: Pick<NodeJS.Process, 'on' | 'exit'>;
}

/**
 * SIGTERM/SIGINT: a graceful stop (new connections refused, `/readyz` 503, turns in flight
 * finish for up to `shutdownTimeoutMs`, the database closed), then exit 0. Whatever happens (a
 * turn that never ends, a database that does not answer), the process exits 1 at the latest
 * `SHUTDOWN_MARGIN_MS` after that. A second signal exits at once (130 for SIGINT, 143 for
 * SIGTERM). Logging never stops the stop: a line that cannot be written is dropped.
 */
export function handleStopSignals(options: StopSignalOptions): void {
  const { app, logger, shutdownTimeoutMs } = options;
  const proc = options.process ?? process;
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      log(() => logger.warn({ signal }, 'second stop signal: exiting now'));
      proc.exit(signal === 'SIGINT' ? 130 : 143);
      return;
    }
    stopping = true;
    const deadline = shutdownTimeoutMs + SHUTDOWN_MARGIN_MS;
    setTimeout(() => {
      log(() => logger.error({ deadlineMs: deadline }, 'could not stop in time: exiting now'));
      proc.exit(1);
    }, deadline);
    log(() => logger.info({ signal }, 'stopping: finishing turns in flight'));
    app
      .close()
      .then(() => {
        log(() => logger.info('stopped'));
        proc.exit(0);
      })
      .catch((err: Error) => {
        log(() => logger.error({ err: describeError(err) }, 'error while stopping'));
        proc.exit(1);
      });
  };
  proc.on('SIGTERM', stop);
  proc.on('SIGINT', stop);
}

/** Logs, ignoring a failure to write (stdout's reader may be gone while stopping). */
function log(write: () => void): void {
  try {
    write();
  } catch {
    // Nothing can be said: the exit code tells.
  }
}
