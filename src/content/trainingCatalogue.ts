import path from 'node:path';
import { z } from 'zod';
import { isValidIsoDate } from '../domain/eligibility';
import { EQF_LEVELS, INSTRUCTION_LANGUAGES, TRAINING_COUNTRIES, TRAINING_FORMATS, TRAINING_TOPICS } from '../domain/trainings';
import type { Training, TrainingCatalogue } from '../domain/trainings';
import { ContentValidationError, type ContentProblem } from './contentValidationError';
import { displayPath, formatFieldPath, readValidated } from './readContentFile';

/** File name of the catalogue inside the content directory. */
export const TRAINING_CATALOGUE_FILE = 'trainings.json';

/** Lower-case words joined by `-`: safe in i18n keys (no `.`), URLs and referral records. */
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const PREREQUISITE_ID = /^[A-Za-z][A-Za-z0-9]*$/;

const id = z.string().regex(ID, { message: 'expected lower-case letters and digits joined by "-" (e.g. "fr-web-basics")' });
const isoDate = z.string().refine(isValidIsoDate, { message: 'expected a real date written YYYY-MM-DD' });
const place = z.string().trim().min(1);

function uniqueItems<T extends string>(items: z.ZodType<T>, what: string) {
  return z.array(items).superRefine((list, ctx) => {
    list.forEach((item, i) => {
      if (list.indexOf(item) !== i) ctx.addIssue({ code: 'custom', path: [i], message: `"${item}" is listed twice in ${what}` });
    });
  });
}

const funding = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('free') }),
  z.strictObject({ kind: z.literal('funded') }),
  z.strictObject({
    kind: z.literal('fee'),
    amount: z.number().positive(),
    currency: z.string().regex(/^[A-Z]{3}$/, { message: 'expected an ISO 4217 currency code such as "EUR"' })
  })
]);

const training = z.strictObject({
  id,
  partnerId: id,
  country: z.enum(TRAINING_COUNTRIES),
  region: place,
  city: place,
  eqf: z.literal(EQF_LEVELS),
  languages: uniqueItems(z.enum(INSTRUCTION_LANGUAGES), 'languages').min(1),
  format: z.enum(TRAINING_FORMATS),
  /** What it teaches; optional (no topic: found by the other filters only). */
  topics: uniqueItems(z.enum(TRAINING_TOPICS), 'topics').default([]),
  duration: z.strictObject({
    weeks: z.number().int().min(1).max(156),
    hoursPerWeek: z.number().positive().max(60)
  }),
  startDates: uniqueItems(isoDate, 'startDates').min(1),
  prerequisites: uniqueItems(z.string(), 'prerequisites'),
  seatsLeft: z.number().int().min(0),
  funding
});

/** Schema of `content/trainings.json`. Strict: an unknown field is an error. */
export const trainingCatalogueSchema = z
  .strictObject({
    /** `true` while the shipped sample is in use. */
    sample: z.boolean().optional(),
    /** For administrators; ignored by the code. */
    note: z.string().optional(),
    version: z.string().trim().min(1),
    prerequisites: uniqueItems(z.string().regex(PREREQUISITE_ID, { message: 'expected a camelCase id such as "basicReading"' }), 'prerequisites'),
    trainings: z.array(training).min(1)
  })
  .superRefine((file, ctx) => {
    const partnerCountry = new Map<string, string>();
    file.trainings.forEach((t, i) => {
      if (file.trainings.findIndex((other) => other.id === t.id) !== i) {
        ctx.addIssue({ code: 'custom', path: ['trainings', i, 'id'], message: `expected a unique id; "${t.id}" is used twice` });
      }
      t.prerequisites.forEach((kind, j) => {
        if (!file.prerequisites.includes(kind)) {
          ctx.addIssue({
            code: 'custom',
            path: ['trainings', i, 'prerequisites', j],
            message: `"${kind}" is not declared in the top-level "prerequisites" list`
          });
        }
      });
      const known = partnerCountry.get(t.partnerId);
      if (known === undefined) partnerCountry.set(t.partnerId, t.country);
      else if (known !== t.country) {
        ctx.addIssue({
          code: 'custom',
          path: ['trainings', i, 'country'],
          message: `partner "${t.partnerId}" is in ${known} in another training, not ${t.country}`
        });
      }
    });
  });

export interface LoadTrainingCatalogueOptions {
  /** Partner ids that exist (e.g. from the partners content); when given, any other id is an error. */
  knownPartnerIds?: readonly string[];
}

/**
 * Reads and validates `<dir>/trainings.json`, synchronously (meant for start-up). Start dates are
 * returned sorted.
 *
 * @throws ContentValidationError naming the file, the field path and what was expected, when the
 *   file is missing, unreadable, not JSON, or does not match the schema — e.g.
 *   `content/trainings.json: trainings[3].eqf: expected one of 3|4`.
 */
export function loadTrainingCatalogue(dir: string, options: LoadTrainingCatalogueOptions = {}): TrainingCatalogue {
  const file = readValidated(dir, TRAINING_CATALOGUE_FILE, trainingCatalogueSchema);
  const shown = displayPath(path.join(dir, TRAINING_CATALOGUE_FILE));

  if (options.knownPartnerIds) {
    const known = options.knownPartnerIds;
    const problems: ContentProblem[] = file.trainings.flatMap((t, i) =>
      known.includes(t.partnerId)
        ? []
        : [{ path: formatFieldPath(['trainings', i, 'partnerId']), message: `unknown partner "${t.partnerId}" (known: ${known.join(', ')})` }]
    );
    if (problems.length > 0) throw new ContentValidationError(shown, problems);
  }

  const trainings: Training[] = file.trainings.map((t) => ({
    ...t,
    languages: [...t.languages],
    duration: { ...t.duration },
    startDates: [...t.startDates].sort(),
    prerequisites: [...t.prerequisites],
    funding: { ...t.funding }
  }));
  return { version: file.version, sample: file.sample === true, prerequisites: [...file.prerequisites], trainings };
}
