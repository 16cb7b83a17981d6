import { answerOf } from './answers';
import { UnknownItemError } from './errors';
import { SKIPPED } from './types';
import type { AssessmentAnswers, AssessmentProgress, Questionnaire } from './types';

/**
 * How far the person is: items answered with a level, items skipped, the total, and the next
 * item to ask — the first one in questionnaire order with no valid answer (so an item left
 * behind by "back" is asked again before going on). `nextItemId` is `undefined` when every item
 * has a level or `'skipped'`. Answers to ids that are not in the questionnaire are ignored.
 */
export function progressOf(answers: AssessmentAnswers, questionnaire: Questionnaire): AssessmentProgress {
  let answered = 0;
  let skipped = 0;
  let nextItemId: string | undefined;
  for (const { id } of questionnaire.items) {
    const answer = answerOf(answers, id);
    if (answer === undefined) nextItemId ??= id;
    else if (answer === SKIPPED) skipped += 1;
    else answered += 1;
  }
  return { answered, skipped, total: questionnaire.items.length, nextItemId };
}

/**
 * The item before `current` in questionnaire order (for "back"), or `undefined` when `current`
 * is the first item. `current === undefined` means "after the last item" (the questionnaire is
 * done) and gives the last item.
 *
 * @throws UnknownItemError when `current` is not an item of `questionnaire`.
 */
export function previousItemId(current: string | undefined, questionnaire: Questionnaire): string | undefined {
  const { items } = questionnaire;
  if (current === undefined) return items.at(-1)?.id;
  const index = items.findIndex((item) => item.id === current);
  if (index < 0) throw new UnknownItemError(current, questionnaire.id);
  return index === 0 ? undefined : items[index - 1]?.id;
}
