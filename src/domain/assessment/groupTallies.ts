import { answerOf } from './answers';
import { addItem, emptyTally } from './tally';
import type { Tally } from './tally';
import type { AssessmentAnswers, Questionnaire, QuestionnaireItem } from './types';

/** The tally of one group of items, with the group's first item (to tell its area and framework). */
export interface Group {
  first: QuestionnaireItem;
  tally: Tally;
}

/** Adds up the answers to the items of `questionnaire` by `keyOf(item)`, in order of each group's first item. */
export function groupTallies<K extends string>(
  answers: AssessmentAnswers,
  questionnaire: Questionnaire,
  keyOf: (item: QuestionnaireItem) => K
): Map<K, Group> {
  const groups = new Map<K, Group>();
  for (const item of questionnaire.items) {
    const key = keyOf(item);
    let group = groups.get(key);
    if (!group) {
      group = { first: item, tally: emptyTally() };
      groups.set(key, group);
    }
    addItem(group.tally, answerOf(answers, item.id));
  }
  return groups;
}

/** The tally of every group, by key. */
export function talliesOf<K extends string>(groups: ReadonlyMap<K, Group>): Map<K, Tally> {
  return new Map([...groups].map(([key, group]) => [key, group.tally]));
}
