/**
 * Runs tasks one after another per key (a conversation), concurrently across keys, so that two
 * messages of the same conversation arriving together are handled in order and neither turn's
 * state update is lost. In-process only: with several instances, MongoDB's eTag check rejects a
 * stale write instead (see docs/architecture.md).
 */
export class TurnQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Number of conversations with work queued or running. */
  get size(): number {
    return this.tails.size;
  }
}
