import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { COUNTRY_CODES } from '../domain';
import type { CountryCode, CountryInfo, EligibilityRules } from '../domain';
import { ContentValidationError, type ContentProblem } from './contentValidationError';
import { countriesFileSchema, eligibilityRulesSchema, privacyNoticeSchema } from './schemas';

/** The privacy notice's data (its texts live in the locales). */
export interface PrivacyNotice {
  version: string;
  retentionDays: number;
}

/** Everything in `content/`, validated. */
export interface Content {
  eligibilityRules: EligibilityRules;
  countries: Record<CountryCode, CountryInfo>;
  privacyNotice: PrivacyNotice;
}

/** File names inside the content directory. */
export const CONTENT_FILES = {
  eligibilityRules: 'eligibility-rules.json',
  countries: 'countries.json',
  privacyNotice: 'privacy-notice.json'
} as const;

/**
 * Reads and validates every content file in `dir`, synchronously (meant for start-up).
 *
 * @throws ContentValidationError naming the file, the field path and what was expected, when a
 *   file is missing, unreadable, not JSON, or does not match its schema.
 */
export function loadContent(dir: string): Content {
  const eligibilityRules: EligibilityRules = readValidated(dir, CONTENT_FILES.eligibilityRules, eligibilityRulesSchema);
  const countriesFile = readValidated(dir, CONTENT_FILES.countries, countriesFileSchema);
  const privacyNotice: PrivacyNotice = readValidated(dir, CONTENT_FILES.privacyNotice, privacyNoticeSchema);

  const countries = Object.fromEntries(
    COUNTRY_CODES.map((code): [CountryCode, CountryInfo] => {
      const { digitalConsentAge, emergencyNumber } = countriesFile.countries[code];
      return [code, { code, digitalConsentAge, emergencyNumber }];
    })
  ) as Record<CountryCode, CountryInfo>;

  return { eligibilityRules, countries, privacyNotice };
}

function readValidated<S extends z.ZodType>(dir: string, fileName: string, schema: S): z.output<S> {
  const fullPath = path.join(dir, fileName);
  const shown = displayPath(fullPath);
  let text: string;
  try {
    text = readFileSync(fullPath, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? 'file not found' : `cannot read file (${code ?? String(err)})`;
    throw new ContentValidationError(shown, [{ path: '(file)', message }], { cause: err });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new ContentValidationError(shown, [{ path: '(file)', message: `invalid JSON: ${(err as Error).message}` }], {
      cause: err
    });
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new ContentValidationError(shown, parsed.error.issues.flatMap(describeIssue));
  return parsed.data;
}

/** Relative to the working directory when inside it (`content/countries.json`), else absolute. */
function displayPath(fullPath: string): string {
  const relative = path.relative(process.cwd(), fullPath);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : fullPath;
}

/** `['programmes', 'digiter', 'criteria', 0, 'min']` → `programmes.digiter.criteria[0].min`. */
export function formatFieldPath(segments: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (typeof segment === 'string' && /^[A-Za-z_$][\w$]*$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out === '' ? '(root)' : out;
}

function describeIssue(issue: z.core.$ZodIssue): ContentProblem[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ path: formatFieldPath([...issue.path, key]), message: 'unexpected field' }));
  }
  if (issue.code === 'invalid_union' && 'options' in issue && Array.isArray(issue.options)) {
    const options = issue.options.map((o) => JSON.stringify(o)).join(', ');
    return [{ path: formatFieldPath(issue.path), message: `expected one of ${options}` }];
  }
  const message = issue.message
    .replace(/^Invalid input: /, '')
    .replace(/^Invalid option: /, '')
    .replace(/^Too (small|big): /, '')
    .replace(/, received undefined$/, ', but the field is missing');
  return [{ path: formatFieldPath(issue.path), message }];
}
