import pino, { type Logger } from 'pino';

export type { Logger };

/** How long a log line may wait for stdout's reader before lines are dropped instead. */
const STDOUT_PATIENCE_MS = 1_000;
/** What is kept, at most, of lines waiting for stdout's reader. */
const STDOUT_BACKLOG_BYTES = 4 * 1024 * 1024;

/**
 * The process logger. Structured JSON; personal data never goes in a log line: user and
 * conversation ids are logged only as pseudonymous hashes, message texts never. Without a
 * `destination`, lines go to stdout (`stdoutDestination`).
 */
export function createLogger(level: string, destination: pino.DestinationStream = stdoutDestination()): Logger {
  return pino(
    {
      level,
      base: { service: 'passerelle' },
      redact: {
        paths: ['req.headers.authorization', 'headers.authorization', '*.password', '*.text'],
        censor: '[redacted]'
      }
    },
    destination
  );
}

/**
 * Stdout, written synchronously (a crash loses no line already logged), that never stalls the
 * process when its reader stops reading: pino's own destination waits forever for a full pipe,
 * blocking the event loop, so a process whose log reader was gone could not even stop on
 * SIGTERM. Here a line waits `STDOUT_PATIENCE_MS` at most; after that, lines are kept (up to
 * `STDOUT_BACKLOG_BYTES`, then dropped) until the reader reads again. A reader that closed the
 * pipe ends logging (pino's handling of EPIPE).
 */
export function stdoutDestination(fd = 1): pino.DestinationStream {
  let stuckSince: number | undefined;
  const stream = pino.destination({
    dest: fd,
    sync: true,
    maxLength: STDOUT_BACKLOG_BYTES,
    retryEAGAIN: () => {
      stuckSince ??= Date.now();
      return Date.now() - stuckSince < STDOUT_PATIENCE_MS;
    }
  });
  stream.on('write', () => {
    stuckSince = undefined;
  });
  // A line that could not be written stays in the backlog; nothing to report it to.
  stream.on('error', () => undefined);
  return stream;
}
