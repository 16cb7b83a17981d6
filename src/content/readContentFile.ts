import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { ContentValidationError, type ContentProblem } from './contentValidationError';

/**
 * Reads `<dir>/<fileName>` and validates it with `schema`, synchronously (start-up only).
 *
 * @throws ContentValidationError naming the file, the field path and what was expected, when the
 *   file is missing, unreadable, not JSON, or does not match its schema.
 */
export function readValidated<S extends z.ZodType>(dir: string, fileName: string, schema: S): z.output<S> {
  const shown = displayPath(path.join(dir, fileName));
  const parsed = schema.safeParse(readJson(dir, fileName));
  if (!parsed.success) throw new ContentValidationError(shown, parsed.error.issues.flatMap(describeIssue));
  return parsed.data;
}

/** The parsed JSON of `<dir>/<fileName>`; a missing, unreadable or invalid file is a `ContentValidationError`. */
export function readJson(dir: string, fileName: string): unknown {
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
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new ContentValidationError(shown, [{ path: '(file)', message: `invalid JSON: ${(err as Error).message}` }], { cause: err });
  }
}

/** Relative to the working directory when inside it (`content/countries.json`), else absolute. */
export function displayPath(fullPath: string): string {
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

/** One zod issue as content problems with a readable field path and message. */
export function describeIssue(issue: z.core.$ZodIssue): ContentProblem[] {
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
