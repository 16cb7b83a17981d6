import { RECOMMENDATION_KEYS, scoreAssessment } from '../../../src/domain/assessment';
import type {
  AreaId,
  AssessmentAnswers,
  AssessmentProfile,
  AssessmentRules,
  CompetenceId,
  Questionnaire,
  ScoredLevel,
  EqfRecommendation
} from '../../../src/domain/assessment';
import { CAMPLUS, DIGITER, RULES, answersFor, rulesWith, run } from './helpers';
import type { AnswerSpec } from './helpers';

const READY: EqfRecommendation = { eqf: 4, reasonKey: RECOMMENDATION_KEYS.ready, params: { eqf: 4 }, adviserShouldConfirm: false };

function below(framework: string, average: number, minAverage = 2.5): EqfRecommendation {
  return { eqf: 3, reasonKey: RECOMMENDATION_KEYS.belowThreshold, params: { framework, average, minAverage }, adviserShouldConfirm: false };
}

function tooFew(framework: string, answered: number, total: number, minAnsweredPercent = 60): EqfRecommendation {
  return {
    eqf: 3,
    reasonKey: RECOMMENDATION_KEYS.tooFewAnswers,
    params: { framework, answered, total, minAnsweredPercent },
    adviserShouldConfirm: true
  };
}

function score(questionnaire: Questionnaire, spec: AnswerSpec, rules: AssessmentRules = RULES): AssessmentProfile {
  return scoreAssessment(answersFor(questionnaire, spec), questionnaire, rules);
}

const ids = (highlights: AssessmentProfile['strengths']) => highlights.map((h) => h.id);

function areaLevels(profile: AssessmentProfile): Partial<Record<AreaId, ScoredLevel>> {
  return Object.fromEntries(profile.areas.map((a) => [a.areaId, a.level]));
}

function areaOf(profile: AssessmentProfile, areaId: AreaId) {
  const found = profile.areas.find((a) => a.areaId === areaId);
  if (!found) throw new Error(`no area ${areaId}`);
  return found;
}

function competenceOf(profile: AssessmentProfile, competenceId: CompetenceId) {
  const found = profile.competences.find((c) => c.competenceId === competenceId);
  if (!found) throw new Error(`no competence ${competenceId}`);
  return found;
}

interface Expected {
  recommendation: EqfRecommendation;
  strengths: string[];
  toDevelop: string[];
}

describe('scoreAssessment — profiles', () => {
  it.each<[string, Questionnaire, AnswerSpec, Expected]>([
    [
      'digiter, all 1s',
      DIGITER,
      { frameworks: { lifecomp: 1, digcomp: 1 } },
      { recommendation: below('digcomp', 1), strengths: [], toDevelop: ['lifecomp_personal', 'lifecomp_social'] }
    ],
    [
      'digiter, all 4s',
      DIGITER,
      { frameworks: { lifecomp: 4, digcomp: 4 } },
      { recommendation: READY, strengths: ['lifecomp_personal', 'lifecomp_social', 'lifecomp_learning'], toDevelop: [] }
    ],
    [
      'digiter, life skills 3 and digital 2',
      DIGITER,
      { frameworks: { lifecomp: 3, digcomp: 2 } },
      {
        recommendation: below('digcomp', 2),
        strengths: ['lifecomp_personal', 'lifecomp_social', 'lifecomp_learning'],
        toDevelop: ['digcomp_information', 'digcomp_communication']
      }
    ],
    [
      'digiter, life skills 2 and digital 4: the first threshold met does not hide the second',
      DIGITER,
      { frameworks: { lifecomp: 2, digcomp: 4 } },
      {
        recommendation: below('lifecomp', 2),
        strengths: ['digcomp_information', 'digcomp_communication', 'digcomp_content'],
        toDevelop: ['lifecomp_personal', 'lifecomp_social']
      }
    ],
    [
      'digiter, mixed: best areas first, weakest areas first',
      DIGITER,
      // information 4,4 · communication 3,4 · content 1,2 · safety 2,2 · problem solving 3,3 → 28/10
      { frameworks: { lifecomp: 3, digcomp: [4, 4, 3, 4, 1, 2, 2, 2, 3, 3] } },
      {
        recommendation: READY,
        strengths: ['digcomp_information', 'digcomp_communication', 'lifecomp_personal'],
        toDevelop: ['digcomp_content', 'digcomp_safety']
      }
    ],
    [
      'digiter, some items skipped: ignored in the averages',
      DIGITER,
      { frameworks: { lifecomp: [3, 'skipped', 3, 3, 3, 'skipped', 3, 3, 3], digcomp: run([3, 9], ['skipped', 1]) } },
      { recommendation: READY, strengths: ['lifecomp_personal', 'lifecomp_social', 'lifecomp_learning'], toDevelop: [] }
    ],
    [
      'digiter, a whole area skipped: unknown, neither strength nor to develop',
      DIGITER,
      { frameworks: { lifecomp: 2, digcomp: [3, 3, 3, 3, 3, 3, 'skipped', 'skipped', 3, 3] } },
      {
        recommendation: below('lifecomp', 2),
        strengths: ['digcomp_information', 'digcomp_communication', 'digcomp_content'],
        toDevelop: ['lifecomp_personal', 'lifecomp_social']
      }
    ],
    [
      'digiter, digital skills all skipped: too few answers, an adviser confirms',
      DIGITER,
      { frameworks: { lifecomp: 4, digcomp: 'skipped' } },
      { recommendation: tooFew('digcomp', 0, 10), strengths: ['lifecomp_personal', 'lifecomp_social', 'lifecomp_learning'], toDevelop: [] }
    ],
    [
      'digiter, nothing answered yet',
      DIGITER,
      {},
      { recommendation: tooFew('digcomp', 0, 10), strengths: [], toDevelop: [] }
    ],
    [
      'digiter, no area strong but two competences: the competences are the strengths, best first',
      DIGITER,
      // personal 3,1,1 (1.67) · social 4,1,1 (2) · learning 2,2,2
      { frameworks: { lifecomp: [3, 1, 1, 4, 1, 1, 2, 2, 2], digcomp: 2 } },
      {
        recommendation: below('digcomp', 2),
        strengths: ['lifecomp_empathy', 'lifecomp_selfRegulation'],
        toDevelop: ['lifecomp_personal', 'lifecomp_social']
      }
    ],
    [
      'camplus, all 3s',
      CAMPLUS,
      { frameworks: { entrecomp: 3, lifecomp: 3 } },
      { recommendation: READY, strengths: ['entrecomp_ideas', 'entrecomp_resources', 'entrecomp_action'], toDevelop: [] }
    ],
    [
      'camplus, project skills 2 and social skills 4',
      CAMPLUS,
      { frameworks: { entrecomp: 2, lifecomp: 4 } },
      { recommendation: below('entrecomp', 2), strengths: ['lifecomp_social'], toDevelop: ['entrecomp_ideas', 'entrecomp_resources'] }
    ],
    [
      'camplus, project skills graded: weakest resources, then ideas',
      CAMPLUS,
      { frameworks: { entrecomp: [2, 2, 1, 2, 4, 4], lifecomp: 3 } },
      { recommendation: READY, strengths: ['entrecomp_action', 'lifecomp_social'], toDevelop: ['entrecomp_resources', 'entrecomp_ideas'] }
    ],
    [
      'camplus, project skills all skipped',
      CAMPLUS,
      { frameworks: { entrecomp: 'skipped', lifecomp: 3 } },
      { recommendation: tooFew('entrecomp', 0, 6), strengths: ['lifecomp_social'], toDevelop: [] }
    ]
  ])('%s', (_label, questionnaire, spec, expected) => {
    const profile = score(questionnaire, spec);
    expect(profile.recommendation).toEqual(expected.recommendation);
    expect(ids(profile.strengths)).toEqual(expected.strengths);
    expect(ids(profile.toDevelop)).toEqual(expected.toDevelop);
  });

  it('all 1s: every area is level 1; all 4s: every area is level 4', () => {
    for (const level of [1, 4] as const) {
      const profile = score(DIGITER, { frameworks: { lifecomp: level, digcomp: level } });
      expect(new Set(Object.values(areaLevels(profile)))).toEqual(new Set([level]));
      expect(profile.frameworks).toEqual([
        { framework: 'lifecomp', level, average: level, answered: 9, skipped: 0, total: 9 },
        { framework: 'digcomp', level, average: level, answered: 10, skipped: 0, total: 10 }
      ]);
    }
  });

  it('a whole area skipped is unknown, with its counts', () => {
    const profile = score(DIGITER, { frameworks: { lifecomp: 3, digcomp: [3, 3, 3, 3, 3, 3, 'skipped', 'skipped', 3, 3] } });
    expect(areaOf(profile, 'digcomp_safety')).toEqual({
      areaId: 'digcomp_safety',
      framework: 'digcomp',
      level: 'unknown',
      average: null,
      answered: 0,
      skipped: 2,
      total: 2
    });
    expect(competenceOf(profile, 'digcomp_protectingData').level).toBe('unknown');
    expect(profile.frameworks.find((f) => f.framework === 'digcomp')).toMatchObject({ level: 3, average: 3, answered: 8, skipped: 2 });
    expect(profile.recommendation).toEqual(READY);
  });

  it('strength and to-develop entries carry kind, framework, level and average', () => {
    const profile = score(DIGITER, { frameworks: { lifecomp: 3, digcomp: [4, 4, 3, 4, 1, 2, 2, 2, 3, 3] } });
    expect(profile.strengths[1]).toEqual({ kind: 'area', id: 'digcomp_communication', framework: 'digcomp', level: 4, average: 3.5 });
    expect(profile.toDevelop[0]).toEqual({ kind: 'area', id: 'digcomp_content', framework: 'digcomp', level: 2, average: 1.5 });
    const fallback = score(DIGITER, { frameworks: { lifecomp: [4, 1, 1, 2, 2, 2, 2, 2, 2], digcomp: 2 } });
    expect(fallback.strengths).toEqual([{ kind: 'competence', id: 'lifecomp_selfRegulation', framework: 'lifecomp', level: 4, average: 4 }]);
  });

  it('camplus: an area averages its items, a competence with two items averages both', () => {
    // empathy 4, communication 4, collaboration 1, sharing tasks 2
    const profile = score(CAMPLUS, { frameworks: { entrecomp: 3, lifecomp: [4, 4, 1, 2] } });
    expect(competenceOf(profile, 'lifecomp_collaboration')).toMatchObject({ level: 2, average: 1.5, answered: 2, total: 2 });
    expect(areaOf(profile, 'lifecomp_social')).toMatchObject({ level: 3, average: 2.75, answered: 4, total: 4 });
    expect(profile.competences.map((c) => c.competenceId)).toEqual([
      'entrecomp_spottingOpportunities',
      'entrecomp_creativity',
      'entrecomp_mobilisingResources',
      'entrecomp_financialLiteracy',
      'entrecomp_takingInitiative',
      'entrecomp_planning',
      'lifecomp_empathy',
      'lifecomp_communication',
      'lifecomp_collaboration'
    ]);
    expect(profile.frameworks.map((f) => f.framework)).toEqual(['entrecomp', 'lifecomp']);
  });
});

describe('scoreAssessment — rounding (half up)', () => {
  it.each<[string, AnswerSpec, AreaId, ScoredLevel, number]>([
    ['1, 1 → 1', { overrides: { digcomp_1_1_browsing: 1, digcomp_1_2_evaluating: 1 } }, 'digcomp_information', 1, 1],
    ['1, 2 → 1.5 → 2', { overrides: { digcomp_1_1_browsing: 1, digcomp_1_2_evaluating: 2 } }, 'digcomp_information', 2, 1.5],
    ['2, 3 → 2.5 → 3', { overrides: { digcomp_1_1_browsing: 2, digcomp_1_2_evaluating: 3 } }, 'digcomp_information', 3, 2.5],
    ['3, 4 → 3.5 → 4', { overrides: { digcomp_1_1_browsing: 3, digcomp_1_2_evaluating: 4 } }, 'digcomp_information', 4, 3.5],
    ['2, skipped → 2', { overrides: { digcomp_1_1_browsing: 2, digcomp_1_2_evaluating: 'skipped' } }, 'digcomp_information', 2, 2],
    ['1, 2, 2 → 1.67 → 2', { frameworks: { lifecomp: [1, 2, 2, 1, 1, 1, 1, 1, 1] } }, 'lifecomp_personal', 2, 1.67],
    ['2, 2, 3 → 2.33 → 2', { frameworks: { lifecomp: [2, 2, 3, 1, 1, 1, 1, 1, 1] } }, 'lifecomp_personal', 2, 2.33],
    ['2, 3, 3 → 2.67 → 3', { frameworks: { lifecomp: [2, 3, 3, 1, 1, 1, 1, 1, 1] } }, 'lifecomp_personal', 3, 2.67],
    ['3, 4, 4 → 3.67 → 4', { frameworks: { lifecomp: [3, 4, 4, 1, 1, 1, 1, 1, 1] } }, 'lifecomp_personal', 4, 3.67]
  ])('%s', (_label, spec, areaId, level, average) => {
    expect(areaOf(score(DIGITER, spec), areaId)).toMatchObject({ level, average });
  });

  it('framework averages keep two decimals, rounded half up: 2.375 → 2.38', () => {
    // 8 life-skill items answered: 2,2,2,2,2,3,3,3 = 19 / 8
    const profile = score(DIGITER, { frameworks: { lifecomp: [2, 2, 2, 2, 2, 3, 3, 3, 'skipped'], digcomp: 3 } });
    expect(profile.frameworks[0]).toMatchObject({ framework: 'lifecomp', average: 2.38, level: 2 });
  });
});

describe('scoreAssessment — recommendation thresholds (shipped rules: averages ≥ 2.5, ≥ 60 % answered)', () => {
  it.each<[string, Questionnaire, AnswerSpec, EqfRecommendation]>([
    ['digital average exactly 2.5 (25/10) → EQF 4', DIGITER, { frameworks: { lifecomp: 3, digcomp: run([2, 5], [3, 5]) } }, READY],
    ['digital average 2.4 (24/10) → EQF 3', DIGITER, { frameworks: { lifecomp: 3, digcomp: run([2, 6], [3, 4]) } }, below('digcomp', 2.4)],
    [
      'life-skills average exactly 2.5 (20/8, one skipped) → EQF 4',
      DIGITER,
      { frameworks: { lifecomp: [...run([2, 4], [3, 4]), 'skipped'], digcomp: 3 } },
      READY
    ],
    [
      'life-skills average 2.44 (22/9) → EQF 3',
      DIGITER,
      { frameworks: { lifecomp: run([2, 5], [3, 4]), digcomp: 3 } },
      below('lifecomp', 2.44)
    ],
    ['life-skills average 2.56 (23/9) → EQF 4', DIGITER, { frameworks: { lifecomp: run([2, 4], [3, 5]), digcomp: 3 } }, READY],
    [
      'digital 6 of 10 answered (60 %) → enough',
      DIGITER,
      { frameworks: { lifecomp: 3, digcomp: run([3, 6], ['skipped', 4]) } },
      READY
    ],
    [
      'digital 5 of 10 answered (50 %) → too few',
      DIGITER,
      { frameworks: { lifecomp: 3, digcomp: run([4, 5], ['skipped', 5]) } },
      tooFew('digcomp', 5, 10)
    ],
    [
      'digital 5 of 10 answered, 5 not reached yet → too few',
      DIGITER,
      { frameworks: { lifecomp: 3, digcomp: run([4, 5], [undefined, 5]) } },
      tooFew('digcomp', 5, 10)
    ],
    [
      'life skills 6 of 9 answered (67 %) → enough',
      DIGITER,
      { frameworks: { lifecomp: run([3, 6], ['skipped', 3]), digcomp: 3 } },
      READY
    ],
    [
      'life skills 5 of 9 answered (56 %) → too few',
      DIGITER,
      { frameworks: { lifecomp: run([3, 5], ['skipped', 4]), digcomp: 3 } },
      tooFew('lifecomp', 5, 9)
    ],
    [
      'too few answers wins over a low average',
      DIGITER,
      { frameworks: { lifecomp: run([1, 5], ['skipped', 4]), digcomp: 1 } },
      tooFew('lifecomp', 5, 9)
    ],
    [
      'camplus: project skills average exactly 2.5 (15/6) → EQF 4',
      CAMPLUS,
      { frameworks: { entrecomp: run([2, 3], [3, 3]), lifecomp: 3 } },
      READY
    ],
    [
      'camplus: project skills average 2.33 (14/6) → EQF 3',
      CAMPLUS,
      { frameworks: { entrecomp: run([2, 4], [3, 2]), lifecomp: 4 } },
      below('entrecomp', 2.33)
    ],
    [
      'camplus: social skills 3 of 4 answered (75 %) → enough',
      CAMPLUS,
      { frameworks: { entrecomp: 3, lifecomp: [3, 3, 3, 'skipped'] } },
      READY
    ],
    [
      'camplus: social skills 2 of 4 answered (50 %) → too few',
      CAMPLUS,
      { frameworks: { entrecomp: 3, lifecomp: [4, 4, 'skipped', 'skipped'] } },
      tooFew('lifecomp', 2, 4)
    ]
  ])('%s', (_label, questionnaire, spec, expected) => {
    expect(score(questionnaire, spec).recommendation).toEqual(expected);
  });
});

describe('scoreAssessment — the rules content drives the thresholds', () => {
  const lifecompOnly = (minAverage: number) =>
    rulesWith((r) => {
      r.recommendation.eqf4When = { ...r.recommendation.eqf4When, digiter: [{ framework: 'lifecomp', minAverage }] };
    });
  const stricter = rulesWith((r) => {
    r.recommendation.eqf4When = { ...r.recommendation.eqf4When, digiter: [{ framework: 'digcomp', minAverage: 3 }] };
  });

  it.each<[string, AssessmentRules, AnswerSpec, EqfRecommendation]>([
    ['digital ≥ 3 required, average 3 → EQF 4', stricter, { frameworks: { lifecomp: 1, digcomp: 3 } }, READY],
    ['digital ≥ 3 required, average 2.9 → EQF 3', stricter, { frameworks: { lifecomp: 4, digcomp: run([2, 1], [3, 9]) } }, below('digcomp', 2.9, 3)],
    [
      '100 % answers required, one skipped → too few',
      rulesWith((r) => { r.recommendation.minAnsweredPercent = 100; }),
      { frameworks: { lifecomp: 4, digcomp: run([4, 9], ['skipped', 1]) } },
      tooFew('digcomp', 9, 10, 100)
    ],
    [
      'the exact mean is compared: 22/9 = 2.444… ≥ 2.44 → EQF 4',
      lifecompOnly(2.44),
      { frameworks: { lifecomp: run([2, 5], [3, 4]), digcomp: 1 } },
      READY
    ],
    [
      'the exact mean is compared: 19/8 = 2.375 < 2.38, though it shows as 2.38 → EQF 3',
      lifecompOnly(2.38),
      { frameworks: { lifecomp: [...run([2, 5], [3, 3]), 'skipped'], digcomp: 1 } },
      below('lifecomp', 2.38, 2.38)
    ]
  ])('%s', (_label, rules, spec, expected) => {
    expect(score(DIGITER, spec, rules).recommendation).toEqual(expected);
  });

  it('maxStrengths and maxToDevelop limit the lists', () => {
    const rules = rulesWith((r) => { r.profile = { ...r.profile, maxStrengths: 1, maxToDevelop: 1 }; });
    const profile = score(DIGITER, { frameworks: { lifecomp: 3, digcomp: [4, 4, 3, 4, 1, 2, 2, 2, 3, 3] } }, rules);
    expect(ids(profile.strengths)).toEqual(['digcomp_information']);
    expect(ids(profile.toDevelop)).toEqual(['digcomp_content']);
  });

  it('strengthMinLevel moves the line between strength and to develop', () => {
    const rules = rulesWith((r) => { r.profile = { ...r.profile, strengthMinLevel: 4, maxToDevelop: 3 }; });
    const profile = score(DIGITER, { frameworks: { lifecomp: 3, digcomp: [4, 4, 3, 4, 1, 2, 2, 2, 3, 3] } }, rules);
    expect(ids(profile.strengths)).toEqual(['digcomp_information', 'digcomp_communication']);
    expect(ids(profile.toDevelop)).toEqual(['digcomp_content', 'digcomp_safety', 'lifecomp_personal']);
  });
});

describe('scoreAssessment — input handling', () => {
  it('records the questionnaire and the rules versions, and the counts', () => {
    const profile = score(DIGITER, { frameworks: { lifecomp: [3, 'skipped', 3, 3, 3, 3, 3, 3, 3] } });
    expect(profile).toMatchObject({
      questionnaireId: 'digiter',
      questionnaireVersion: DIGITER.version,
      rulesVersion: RULES.version,
      answered: 8,
      skipped: 1,
      unanswered: 10,
      total: 19
    });
  });

  it('ignores answers to unknown items and values that are not answers', () => {
    const base = answersFor(DIGITER, { frameworks: { lifecomp: 3, digcomp: 3 } });
    const noisy = {
      ...base,
      digcomp_9_9_unknown: 1,
      digcomp_1_1_browsing: 5,
      digcomp_1_2_evaluating: '1',
      digcomp_2_1_interacting: null,
      digcomp_2_4_collaborating: 'skip'
    } as unknown as AssessmentAnswers;
    const profile = scoreAssessment(noisy, DIGITER, RULES);
    expect(profile).toMatchObject({ answered: 15, skipped: 0, unanswered: 4 });
    expect(areaOf(profile, 'digcomp_information')).toMatchObject({ level: 'unknown', answered: 0 });
    expect(profile.frameworks[1]).toMatchObject({ framework: 'digcomp', average: 3, answered: 6 });
  });

  it('does not read inherited properties as answers', () => {
    const answers = Object.create({ lifecomp_p1_selfRegulation: 4 }) as AssessmentAnswers;
    expect(scoreAssessment(answers, DIGITER, RULES).answered).toBe(0);
  });

  it('is pure: same input, same profile; the answers are not changed', () => {
    const answers = Object.freeze(answersFor(DIGITER, { frameworks: { lifecomp: 2, digcomp: [4, 4, 3, 4, 1, 2, 2, 2, 3, 3] } }));
    const first = scoreAssessment(answers, DIGITER, RULES);
    expect(scoreAssessment(answers, DIGITER, RULES)).toEqual(first);
    expect(JSON.parse(JSON.stringify(first))).toEqual(first);
  });
});
