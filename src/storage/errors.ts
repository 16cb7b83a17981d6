/** Errors shared by every storage adapter, so callers can react without knowing the database. */

/** A bot-state write carried an eTag that no longer matches the stored item. */
export class EtagConflictError extends Error {
  override readonly name = 'EtagConflictError';
  constructor(readonly key: string) {
    super(`error writing "${key}" due to eTag conflict`);
  }
}

/** An insert used an id that already exists. */
export class DuplicateKeyError extends Error {
  override readonly name = 'DuplicateKeyError';
  constructor(readonly collection: string, readonly id: string) {
    super(`${collection}: an item with id "${id}" already exists`);
  }
}

/** A stored item could not be decoded (damaged row/document). */
export class CorruptStateError extends Error {
  override readonly name = 'CorruptStateError';
  constructor(readonly key: string, cause?: unknown) {
    super(`stored item "${key}" cannot be decoded`, { cause });
  }
}

/** The database cannot be reached or opened; the message says what to do. */
export class StorageUnavailableError extends Error {
  override readonly name = 'StorageUnavailableError';
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
  }
}

/**
 * A versioned save carried a `version` that is no longer the stored one: another writer saved
 * (or deleted) the item since it was read. Nothing was written; re-read, then retry or give up.
 */
export class ConcurrentUpdateError extends Error {
  override readonly name = 'ConcurrentUpdateError';
  constructor(readonly collection: string, readonly id: string, readonly expectedVersion: number) {
    super(`${collection}: "${id}" is no longer at version ${expectedVersion} (saved or deleted by another writer)`);
  }
}

/**
 * A programme with a fixed number of places (CAMPLUS: 180) has none left: the save that would
 * have taken one was refused, and nothing was written.
 */
export class CapacityReachedError extends Error {
  override readonly name = 'CapacityReachedError';
  constructor(readonly programme: string, readonly capacity: number) {
    super(`${programme}: all ${capacity} places are taken`);
  }
}
