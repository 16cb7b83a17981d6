import { randomUUID } from 'node:crypto';

/** A fresh, globally unique eTag for a bot-state write. */
export function newEtag(): string {
  return randomUUID();
}
