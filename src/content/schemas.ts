import { z } from 'zod';
import {
  COUNTRY_CODES,
  PROJECT_STATUSES,
  QUALIFICATIONS,
  SITUATIONS,
  MAX_PLAUSIBLE_AGE
} from '../domain';

/*
 * Zod schemas of the files in `content/`. They are strict (an unknown field is an error, so a
 * typo such as `maxx` cannot silently loosen a rule) and check cross-field sense (min ≤ max, every
 * answer classified once) so that a bad file stops start-up instead of producing odd decisions.
 */

const version = z.string().trim().min(1);
const age = z.number().int().min(0).max(MAX_PLAUSIBLE_AGE);
const eqfLevel = z.number().int().min(0).max(8);

const ageCriterion = z
  .strictObject({
    kind: z.literal('age'),
    min: age,
    max: age.optional(),
    adviserBelow: age.optional()
  })
  .superRefine((rule, ctx) => {
    if (rule.max !== undefined && rule.max < rule.min) {
      ctx.addIssue({ code: 'custom', path: ['max'], message: `expected a number ≥ min (${rule.min}), got ${rule.max}` });
    }
    if (rule.adviserBelow !== undefined) {
      const upper = rule.max ?? MAX_PLAUSIBLE_AGE;
      if (rule.adviserBelow <= rule.min || rule.adviserBelow > upper) {
        ctx.addIssue({
          code: 'custom',
          path: ['adviserBelow'],
          message: `expected a number > min (${rule.min}) and ≤ ${rule.max === undefined ? MAX_PLAUSIBLE_AGE : `max (${upper})`}, got ${rule.adviserBelow}`
        });
      }
    }
  });

/** `met` / `review` / `notMet` lists that together classify every possible answer exactly once. */
function choiceCriterion<K extends string, T extends string>(kind: K, values: readonly [T, ...T[]]) {
  const value = z.enum(values);
  return z
    .strictObject({
      kind: z.literal(kind),
      met: z.array(value),
      review: z.array(value),
      notMet: z.array(value)
    })
    .superRefine((rule, ctx) => {
      const listed = [...rule.met, ...rule.review, ...rule.notMet];
      const absent = values.filter((v) => !listed.includes(v));
      const twice = values.filter((v) => listed.indexOf(v) !== listed.lastIndexOf(v));
      if (absent.length > 0 || twice.length > 0) {
        const detail = [
          absent.length > 0 ? `not listed: ${absent.join(', ')}` : '',
          twice.length > 0 ? `listed more than once: ${twice.join(', ')}` : ''
        ].filter(Boolean);
        ctx.addIssue({
          code: 'custom',
          path: [],
          message: `expected each of ${values.join(', ')} in exactly one of met, review, notMet (${detail.join('; ')})`
        });
      }
    });
}

const qualificationCriterion = z.strictObject({
  kind: z.literal('qualification'),
  eqfBelow: z.number().int().min(1).max(9)
});

const countryCriterion = z.strictObject({
  kind: z.literal('country'),
  allowed: z
    .array(z.enum(COUNTRY_CODES))
    .min(1)
    .refine((codes) => new Set(codes).size === codes.length, { message: 'expected each country code at most once' })
});

const campResidenceCriterion = z.strictObject({ kind: z.literal('campResidence') });

export const criterionRuleSchema = z.discriminatedUnion('kind', [
  ageCriterion,
  choiceCriterion('situation', SITUATIONS),
  qualificationCriterion,
  countryCriterion,
  campResidenceCriterion,
  choiceCriterion('project', PROJECT_STATUSES)
]);

const programmeRules = z.strictObject({
  criteria: z
    .array(criterionRuleSchema)
    .min(1)
    .superRefine((criteria, ctx) => {
      criteria.forEach((c, i) => {
        if (criteria.findIndex((other) => other.kind === c.kind) !== i) {
          ctx.addIssue({ code: 'custom', path: [i, 'kind'], message: `expected each kind at most once; "${c.kind}" repeats` });
        }
      });
    })
});

/** `content/eligibility-rules.json`. */
export const eligibilityRulesSchema = z.strictObject({
  version,
  qualificationEqf: z.record(z.enum(QUALIFICATIONS), eqfLevel.nullable()),
  programmes: z.strictObject({
    digiter: programmeRules,
    camplus: programmeRules
  })
});

const countryEntry = z.strictObject({
  digitalConsentAge: z.number().int().min(0).max(18),
  emergencyNumber: z.string().regex(/^\+?[0-9][0-9 ]*$/, { message: 'expected a phone number such as "112"' }),
  /** Marks values an administrator must review before production. */
  sample: z.boolean().optional(),
  note: z.string().optional()
});

/** `content/countries.json`. */
export const countriesFileSchema = z.strictObject({
  version,
  countries: z.record(z.enum(COUNTRY_CODES), countryEntry)
});

/** `content/privacy-notice.json` (the notice's words are in the locales). */
export const privacyNoticeSchema = z.strictObject({
  version,
  retentionDays: z.number().int().min(1).max(3650)
});
