import type { StoreItem, StoreItems } from 'botbuilder';
import { CorruptStateError } from './errors';
import type { FieldCipher } from './fieldCipher';

/**
 * Serialises a bot-state item with its new eTag, once: the stored JSON is exactly what `read`
 * returns, like botbuilder's `MemoryStorage` (JSON semantics: `Date` becomes a string,
 * `undefined` disappears), whichever database holds it.
 */
export function encodeStoreItem(item: StoreItem, eTag: string, cipher: FieldCipher): string {
  return cipher.encryptJson({ ...item, eTag });
}

/** Parses a stored bot-state item; anything but a JSON object is a `CorruptStateError`. */
export function decodeStoreItem(key: string, json: unknown, cipher: FieldCipher): StoreItem {
  if (typeof json !== 'string') throw new CorruptStateError(key);
  let value: unknown;
  try {
    value = JSON.parse(cipher.decrypt(json, key));
  } catch (err) {
    throw new CorruptStateError(key, err);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new CorruptStateError(key);
  }
  return value as StoreItem;
}

/**
 * The eTag a write must match, or null when it overwrites: `*`, or no (falsy) eTag, exactly as
 * `MemoryStorage` decides.
 */
export function expectedEtag(item: StoreItem): string | null {
  const eTag: unknown = item.eTag;
  return !eTag || eTag === '*' ? null : String(eTag);
}

/**
 * Validates a whole `write` before anything is written, so that a bad item cannot leave a batch
 * half done: missing changes are a `ReferenceError` (as in `MemoryStorage`), an item that is
 * not an object a `TypeError`.
 */
export function checkChanges(changes: StoreItems): void {
  if (!changes) throw new ReferenceError('Changes are required when writing.');
  for (const [key, item] of Object.entries(changes)) {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      throw new TypeError(`Storage: the item written to "${key}" must be an object.`);
    }
  }
}

/**
 * The field of a bot-state item that says until when it may be kept (an ISO date): state of
 * people whose data may not be kept, transcripts of their conversations. The adapters store it
 * beside the item, and the retention sweep (and MongoDB's TTL index) deletes the item after it.
 */
export const KEEP_UNTIL_FIELD = 'keepUntil';

/** The item's `keepUntil`, when it is a valid date; otherwise null (kept for the retention period). */
export function keepUntilOf(item: StoreItem): Date | null {
  const value: unknown = item[KEEP_UNTIL_FIELD];
  if (typeof value !== 'string') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}
