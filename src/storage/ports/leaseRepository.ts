/** A lease as it stands: who holds `key`, until when. */
export interface Lease {
  key: string;
  holder: string;
  expiresAt: Date;
}

/**
 * Leases: at most one holder per key at a time, across every process sharing the database, for
 * a limited time, so that a holder that dies loses its lease when it expires. Used to run the
 * turns of one conversation one at a time across instances, and to let one instance only serve
 * the local Direct Line.
 *
 * Times are the database clients' clocks (`Date.now()` of the calling process): instances
 * sharing a database must keep their clocks in step (NTP), well within the leases' lifetimes.
 */
export interface LeaseRepository {
  /**
   * Gives `key` to `holder` until `ttlMs` from now when nobody holds it, when its lease has
   * expired, or when `holder` already holds it (the lease is then extended). True when `holder`
   * holds the lease on return; false when another holder does. Of several callers at the same
   * time for a free key, exactly one gets it.
   */
  acquire(key: string, holder: string, ttlMs: number): Promise<boolean>;
  /** Extends `holder`'s lease by `ttlMs` from now; false (nothing changed) when it no longer holds it. */
  renew(key: string, holder: string, ttlMs: number): Promise<boolean>;
  /** Gives the lease up when `holder` holds it; otherwise changes nothing. */
  release(key: string, holder: string): Promise<void>;
  /** The lease on `key` if one is held and not expired, else null. */
  current(key: string): Promise<Lease | null>;
}
