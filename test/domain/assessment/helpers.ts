import path from 'node:path';
import { loadQuestionnaires } from '../../../src/content/questionnaires';
import type {
  AnswerValue,
  AssessmentAnswers,
  AssessmentRules,
  FrameworkId,
  Questionnaire,
  Questionnaires
} from '../../../src/domain/assessment';

/** The shipped questionnaires and rules. */
export const shipped: Questionnaires = loadQuestionnaires(path.join(__dirname, '..', '..', '..', 'content'));
export const DIGITER: Questionnaire = shipped.questionnaires.digiter;
export const CAMPLUS: Questionnaire = shipped.questionnaires.camplus;
export const RULES: AssessmentRules = shipped.rules;

/** `undefined` = not answered (not reached yet). */
type Slot = AnswerValue | undefined;

/**
 * Answers by framework: one value for every item of the framework, or one value per item in
 * questionnaire order (the list must have exactly as many values as the framework has items).
 * `overrides` then sets single items by id.
 */
export interface AnswerSpec {
  frameworks?: Partial<Record<FrameworkId, Slot | readonly Slot[]>>;
  overrides?: Record<string, Slot>;
}

export function answersFor(questionnaire: Questionnaire, spec: AnswerSpec): AssessmentAnswers {
  const out: Record<string, AnswerValue> = {};
  const seen: Partial<Record<FrameworkId, number>> = {};
  for (const item of questionnaire.items) {
    const index = seen[item.framework] ?? 0;
    seen[item.framework] = index + 1;
    const given = spec.frameworks?.[item.framework];
    const value = Array.isArray(given) ? given[index] : (given as Slot);
    if (value !== undefined) out[item.id] = value;
  }
  for (const [framework, given] of Object.entries(spec.frameworks ?? {})) {
    if (Array.isArray(given) && given.length !== seen[framework as FrameworkId]) {
      throw new Error(`${questionnaire.id}: ${framework} has ${seen[framework as FrameworkId] ?? 0} items, the spec gives ${given.length}`);
    }
  }
  for (const [id, value] of Object.entries(spec.overrides ?? {})) {
    if (!questionnaire.items.some((i) => i.id === id)) throw new Error(`${questionnaire.id} has no item ${id}`);
    if (value === undefined) delete out[id];
    else out[id] = value;
  }
  return out;
}

/** `n` copies of `value` followed by `m` copies of `then`, … : `run([2, 5], [3, 5])`. */
export function run(...parts: readonly (readonly [Slot, number])[]): Slot[] {
  return parts.flatMap(([value, count]) => Array.from({ length: count }, () => value));
}

/** A deep copy of the shipped rules, changed by `change`. */
export function rulesWith(change: (r: AssessmentRules) => void): AssessmentRules {
  const copy = structuredClone(RULES);
  change(copy);
  return copy;
}
