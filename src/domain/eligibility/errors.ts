/** A value that should be an ISO calendar date (`YYYY-MM-DD`) is not one, or is out of order. */
export class InvalidDateError extends Error {
  override readonly name = 'InvalidDateError';
  constructor(readonly value: string, message?: string) {
    super(message ?? `"${value}" is not a valid ISO calendar date (YYYY-MM-DD)`);
  }
}

/** An age that is not a whole number of years between 0 and `MAX_PLAUSIBLE_AGE`. */
export class InvalidAgeError extends Error {
  override readonly name = 'InvalidAgeError';
  constructor(readonly value: number) {
    super(`${String(value)} is not a plausible age in full years`);
  }
}
