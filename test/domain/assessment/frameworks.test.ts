import {
  AREA_IDS,
  ASSESSMENT_LEVEL_LABEL_KEYS,
  ASSESSMENT_REASON_KEYS,
  COMPETENCE_IDS,
  FRAMEWORK_IDS,
  FRAMEWORK_TAXONOMY,
  RECOMMENDATION_KEYS,
  answerOf,
  areasOf,
  assessmentTextKeys,
  competencesOf,
  isAnswerValue,
  scoreAssessment
} from '../../../src/domain/assessment';
import type { AnswerValue } from '../../../src/domain/assessment';
import { CAMPLUS, DIGITER, RULES, answersFor } from './helpers';

describe('reference frameworks', () => {
  it.each([
    ['lifecomp', 3, 9],
    ['digcomp', 5, 21],
    ['entrecomp', 3, 15]
  ] as const)('%s has %i areas and %i competences', (framework, areas, competences) => {
    expect(areasOf(framework)).toHaveLength(areas);
    expect(areasOf(framework).flatMap((a) => competencesOf(framework, a) ?? [])).toHaveLength(competences);
  });

  it('ids are unique, i18n-safe and start with their framework', () => {
    expect(new Set(AREA_IDS).size).toBe(AREA_IDS.length);
    expect(new Set(COMPETENCE_IDS).size).toBe(COMPETENCE_IDS.length);
    for (const framework of FRAMEWORK_IDS) {
      for (const [area, competences] of Object.entries(FRAMEWORK_TAXONOMY[framework])) {
        for (const id of [area, ...competences]) expect(id).toMatch(new RegExp(`^${framework}_[A-Za-z]+$`));
      }
    }
  });

  it('competencesOf is undefined for an area of another framework', () => {
    expect(competencesOf('lifecomp', 'digcomp_safety')).toBeUndefined();
    expect(competencesOf('lifecomp', 'toString')).toBeUndefined();
  });
});

describe('answers', () => {
  it.each<[unknown, boolean]>([
    [1, true],
    [4, true],
    ['skipped', true],
    [0, false],
    [5, false],
    [2.5, false],
    ['3', false],
    ['skip', false],
    [null, false],
    [undefined, false]
  ])('isAnswerValue(%p) → %p', (value, expected) => {
    expect(isAnswerValue(value)).toBe(expected);
  });

  it('answerOf reads own, valid answers only', () => {
    const answers: Record<string, unknown> = Object.assign(Object.create({ inherited: 3 }) as object, { a: 2, b: 9 });
    expect([answerOf(answers, 'a'), answerOf(answers, 'b'), answerOf(answers, 'inherited'), answerOf(answers, 'c')]).toEqual([
      2,
      undefined,
      undefined,
      undefined
    ]);
  });
});

describe('message keys', () => {
  it('every reason key scoring can produce is listed, and only those', () => {
    const produced = new Set<string>();
    const specs: [typeof DIGITER, Partial<Record<'lifecomp' | 'digcomp' | 'entrecomp', AnswerValue>>][] = [
      [DIGITER, { lifecomp: 4, digcomp: 4 }],
      [DIGITER, { lifecomp: 1, digcomp: 1 }],
      [DIGITER, {}],
      [CAMPLUS, { entrecomp: 4, lifecomp: 4 }],
      [CAMPLUS, { entrecomp: 1, lifecomp: 1 }],
      [CAMPLUS, {}]
    ];
    for (const [q, frameworks] of specs) produced.add(scoreAssessment(answersFor(q, { frameworks }), q, RULES).recommendation.reasonKey);
    expect([...produced].sort()).toEqual([...ASSESSMENT_REASON_KEYS].sort());
    expect(ASSESSMENT_REASON_KEYS).toEqual(Object.values(RECOMMENDATION_KEYS));
  });

  it('the keys the content needs: per item a statement and four levels, plus names, level labels and reasons', () => {
    const keys = assessmentTextKeys([CAMPLUS]);
    expect(keys).toEqual(
      expect.arrayContaining([
        'item.entrecomp_3_2_planning.statement',
        'item.entrecomp_3_2_planning.level.1',
        'item.entrecomp_3_2_planning.level.4',
        'framework.entrecomp',
        'area.entrecomp_action',
        'competence.entrecomp_planning',
        'level.1',
        'level.unknown',
        ...ASSESSMENT_LEVEL_LABEL_KEYS,
        ...ASSESSMENT_REASON_KEYS
      ])
    );
    // 10 items × 5 + 2 frameworks + 4 areas + 9 competences + 5 level labels + 3 reasons
    expect(keys).toHaveLength(10 * 5 + 2 + 4 + 9 + 5 + 3);
    expect(keys.some((k) => k.includes('digcomp'))).toBe(false);
  });
});
