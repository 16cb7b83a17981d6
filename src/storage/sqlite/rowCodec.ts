import { CorruptStateError } from '../errors';

/** Dates are stored as ISO-8601 UTC strings (millisecond precision, sortable as text). */
export function toIso(date: Date): string {
  return date.toISOString();
}

/** Reads a stored ISO date; a damaged value is a `CorruptStateError` naming the row. */
export function fromIso(rowKey: string, value: unknown): Date {
  const date = typeof value === 'string' ? new Date(value) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime())) throw new CorruptStateError(rowKey);
  return date;
}

/** Reads a JSON column; a damaged value is a `CorruptStateError` naming the row. */
export function fromJson<T>(rowKey: string, value: unknown): T {
  if (typeof value !== 'string') throw new CorruptStateError(rowKey);
  try {
    return JSON.parse(value) as T;
  } catch (err) {
    throw new CorruptStateError(rowKey, err);
  }
}

/** Whether an error is SQLite refusing a duplicate primary key or unique value. */
export function isUniqueViolation(err: unknown): boolean {
  // Checked by code, not with instanceof: the native addon builds its errors with the classes
  // of the first realm that loaded it, so instanceof fails in another realm (each jest test
  // file runs in its own).
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
  return code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
