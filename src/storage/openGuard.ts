import { StorageUnavailableError } from './errors';

/**
 * Remembers whether a storage bundle was closed, so that every port of every adapter fails the
 * same way afterwards (the MongoDB driver would otherwise silently reconnect).
 */
export class OpenGuard {
  private closed = false;

  /** Throws `StorageUnavailableError` once the bundle is closed. */
  assertOpen(): void {
    if (this.closed) throw new StorageUnavailableError('storage is closed');
  }

  /** Marks the bundle closed; returns false when it already was (so close stays idempotent). */
  close(): boolean {
    if (this.closed) return false;
    this.closed = true;
    return true;
  }
}
