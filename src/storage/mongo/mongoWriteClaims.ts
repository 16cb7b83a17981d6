import type { Collection } from 'mongodb';
import { isDuplicateKeyError } from './mongoFailure';

/** A claim: who may write one revision of one document right now. */
export interface WriteClaimDocument {
  _id: string;
  at: Date;
}

export interface WriteClaimOptions {
  /** A claim older than this was left by a writer that died: it may be taken over (default 30 s). */
  staleAfterMs?: number;
  /** How long to wait for a claim another writer holds before giving up (default 250 ms). */
  waitMs?: number;
}

/**
 * Short-lived claims that serialise conditional writes, for servers whose conditional updates
 * are not atomic. A conditional `updateOne({ _id, version })` is atomic on MongoDB, but not on
 * every server that speaks its protocol (FerretDB 1.x matches the filter and writes in two
 * steps, so two writers can both "win"). What every such server does atomically is insert a
 * document with a unique `_id`: a writer first inserts the claim `<collection>/<id>#<revision>`
 * (one writer holds it at a time, across processes), then makes its conditional write, then
 * removes the claim. A writer that finds the claim taken waits a little for it, then gives up
 * (the caller reports a conflict). A claim left by a writer that died is taken over once it is
 * `staleAfterMs` old.
 */
export class WriteClaims {
  private readonly staleAfterMs: number;
  private readonly waitMs: number;

  constructor(
    private readonly collection: Collection<WriteClaimDocument>,
    options: WriteClaimOptions = {}
  ) {
    this.staleAfterMs = options.staleAfterMs ?? 30_000;
    this.waitMs = options.waitMs ?? 250;
  }

  /**
   * Runs `write` while holding the claim `id`; `{ claimed: false }` (and `write` not run) when
   * another writer kept it for longer than the wait.
   */
  async withClaim<T>(id: string, write: () => Promise<T>, options: { wait?: boolean } = {}): Promise<{ claimed: true; value: T } | { claimed: false }> {
    const deadline = Date.now() + (options.wait === false ? 0 : this.waitMs);
    let pause = 5;
    for (;;) {
      const at = await this.acquire(id);
      if (at) {
        try {
          return { claimed: true, value: await write() };
        } finally {
          await this.collection.deleteOne({ _id: id, at });
        }
      }
      if (Date.now() >= deadline) return { claimed: false };
      await new Promise((resolve) => setTimeout(resolve, pause + Math.random() * pause));
      pause = Math.min(pause * 2, 50);
    }
  }

  /** Inserts the claim; its time when this writer holds it now, undefined when another does. */
  private async acquire(id: string): Promise<Date | undefined> {
    const at = new Date();
    try {
      await this.collection.insertOne({ _id: id, at });
      return at;
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
    }
    const held = await this.collection.findOne({ _id: id });
    if (held && at.getTime() - held.at.getTime() < this.staleAfterMs) return undefined;
    // Left by a writer that died: remove that very claim (not a newer one), then try once more.
    if (held) await this.collection.deleteOne({ _id: id, at: held.at });
    try {
      await this.collection.insertOne({ _id: id, at });
      return at;
    } catch (err) {
      if (isDuplicateKeyError(err)) return undefined;
      throw err;
    }
  }
}
