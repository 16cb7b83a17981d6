/** Runs a task while holding something exclusive for a key across processes (`ConversationLeases`). */
export interface SharedLock {
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
}

/**
 * Runs tasks one after another per key (a conversation), concurrently across keys, so that two
 * messages of the same conversation arriving together are handled in order and neither turn's
 * state update is lost. In this process by a chain of promises per key; across the instances
 * sharing a database by a `SharedLock` (the conversation's lease), taken by each task in turn.
 */
export class TurnQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  constructor(private readonly shared?: SharedLock) {}

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const shared = this.shared;
    const step = shared ? () => shared.run(key, task) : task;
    const result = previous.then(step, step);
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
