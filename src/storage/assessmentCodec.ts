import { CorruptStateError } from './errors';
import type { AssessmentAnswer, AssessmentRecord, AssessmentStatus } from './ports';

/**
 * What both adapters share about assessments: the checks made before a save, and how answers
 * and the profile are kept. Both are stored as JSON text in either database (item ids are
 * content-defined and may hold `.` or `$`, which MongoDB restricts in field names; the profile
 * is any JSON), so they come back the same whichever adapter holds them.
 */

export const ASSESSMENT_STATUSES: readonly string[] = ['inProgress', 'completed'] satisfies AssessmentStatus[];

/** Refuses, before anything is written, a record that could not be stored and read back as is. */
export function checkAssessment(record: AssessmentRecord): void {
  if (!Number.isSafeInteger(record.version) || record.version < 0) {
    throw new TypeError(`assessments: "${record.id}" has version ${String(record.version)}, not a non-negative integer.`);
  }
  if (!ASSESSMENT_STATUSES.includes(record.status)) {
    throw new TypeError(`assessments: "${record.id}" has an unknown status "${String(record.status)}".`);
  }
  if (!isAnswers(record.answers)) {
    throw new TypeError(`assessments: every answer of "${record.id}" must be a finite number or 'skipped'.`);
  }
  const dates: Array<[string, unknown]> = [
    ['startedAt', record.startedAt],
    ['updatedAt', record.updatedAt],
    ['completedAt', record.completedAt ?? new Date(0)]
  ];
  for (const [field, value] of dates) {
    if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
      throw new TypeError(`assessments: ${field} of "${record.id}" must be a valid Date.`);
    }
  }
}

export function encodeAnswers(answers: Record<string, AssessmentAnswer>): string {
  return JSON.stringify(answers);
}

/** The profile as JSON text; null (or anything JSON cannot represent, such as `undefined`) as null. */
export function encodeProfile(profile: unknown): string | null {
  const json: string | undefined = profile === null ? undefined : JSON.stringify(profile);
  return json === undefined || json === 'null' ? null : json;
}

export function decodeAnswers(id: string, value: unknown): Record<string, AssessmentAnswer> {
  const answers = parseJson(id, value);
  if (!isAnswers(answers)) throw new CorruptStateError(id);
  return answers;
}

export function decodeProfile(id: string, value: unknown): unknown {
  return value === null ? null : parseJson(id, value);
}

export function decodeStatus(id: string, value: unknown): AssessmentStatus {
  if (typeof value !== 'string' || !ASSESSMENT_STATUSES.includes(value)) throw new CorruptStateError(id);
  return value as AssessmentStatus;
}

export function decodeVersion(id: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) throw new CorruptStateError(id);
  return value;
}

function isAnswers(value: unknown): value is Record<string, AssessmentAnswer> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  return Object.values(value).every((answer) => answer === 'skipped' || (typeof answer === 'number' && Number.isFinite(answer)));
}

function parseJson(id: string, value: unknown): unknown {
  if (typeof value !== 'string') throw new CorruptStateError(id);
  try {
    return JSON.parse(value) as unknown;
  } catch (err) {
    throw new CorruptStateError(id, err);
  }
}
