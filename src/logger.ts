import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash, randomBytes } from 'node:crypto';
import pino, { type Logger } from 'pino';

export type { Logger };

/** The correlation id of the request or turn being handled, carried across awaits. */
const correlation = new AsyncLocalStorage<string>();

/** A fresh correlation id: 12 random hex digits, nothing about the person or the request. */
export function newCorrelationId(): string {
  return randomBytes(6).toString('hex');
}

/**
 * Runs `task` with `id` as the correlation id: every line logged while it runs (across awaits)
 * carries `correlationId`, so the lines of one request or turn can be read together without
 * any id of the person or conversation.
 */
export function withCorrelation<T>(id: string, task: () => T): T {
  return correlation.run(id, task);
}

/** The correlation id in force, if any. */
export function currentCorrelationId(): string | undefined {
  return correlation.getStore();
}

/**
 * What a log line says of an error: its name, code and status, where it was thrown (the first
 * frames of the stack, without the message), and a short hash of its message so that equal
 * errors can be grouped. Never the message itself: errors of libraries repeat what they were
 * given (a token's audience, a URL, a body quoted by a parser), which is the caller's choice.
 */
export function describeError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { name: typeof err };
  const { code, statusCode } = err as { code?: unknown; statusCode?: unknown };
  const frames = (err.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 3)
    .map((line) => line.trim().replace(/\(.*[\\/](node_modules[\\/].*|src[\\/].*|dialogs[\\/].*)\)$/, '($1)'));
  return {
    name: err.name,
    ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
    ...(typeof statusCode === 'number' ? { statusCode } : {}),
    messageHash: createHash('sha256').update(err.message).digest('hex').slice(0, 12),
    at: frames
  };
}

/** How long a log line may wait for stdout's reader before lines are dropped instead. */
const STDOUT_PATIENCE_MS = 1_000;
/** What is kept, at most, of lines waiting for stdout's reader. */
const STDOUT_BACKLOG_BYTES = 4 * 1024 * 1024;

/**
 * The process logger. Structured JSON; personal data never goes in a log line: no user or
 * conversation id, no token, no message text, no error message (`describeError`); each line
 * of a request or turn carries its `correlationId` (`withCorrelation`). Without a
 * `destination`, lines go to stdout (`stdoutDestination`).
 */
export function createLogger(level: string, destination: pino.DestinationStream = stdoutDestination()): Logger {
  return pino(
    {
      level,
      base: { service: 'passerelle' },
      mixin: () => {
        const id = correlation.getStore();
        return id ? { correlationId: id } : {};
      },
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
