import { z } from 'zod';
import {
  ASSESSMENT_LEVELS,
  FRAMEWORK_IDS,
  QUESTIONNAIRE_IDS,
  areasOf,
  competencesOf
} from '../domain/assessment';
import type { FrameworkId, Questionnaire, QuestionnaireId, QuestionnaireItem, Questionnaires } from '../domain/assessment';
import { readValidated } from './readContentFile';

/*
 * `content/questionnaires.json`: the self-assessment questionnaires (which items, in which order)
 * and the scoring rules. Texts are not here: they are i18n keys built from the ids (see
 * docs/assessment-scoring.md). Like the other content schemas this one is strict (an unknown
 * field is an error) and checks cross-field sense — an item's area belongs to its framework and
 * its competence to its area, ids are unique, a rule only names frameworks the questionnaire
 * asks about — so that a bad file stops start-up instead of producing odd profiles.
 */

/** File name inside the content directory. */
export const QUESTIONNAIRES_FILE = 'questionnaires.json';

const version = z.string().trim().min(1);

/**
 * Item ids become i18n key segments (`assessment:item.<id>.statement`): letters, digits and
 * `_` only, since `.` and `:` are i18next separators.
 */
const ITEM_ID = /^[a-z][a-z0-9]*(_[A-Za-z0-9]+)+$/;

const itemSchema = z
  .strictObject({
    id: z.string().regex(ITEM_ID, {
      message: 'expected letters, digits and "_" only, e.g. "lifecomp_p1_selfRegulation" ("." and ":" would break i18n keys)'
    }),
    framework: z.enum(FRAMEWORK_IDS),
    // Checked against the framework below, with a message listing only that framework's areas.
    areaId: z.string(),
    competenceId: z.string()
  })
  .superRefine((item, ctx) => {
    if (!item.id.startsWith(`${item.framework}_`)) {
      ctx.addIssue({ code: 'custom', path: ['id'], message: `expected an id starting with "${item.framework}_", got "${item.id}"` });
    }
    const competences = competencesOf(item.framework, item.areaId);
    if (!competences) {
      ctx.addIssue({
        code: 'custom',
        path: ['areaId'],
        message: `expected an area of ${item.framework} (${areasOf(item.framework).join(', ')}), got "${item.areaId}"`
      });
    } else if (!(competences as readonly string[]).includes(item.competenceId)) {
      ctx.addIssue({
        code: 'custom',
        path: ['competenceId'],
        message: `expected a competence of ${item.areaId} (${competences.join(', ')}), got "${item.competenceId}"`
      });
    }
  })
  // Only reached when the refinement found nothing: area and competence are known ids.
  .transform((item): QuestionnaireItem => item as QuestionnaireItem);

const questionnaireSchema = z.strictObject({
  version,
  items: z
    .array(itemSchema)
    .min(1)
    .superRefine((items, ctx) => {
      items.forEach((item, i) => {
        if (items.findIndex((other) => other.id === item.id) !== i) {
          ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `expected each id at most once; "${item.id}" repeats` });
        }
      });
    })
});

const thresholdSchema = z.strictObject({
  framework: z.enum(FRAMEWORK_IDS),
  minAverage: z
    .number()
    .min(1)
    .max(4)
    .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-9, { message: 'expected at most two decimals' })
});

const thresholdList = z
  .array(thresholdSchema)
  .min(1)
  .superRefine((list, ctx) => {
    list.forEach((t, i) => {
      if (list.findIndex((other) => other.framework === t.framework) !== i) {
        ctx.addIssue({ code: 'custom', path: [i, 'framework'], message: `expected each framework at most once; "${t.framework}" repeats` });
      }
    });
  });

const level = z.literal(ASSESSMENT_LEVELS);

const rulesSchema = z.strictObject({
  version,
  profile: z.strictObject({
    strengthMinLevel: level,
    maxStrengths: z.number().int().min(1).max(10),
    maxToDevelop: z.number().int().min(1).max(10)
  }),
  recommendation: z.strictObject({
    minAnsweredPercent: z.number().int().min(1).max(100),
    eqf4When: z.strictObject({ digiter: thresholdList, camplus: thresholdList })
  })
});

/** `content/questionnaires.json`. */
export const questionnairesFileSchema = z
  .strictObject({
    questionnaires: z.strictObject({ digiter: questionnaireSchema, camplus: questionnaireSchema }),
    rules: rulesSchema
  })
  .superRefine((file, ctx) => {
    // The same id in two questionnaires shares its texts, so it must be the same item.
    const seen = new Map<string, { questionnaire: QuestionnaireId; competenceId: string; areaId: string; framework: string }>();
    for (const questionnaire of QUESTIONNAIRE_IDS) {
      file.questionnaires[questionnaire].items.forEach((item, i) => {
        const earlier = seen.get(item.id);
        if (!earlier) {
          seen.set(item.id, { questionnaire, ...item });
          return;
        }
        for (const field of ['framework', 'areaId', 'competenceId'] as const) {
          if (earlier[field] !== item[field]) {
            ctx.addIssue({
              code: 'custom',
              path: ['questionnaires', questionnaire, 'items', i, field],
              message: `expected "${earlier[field]}" as in questionnaire ${earlier.questionnaire} (an id shared by two questionnaires is the same item), got "${item[field]}"`
            });
          }
        }
      });
    }
    // A threshold on a framework the questionnaire does not ask about could never be met.
    for (const questionnaire of QUESTIONNAIRE_IDS) {
      const asked = new Set<FrameworkId>(file.questionnaires[questionnaire].items.map((item) => item.framework));
      file.rules.recommendation.eqf4When[questionnaire].forEach((t, i) => {
        if (!asked.has(t.framework)) {
          ctx.addIssue({
            code: 'custom',
            path: ['rules', 'recommendation', 'eqf4When', questionnaire, i, 'framework'],
            message: `expected a framework questionnaire ${questionnaire} has items for (${[...asked].join(', ')}), got "${t.framework}"`
          });
        }
      });
    }
  });

/**
 * Reads and validates `questionnaires.json` in `dir`, synchronously (meant for start-up). Each
 * questionnaire gets its `id` from its key in the file.
 *
 * @throws ContentValidationError naming the file, the field path and what was expected, when the
 *   file is missing, unreadable, not JSON, or does not match the schema.
 */
export function loadQuestionnaires(dir: string): Questionnaires {
  const file = readValidated(dir, QUESTIONNAIRES_FILE, questionnairesFileSchema);
  const questionnaires = Object.fromEntries(
    QUESTIONNAIRE_IDS.map((id): [QuestionnaireId, Questionnaire] => [id, { id, ...file.questionnaires[id] }])
  ) as Record<QuestionnaireId, Questionnaire>;
  return { questionnaires, rules: file.rules };
}
