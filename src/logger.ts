import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * The process logger. Structured JSON; personal data never goes in a log line: user and
 * conversation ids are logged only as pseudonymous hashes, message texts never.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
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
