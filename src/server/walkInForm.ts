import { z } from 'zod';
import type { EligibilityAnswers } from '../domain';
import { walkInRequestSchema } from './eligibilityRoute';

/** The fields of the walk-in form, in the order shown. */
export const WALK_IN_FIELDS = ['birthDate', 'age', 'birthYear', 'situation', 'qualification', 'country', 'region', 'livesInCamp', 'project'] as const;
export type WalkInField = (typeof WALK_IN_FIELDS)[number];

/** What the form sent, as text (kept to show the form again with the caseworker's values). */
export type WalkInFormValues = Partial<Record<WalkInField, string>>;

const answersSchema = walkInRequestSchema.shape.answers;
/** An empty field is no answer. */
const blank = (value: unknown): unknown => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const formSchema = z
  .object({
    birthDate: z.preprocess(blank, z.string().optional()),
    age: z.preprocess(blank, z.string().regex(/^\d{1,3}$/).transform(Number).optional()),
    birthYear: z.preprocess(blank, z.string().regex(/^\d{4}$/).transform(Number).optional()),
    situation: z.preprocess(blank, z.string().optional()),
    qualification: z.preprocess(blank, z.string().optional()),
    country: z.preprocess(blank, z.string().optional()),
    region: z.preprocess(blank, z.string().optional()),
    livesInCamp: z.preprocess(blank, z.enum(['yes', 'no']).transform((v) => v === 'yes').optional()),
    project: z.preprocess(blank, z.string().optional())
  });

/**
 * Reads the walk-in form (fields as text, `application/x-www-form-urlencoded`) into the same
 * answers `POST /api/eligibility` takes, checked by the same schema. Unknown fields (the CSRF
 * token, the button) are ignored. Returns the answers, or the fields that are wrong; the values
 * as sent either way, to show the form again.
 */
export function readWalkInForm(body: unknown): { values: WalkInFormValues } & ({ ok: true; answers: EligibilityAnswers } | { ok: false; fields: WalkInField[] }) {
  const source = body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const values: WalkInFormValues = {};
  for (const field of WALK_IN_FIELDS) {
    const value = source[field];
    if (typeof value === 'string') values[field] = value.slice(0, 200);
  }
  const bad = new Set<WalkInField>();
  const parsed: Record<string, unknown> = {};
  for (const field of WALK_IN_FIELDS) {
    if (source[field] !== undefined && typeof source[field] !== 'string') bad.add(field);
    const one = formSchema.shape[field].safeParse(values[field]);
    if (one.success) parsed[field] = one.data;
    else bad.add(field);
  }
  const answers = answersSchema.safeParse(parsed);
  if (answers.success && bad.size === 0) return { ok: true, answers: answers.data, values };
  if (!answers.success) for (const issue of answers.error.issues) bad.add(issue.path[0] as WalkInField);
  return { ok: false, fields: WALK_IN_FIELDS.filter((f) => bad.has(f)), values };
}
