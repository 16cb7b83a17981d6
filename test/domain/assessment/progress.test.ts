import { UnknownItemError, previousItemId, progressOf } from '../../../src/domain/assessment';
import type { AssessmentAnswers, AssessmentProgress, Questionnaire } from '../../../src/domain/assessment';
import { CAMPLUS, DIGITER } from './helpers';

const first = DIGITER.items[0]!.id;
const second = DIGITER.items[1]!.id;
const third = DIGITER.items[2]!.id;
const last = DIGITER.items.at(-1)!.id;

/** Every item of `q` answered with `value`, except the ids in `except`. */
function allBut(q: Questionnaire, value: 1 | 2 | 3 | 4 | 'skipped', ...except: string[]): AssessmentAnswers {
  return Object.fromEntries(q.items.filter((i) => !except.includes(i.id)).map((i) => [i.id, value]));
}

describe('progressOf', () => {
  it.each<[string, Questionnaire, AssessmentAnswers, AssessmentProgress]>([
    ['nothing answered: the first item is next', DIGITER, {}, { answered: 0, skipped: 0, total: 19, nextItemId: first }],
    ['first answered: the second is next', DIGITER, { [first]: 2 }, { answered: 1, skipped: 0, total: 19, nextItemId: second }],
    ['a skipped item counts as done', DIGITER, { [first]: 'skipped' }, { answered: 0, skipped: 1, total: 19, nextItemId: second }],
    [
      'a gap (after "back" or a changed questionnaire) is asked before going on',
      DIGITER,
      { [first]: 3, [third]: 4 },
      { answered: 2, skipped: 0, total: 19, nextItemId: second }
    ],
    ['all answered: nothing is next', DIGITER, allBut(DIGITER, 4), { answered: 19, skipped: 0, total: 19, nextItemId: undefined }],
    ['all skipped: nothing is next', CAMPLUS, allBut(CAMPLUS, 'skipped'), { answered: 0, skipped: 10, total: 10, nextItemId: undefined }],
    ['only the last is missing', DIGITER, allBut(DIGITER, 1, last), { answered: 18, skipped: 0, total: 19, nextItemId: last }],
    [
      'answers to other items and invalid values are not counted',
      DIGITER,
      { entrecomp_1_2_creativity: 3, [first]: 7, [second]: 'later' } as unknown as AssessmentAnswers,
      { answered: 0, skipped: 0, total: 19, nextItemId: first }
    ],
    [
      'camplus starts with project skills',
      CAMPLUS,
      { lifecomp_s1_empathy: 3 },
      { answered: 1, skipped: 0, total: 10, nextItemId: 'entrecomp_1_1_spottingOpportunities' }
    ]
  ])('%s', (_label, questionnaire, answers, expected) => {
    expect(progressOf(answers, questionnaire)).toEqual(expected);
  });
});

describe('previousItemId', () => {
  it.each<[string, string | undefined, string | undefined]>([
    ['the first item has none', first, undefined],
    ['the second goes back to the first', second, first],
    ['the third goes back to the second', third, second],
    ['after the end ("done") goes back to the last item', undefined, last],
    ['the last goes back to the one before it', last, DIGITER.items.at(-2)!.id]
  ])('%s', (_label, current, expected) => {
    expect(previousItemId(current, DIGITER)).toBe(expected);
  });

  it('an item of another questionnaire is an UnknownItemError naming both', () => {
    let caught: unknown;
    try {
      previousItemId('entrecomp_3_2_planning', DIGITER);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(UnknownItemError);
    expect(caught).toMatchObject({
      name: 'UnknownItemError',
      itemId: 'entrecomp_3_2_planning',
      questionnaireId: 'digiter',
      message: 'item "entrecomp_3_2_planning" is not in questionnaire "digiter"'
    });
  });

  it('walking back from the end visits every item in reverse order', () => {
    const visited: string[] = [];
    for (let id = previousItemId(undefined, CAMPLUS); id !== undefined; id = previousItemId(id, CAMPLUS)) visited.push(id);
    expect(visited).toEqual(CAMPLUS.items.map((i) => i.id).reverse());
  });
});
