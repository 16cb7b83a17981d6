import { z } from 'zod';
import { COUNTRY_CODES, type CountryCode } from '../domain';
import { readValidated } from './readContentFile';

/** What a helpline is for: the person's language names it (`safety:kind.<kind>`). */
export const HELPLINE_KINDS = ['listening', 'suicide', 'violenceWomen', 'children', 'victims', 'abuse'] as const;
export type HelplineKind = (typeof HELPLINE_KINDS)[number];

/** A national helpline given to a person in distress (besides the emergency number). */
export interface Helpline {
  kind: HelplineKind;
  /** As dialled in the country: digits and spaces. */
  number: string;
  /** Its own name, in the country's language (for staff and reviewers; not shown). */
  name: string;
  free: boolean;
  /** Answers day and night, every day. */
  always: boolean;
  /** Where the number was taken from: the service's own site. */
  source: string;
}

/** `content/helplines.json`: the lines of each partner country, sourced, checked by a partner. */
export interface Helplines {
  version: string;
  byCountry: Partial<Record<CountryCode, readonly Helpline[]>>;
  /** Who last checked every number, and when (null until a partner has). */
  checked: { by: string; on: string } | null;
}

export const HELPLINES_FILE = 'helplines.json';

const helpline = z.strictObject({
  kind: z.enum(HELPLINE_KINDS),
  number: z.string().regex(/^[0-9][0-9 ]{1,18}[0-9]$/, { message: 'expected a phone number of digits and spaces, such as "0800 111 0 111"' }),
  name: z.string().min(1).max(200),
  free: z.boolean(),
  always: z.boolean(),
  source: z.string().regex(/^https:\/\/\S+$/, { message: 'expected the https address the number was taken from' })
});

const helplinesSchema = z
  .strictObject({
    version: z.string().min(1),
    sample: z.boolean(),
    note: z.string().optional(),
    checkedBy: z.string().min(1).nullable(),
    checkedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected a date such as 2026-12-05' }).nullable(),
    countries: z.partialRecord(z.enum(COUNTRY_CODES.filter((c) => c !== 'OTHER') as [CountryCode, ...CountryCode[]]), z.array(helpline).min(1).max(8))
  })
  .refine((file) => (file.checkedBy === null) === (file.checkedOn === null), { message: 'checkedBy and checkedOn go together', path: ['checkedOn'] });

/** Reads and validates `<dir>/helplines.json` (ContentValidationError naming the field otherwise). */
export function loadHelplines(dir: string): Helplines {
  const file = readValidated(dir, HELPLINES_FILE, helplinesSchema);
  return {
    version: file.version,
    byCountry: file.countries,
    checked: file.checkedBy && file.checkedOn ? { by: file.checkedBy, on: file.checkedOn } : null
  };
}
