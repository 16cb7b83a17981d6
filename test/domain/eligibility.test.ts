import path from 'node:path';
import { loadContent } from '../../src/content';
import {
  ELIGIBILITY_NEXT_STEP_KEYS,
  ELIGIBILITY_REASON_KEYS,
  InvalidAgeError,
  InvalidDateError,
  PROJECT_STATUSES,
  QUALIFICATIONS,
  SITUATIONS,
  COUNTRY_CODES,
  ageOn,
  agesInBirthYear,
  combineOutcome,
  evaluateEligibility,
  isValidIsoDate,
  needsGuardianConsent,
  programmeResult
} from '../../src/domain';
import type {
  CountryCode,
  CriterionKind,
  CriterionResult,
  CriterionStatus,
  EligibilityAnswers,
  EligibilityResult,
  EligibilityRules,
  Outcome,
  ProgrammeId,
  ProjectStatus,
  Qualification,
  Situation
} from '../../src/domain';

const content = loadContent(path.join(__dirname, '..', '..', 'content'));
const rules = content.eligibilityRules;
const TODAY = '2025-06-15';

/** Answers that meet every DIGI@TER criterion. */
const DIGITER_OK: EligibilityAnswers = { age: 22, situation: 'none', qualification: 'lowerSecondary', country: 'FR' };
/** Answers that meet every CAMPLUS criterion. */
const CAMPLUS_OK: EligibilityAnswers = { age: 25, livesInCamp: true, project: 'leading' };

function evaluate(answers: EligibilityAnswers, today = TODAY, withRules: EligibilityRules = rules): EligibilityResult {
  return evaluateEligibility(answers, withRules, today);
}

function criterion(result: EligibilityResult, programme: ProgrammeId, kind: CriterionKind): CriterionResult {
  const found = programmeResult(result, programme).criteria.find((c) => c.criterion === kind);
  if (!found) throw new Error(`${programme} has no ${kind} criterion`);
  return found;
}

function outcome(result: EligibilityResult, programme: ProgrammeId): Outcome {
  return programmeResult(result, programme).outcome;
}

/** A deep copy of the shipped rules, changed by `change`. */
function rulesWith(change: (r: EligibilityRules) => void): EligibilityRules {
  const copy = structuredClone(rules) as EligibilityRules;
  change(copy);
  return copy;
}

describe('isValidIsoDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['2025-12-31', true],
    ['1999-04-30', true],
    ['2025-02-29', false],
    ['1900-02-29', false],
    ['2025-04-31', false],
    ['2025-13-01', false],
    ['2025-00-10', false],
    ['2025-01-00', false],
    ['0000-01-01', false],
    ['2025-1-01', false],
    ['2025-01-01T00:00:00Z', false],
    [' 2025-01-01', false],
    ['01/02/2025', false],
    ['', false],
    [20250101, false],
    [undefined, false]
  ])('%p → %p', (value, expected) => {
    expect(isValidIsoDate(value)).toBe(expected);
  });
});

describe('ageOn', () => {
  it.each([
    // 16th birthday relative to a fixed today
    ['2009-06-16', '2025-06-15', 15],
    ['2009-06-15', '2025-06-15', 16],
    ['2009-06-14', '2025-06-15', 16],
    // 30th birthday
    ['1995-06-16', '2025-06-15', 29],
    ['1995-06-15', '2025-06-15', 30],
    ['1995-06-14', '2025-06-15', 30],
    // month boundary and year boundary
    ['2000-07-01', '2025-06-30', 24],
    ['2000-12-31', '2001-01-01', 0],
    ['2000-01-01', '2000-12-31', 0],
    ['2025-06-15', '2025-06-15', 0],
    // born on 29 February: the new age is reached on 1 March in non-leap years
    ['2008-02-29', '2024-02-28', 15],
    ['2008-02-29', '2024-02-29', 16],
    ['2008-02-29', '2024-03-01', 16],
    ['2008-02-29', '2025-02-28', 16],
    ['2008-02-29', '2025-03-01', 17],
    // a 28 February birthday is unaffected by leap years
    ['2008-02-28', '2025-02-28', 17]
  ])('born %s, on %s → %i', (birthDate, today, expected) => {
    expect(ageOn(birthDate, today)).toBe(expected);
  });

  it.each([
    ['2025-02-30', '2025-06-15'],
    ['2000-01-01', '2025-02-29'],
    ['not a date', '2025-06-15'],
    ['2025-06-16', '2025-06-15']
  ])('rejects born %s on %s', (birthDate, today) => {
    expect(() => ageOn(birthDate, today)).toThrow(InvalidDateError);
  });
});

describe('evaluateEligibility — DIGI@TER age', () => {
  it.each([
    [15, 'missing', 'reason.age.tooYoung', 'not_eligible'],
    [16, 'met', 'reason.age.ok', 'eligible'],
    [29, 'met', 'reason.age.ok', 'eligible'],
    [30, 'missing', 'reason.age.tooOld', 'not_eligible']
  ] as const)('age %i → %s (%s), %s', (age, status, reasonKey, expectedOutcome) => {
    const result = evaluate({ ...DIGITER_OK, age });
    expect(criterion(result, 'digiter', 'age')).toEqual({
      criterion: 'age',
      status,
      reasonKey,
      params: { age, min: 16, max: 29 }
    });
    expect(outcome(result, 'digiter')).toBe(expectedOutcome);
  });

  it.each([
    ['day before the 16th birthday', '2009-06-16', 15, 'missing', 'reason.age.tooYoung'],
    ['on the 16th birthday', '2009-06-15', 16, 'met', 'reason.age.ok'],
    ['day after the 16th birthday', '2009-06-14', 16, 'met', 'reason.age.ok'],
    ['day before the 30th birthday', '1995-06-16', 29, 'met', 'reason.age.ok'],
    ['on the 30th birthday', '1995-06-15', 30, 'missing', 'reason.age.tooOld'],
    ['day after the 30th birthday', '1995-06-14', 30, 'missing', 'reason.age.tooOld']
  ] as const)('%s (born %s, today 2025-06-15) → age %i, %s', (_label, birthDate, age, status, reasonKey) => {
    const { age: _ignored, ...rest } = DIGITER_OK;
    const result = evaluate({ ...rest, birthDate });
    expect(criterion(result, 'digiter', 'age')).toEqual({
      criterion: 'age',
      status,
      reasonKey,
      params: { age, min: 16, max: 29 }
    });
  });

  it.each([
    ['2024-02-28', 15, 'missing', 'not_eligible'],
    ['2024-02-29', 16, 'met', 'eligible'],
    ['2025-02-28', 16, 'met', 'eligible'],
    ['2025-03-01', 17, 'met', 'eligible']
  ] as const)('born 2008-02-29, on %s → age %i, %s', (today, age, status, expectedOutcome) => {
    const result = evaluate({ ...DIGITER_OK, age: undefined, birthDate: '2008-02-29' }, today);
    expect(criterion(result, 'digiter', 'age')).toMatchObject({ status, params: { age } });
    expect(outcome(result, 'digiter')).toBe(expectedOutcome);
  });

  it('a birth date wins over a declared age', () => {
    const result = evaluate({ ...DIGITER_OK, birthDate: '2005-01-01', age: 40 });
    expect(criterion(result, 'digiter', 'age')).toMatchObject({ status: 'met', params: { age: 20 } });
    const tooYoung = evaluate({ ...DIGITER_OK, birthDate: '2012-01-01', age: 20 });
    expect(criterion(tooYoung, 'digiter', 'age')).toMatchObject({ status: 'missing', reasonKey: 'reason.age.tooYoung', params: { age: 13 } });
  });

  it.each([
    ['in the future', '2025-06-16'],
    ['impossible (30 February)', '2007-02-30'],
    ['29 February of a non-leap year', '2007-02-29'],
    ['not a date', 'yesterday'],
    ['empty', '']
  ])('a birth date %s → age needs an adviser (reason.age.invalid), even with an age', (_label, birthDate) => {
    const result = evaluate({ ...DIGITER_OK, birthDate, age: 22 });
    expect(criterion(result, 'digiter', 'age')).toEqual({
      criterion: 'age',
      status: 'review',
      reasonKey: 'reason.age.invalid',
      params: { value: birthDate }
    });
    expect(criterion(result, 'camplus', 'age')).toMatchObject({ status: 'review', reasonKey: 'reason.age.invalid' });
    expect(outcome(result, 'digiter')).toBe('needs_adviser');
  });

  it('a person born today is 0, not invalid', () => {
    const result = evaluate({ ...DIGITER_OK, birthDate: TODAY });
    expect(criterion(result, 'digiter', 'age')).toMatchObject({ status: 'missing', reasonKey: 'reason.age.tooYoung', params: { age: 0 } });
  });

  it.each([-1, 17.5, 121, Number.NaN, Number.POSITIVE_INFINITY])('an implausible age %p → reason.age.invalid', (age) => {
    const result = evaluate({ ...DIGITER_OK, age });
    expect(criterion(result, 'digiter', 'age')).toEqual({
      criterion: 'age',
      status: 'review',
      reasonKey: 'reason.age.invalid',
      params: { value: String(age) }
    });
  });

  it('rejects an invalid today', () => {
    expect(() => evaluate(DIGITER_OK, '2025-02-29')).toThrow(InvalidDateError);
  });

  it('does not read the clock', () => {
    jest.useFakeTimers({ now: new Date('1990-01-01T12:00:00Z') });
    try {
      const result = evaluate({ ...DIGITER_OK, age: undefined, birthDate: '2009-06-15' });
      expect(criterion(result, 'digiter', 'age').params.age).toBe(16);
      expect(result.asOf).toBe(TODAY);
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('evaluateEligibility — DIGI@TER situation, qualification, country', () => {
  it.each([
    ['none', 'met', 'eligible'],
    ['training', 'review', 'needs_adviser'],
    ['studying', 'missing', 'not_eligible'],
    ['employed', 'missing', 'not_eligible']
  ] as const)('situation %s → %s, %s', (situation: Situation, status: CriterionStatus, expectedOutcome: Outcome) => {
    const result = evaluate({ ...DIGITER_OK, situation });
    expect(criterion(result, 'digiter', 'situation')).toEqual({
      criterion: 'situation',
      status,
      reasonKey: `reason.situation.${situation}`,
      params: { situation }
    });
    expect(outcome(result, 'digiter')).toBe(expectedOutcome);
  });

  it.each([
    ['none', 0, 'met', 'reason.qualification.ok', 'eligible'],
    ['primary', 1, 'met', 'reason.qualification.ok', 'eligible'],
    ['lowerSecondary', 2, 'met', 'reason.qualification.ok', 'eligible'],
    ['vocationalCertificate', 3, 'missing', 'reason.qualification.tooHigh', 'not_eligible'],
    ['upperSecondary', 4, 'missing', 'reason.qualification.tooHigh', 'not_eligible'],
    ['higherEducation', 5, 'missing', 'reason.qualification.tooHigh', 'not_eligible']
  ] as const)('qualification %s (EQF %i) → %s', (qualification: Qualification, eqf, status, reasonKey, expectedOutcome) => {
    const result = evaluate({ ...DIGITER_OK, qualification });
    expect(criterion(result, 'digiter', 'qualification')).toEqual({
      criterion: 'qualification',
      status,
      reasonKey,
      params: { qualification, eqf, eqfBelow: 3 }
    });
    expect(outcome(result, 'digiter')).toBe(expectedOutcome);
  });

  it('qualification unknown → an adviser looks', () => {
    const result = evaluate({ ...DIGITER_OK, qualification: 'unknown' });
    expect(criterion(result, 'digiter', 'qualification')).toEqual({
      criterion: 'qualification',
      status: 'review',
      reasonKey: 'reason.qualification.unknown',
      params: { qualification: 'unknown', eqfBelow: 3 }
    });
    expect(outcome(result, 'digiter')).toBe('needs_adviser');
  });

  it.each([
    ['FR', 'met', 'reason.country.ok', 'eligible'],
    ['BE', 'met', 'reason.country.ok', 'eligible'],
    ['RO', 'met', 'reason.country.ok', 'eligible'],
    ['DE', 'met', 'reason.country.ok', 'eligible'],
    ['PT', 'met', 'reason.country.ok', 'eligible'],
    ['OTHER', 'missing', 'reason.country.notCovered', 'not_eligible']
  ] as const)('country %s → DIGI@TER %s; CAMPLUS unaffected', (country: CountryCode, status, reasonKey, expectedOutcome) => {
    const result = evaluate({ ...DIGITER_OK, ...CAMPLUS_OK, country });
    expect(criterion(result, 'digiter', 'country')).toEqual({ criterion: 'country', status, reasonKey, params: { country } });
    expect(outcome(result, 'digiter')).toBe(expectedOutcome);
    expect(outcome(result, 'camplus')).toBe('eligible');
    expect(programmeResult(result, 'camplus').criteria.map((c) => c.criterion)).not.toContain('country');
  });
});

describe('evaluateEligibility — CAMPLUS', () => {
  it.each([
    [true, 'met', 'reason.campResidence.ok', 'eligible'],
    [false, 'missing', 'reason.campResidence.notInCamp', 'not_eligible']
  ] as const)('lives in camp: %p → %s', (livesInCamp, status, reasonKey, expectedOutcome) => {
    const result = evaluate({ ...CAMPLUS_OK, livesInCamp });
    expect(criterion(result, 'camplus', 'campResidence')).toEqual({ criterion: 'campResidence', status, reasonKey, params: {} });
    expect(outcome(result, 'camplus')).toBe(expectedOutcome);
  });

  it.each([
    ['leading', 'met', 'eligible'],
    ['planning', 'met', 'eligible'],
    ['none', 'missing', 'not_eligible']
  ] as const)('project %s → %s', (project: ProjectStatus, status, expectedOutcome) => {
    const result = evaluate({ ...CAMPLUS_OK, project });
    expect(criterion(result, 'camplus', 'project')).toEqual({
      criterion: 'project',
      status,
      reasonKey: `reason.project.${project}`,
      params: { project }
    });
    expect(outcome(result, 'camplus')).toBe(expectedOutcome);
  });

  it.each([
    [15, 'missing', 'reason.age.tooYoung', 'not_eligible'],
    [16, 'review', 'reason.age.minor', 'needs_adviser'],
    [17, 'review', 'reason.age.minor', 'needs_adviser'],
    [18, 'met', 'reason.age.ok', 'eligible'],
    [75, 'met', 'reason.age.ok', 'eligible']
  ] as const)('age %i → %s (%s)', (age, status, reasonKey, expectedOutcome) => {
    const result = evaluate({ ...CAMPLUS_OK, age });
    expect(criterion(result, 'camplus', 'age')).toEqual({
      criterion: 'age',
      status,
      reasonKey,
      params: { age, min: 16, adviserBelow: 18 }
    });
    expect(outcome(result, 'camplus')).toBe(expectedOutcome);
  });

  it.each([
    ['2007-06-16', 17, 'review'],
    ['2007-06-15', 18, 'met']
  ] as const)('born %s → %i on 2025-06-15, age %s', (birthDate, age, status) => {
    const result = evaluate({ ...CAMPLUS_OK, age: undefined, birthDate });
    expect(criterion(result, 'camplus', 'age')).toMatchObject({ status, params: { age } });
  });
});

describe('evaluateEligibility — missing answers and the outcome rule', () => {
  it('no answers at all → every criterion needs an adviser, with reason.<criterion>.noAnswer', () => {
    const result = evaluate({});
    for (const programme of result.programmes) {
      expect(programme.outcome).toBe('needs_adviser');
      expect(programme.criteria.length).toBeGreaterThan(0);
      for (const c of programme.criteria) {
        expect(c).toEqual({ criterion: c.criterion, status: 'review', reasonKey: `reason.${c.criterion}.noAnswer`, params: {} });
      }
    }
    expect(programmeResult(result, 'digiter').criteria.map((c) => c.criterion)).toEqual(['age', 'situation', 'qualification', 'country']);
    expect(programmeResult(result, 'camplus').criteria.map((c) => c.criterion)).toEqual(['campResidence', 'project', 'age']);
  });

  it.each([
    ['digiter', 'age', { ...DIGITER_OK, age: undefined }],
    ['digiter', 'situation', { ...DIGITER_OK, situation: undefined }],
    ['digiter', 'qualification', { ...DIGITER_OK, qualification: undefined }],
    ['digiter', 'country', { ...DIGITER_OK, country: undefined }],
    ['camplus', 'age', { ...CAMPLUS_OK, age: undefined }],
    ['camplus', 'campResidence', { ...CAMPLUS_OK, livesInCamp: undefined }],
    ['camplus', 'project', { ...CAMPLUS_OK, project: undefined }]
  ] as const)('%s without %s → that criterion review, outcome needs_adviser', (programme, kind, answers: EligibilityAnswers) => {
    const result = evaluate(answers);
    const p = programmeResult(result, programme);
    expect(p.outcome).toBe('needs_adviser');
    expect(p.nextStepKey).toBe(`next.${programme}.needsAdviser`);
    for (const c of p.criteria) {
      if (c.criterion === kind) expect(c).toMatchObject({ status: 'review', reasonKey: `reason.${kind}.noAnswer` });
      else expect(c.status).toBe('met');
    }
  });

  it('a criterion not met wins over a missing answer', () => {
    const result = evaluate({ ...DIGITER_OK, situation: 'employed', country: undefined });
    expect(outcome(result, 'digiter')).toBe('not_eligible');
  });

  it('an unrecognised (untyped) answer is treated as not answered', () => {
    const answers = { ...DIGITER_OK, situation: 'retired', country: 'US', qualification: 'phd' } as unknown as EligibilityAnswers;
    const result = evaluate(answers);
    expect(criterion(result, 'digiter', 'situation').reasonKey).toBe('reason.situation.noAnswer');
    expect(criterion(result, 'digiter', 'country').reasonKey).toBe('reason.country.noAnswer');
    expect(criterion(result, 'digiter', 'qualification').reasonKey).toBe('reason.qualification.noAnswer');
    expect(outcome(result, 'digiter')).toBe('needs_adviser');
  });

  it.each([
    [[], 'eligible'],
    [['met', 'met'], 'eligible'],
    [['met', 'review'], 'needs_adviser'],
    [['review', 'missing', 'met'], 'not_eligible'],
    [['missing'], 'not_eligible']
  ] as const)('combineOutcome(%p) → %s', (statuses, expected) => {
    expect(combineOutcome(statuses)).toBe(expected);
  });

  it.each([
    ['digiter', DIGITER_OK, 'next.digiter.eligible'],
    ['digiter', { ...DIGITER_OK, situation: 'employed' }, 'next.digiter.notEligible'],
    ['digiter', { ...DIGITER_OK, situation: 'training' }, 'next.digiter.needsAdviser'],
    ['camplus', CAMPLUS_OK, 'next.camplus.eligible'],
    ['camplus', { ...CAMPLUS_OK, livesInCamp: false }, 'next.camplus.notEligible'],
    ['camplus', { ...CAMPLUS_OK, age: 17 }, 'next.camplus.needsAdviser']
  ] as const)('%s next step for %j is %s', (programme, answers: EligibilityAnswers, key) => {
    expect(programmeResult(evaluate(answers), programme).nextStepKey).toBe(key);
  });

  it('someone can be eligible for both programmes', () => {
    const result = evaluate({ ...DIGITER_OK, ...CAMPLUS_OK });
    expect(result.programmes.map((p) => [p.programme, p.outcome])).toEqual([
      ['digiter', 'eligible'],
      ['camplus', 'eligible']
    ]);
  });
});

describe('evaluateEligibility — the rules are data', () => {
  it('records the rules version and the date applied', () => {
    expect(rules.version).toMatch(/^\d{4}-\d{2}-\d{2}\.\d+$/);
    const result = evaluate(DIGITER_OK);
    expect(result.rulesVersion).toBe(rules.version);
    expect(result.asOf).toBe(TODAY);
    const other = rulesWith((r) => {
      r.version = '2030-01-01.7';
    });
    expect(evaluate(DIGITER_OK, TODAY, other).rulesVersion).toBe('2030-01-01.7');
  });

  it('follows changed rules (age window, situation, EQF ceiling, countries, EQF map)', () => {
    const changed = rulesWith((r) => {
      r.programmes.digiter.criteria = [
        { kind: 'age', min: 18, max: 25 },
        { kind: 'situation', met: ['none', 'training'], review: ['studying'], notMet: ['employed'] },
        { kind: 'qualification', eqfBelow: 4 },
        { kind: 'country', allowed: ['PT'] }
      ];
      r.qualificationEqf = { ...r.qualificationEqf, unknown: 1 };
    });
    const result = evaluate({ age: 26, situation: 'training', qualification: 'vocationalCertificate', country: 'FR' }, TODAY, changed);
    expect(programmeResult(result, 'digiter').criteria.map((c) => [c.criterion, c.status, c.reasonKey])).toEqual([
      ['age', 'missing', 'reason.age.tooOld'],
      ['situation', 'met', 'reason.situation.training'],
      ['qualification', 'met', 'reason.qualification.ok'],
      ['country', 'missing', 'reason.country.notCovered']
    ]);
    expect(criterion(result, 'digiter', 'age').params).toEqual({ age: 26, min: 18, max: 25 });
    expect(criterion(evaluate({ qualification: 'unknown' }, TODAY, changed), 'digiter', 'qualification')).toMatchObject({
      status: 'met',
      params: { eqf: 1, eqfBelow: 4 }
    });
    expect(criterion(evaluate({ situation: 'studying' }, TODAY, changed), 'digiter', 'situation').status).toBe('review');
  });

  it('an age rule may combine max and adviserBelow', () => {
    const changed = rulesWith((r) => {
      r.programmes.camplus.criteria = [{ kind: 'age', min: 16, max: 60, adviserBelow: 18 }];
    });
    const statusAt = (age: number) => criterion(evaluate({ age }, TODAY, changed), 'camplus', 'age');
    expect(statusAt(17)).toMatchObject({ status: 'review', reasonKey: 'reason.age.minor', params: { age: 17, min: 16, max: 60, adviserBelow: 18 } });
    expect(statusAt(60).status).toBe('met');
    expect(statusAt(61).reasonKey).toBe('reason.age.tooOld');
  });
});

describe('message keys', () => {
  it('every key evaluateEligibility produces is listed, and every listed key can be produced', () => {
    const reasonKeys = new Set<string>();
    const nextKeys = new Set<string>();
    const ages: EligibilityAnswers[] = [{}, { birthDate: '2030-01-01' }, { age: 10 }, { age: 16 }, { age: 17 }, { age: 20 }, { age: 40 }, { birthYear: 2009 }];
    for (const ageAnswer of ages)
      for (const situation of [undefined, ...SITUATIONS])
        for (const qualification of [undefined, ...QUALIFICATIONS])
          for (const country of [undefined, ...COUNTRY_CODES])
            for (const livesInCamp of [undefined, true, false])
              for (const project of [undefined, ...PROJECT_STATUSES]) {
                const result = evaluate({ ...ageAnswer, situation, qualification, country, livesInCamp, project });
                for (const p of result.programmes) {
                  nextKeys.add(p.nextStepKey);
                  for (const c of p.criteria) reasonKeys.add(c.reasonKey);
                }
              }
    expect([...reasonKeys].sort()).toEqual([...ELIGIBILITY_REASON_KEYS].sort());
    expect([...nextKeys].sort()).toEqual([...ELIGIBILITY_NEXT_STEP_KEYS].sort());
    expect(ELIGIBILITY_NEXT_STEP_KEYS).toHaveLength(6);
  });
});

describe('a year of birth alone (many displaced people know no more)', () => {
  it('gives two ages: one less before this year\'s birthday', () => {
    expect(agesInBirthYear(2004, '2026-11-29')).toEqual({ youngest: 21, oldest: 22 });
    expect(agesInBirthYear(2026, '2026-11-29')).toEqual({ youngest: 0, oldest: 0 });
    expect(() => agesInBirthYear(2030, '2026-11-29')).toThrow(InvalidAgeError);
    expect(() => agesInBirthYear(1890, '2026-11-29')).toThrow(InvalidAgeError);
  });

  it.each<[number, CriterionStatus, string, Outcome]>([
    [2000, 'met', 'reason.age.ok', 'eligible'], // 24 or 25
    [2010, 'missing', 'reason.age.tooYoung', 'not_eligible'], // 14 or 15: too young either way
    [2009, 'review', 'reason.age.birthdayDecides', 'needs_adviser'], // 15 or 16: the birthday decides
    [1995, 'review', 'reason.age.birthdayDecides', 'needs_adviser'], // 29 or 30
    [1990, 'missing', 'reason.age.tooOld', 'not_eligible'] // 34 or 35
  ])('born in %i (today 2025-06-15): %s, %s', (birthYear, status, reasonKey, outcome) => {
    const { age: _ignored, ...rest } = DIGITER_OK;
    const result = evaluate({ ...rest, birthYear });
    const age = criterion(result, 'digiter', 'age');
    expect(age).toMatchObject({ status, reasonKey, params: { birthYear, age: 2025 - birthYear, ageYoungest: 2025 - birthYear - 1 } });
    expect(programmeResult(result, 'digiter').outcome).toBe(outcome);
  });

  it('an age or a birth date, when given, wins over the year', () => {
    expect(criterion(evaluate({ ...DIGITER_OK, age: 22, birthYear: 1990 }), 'digiter', 'age').params).toEqual({ age: 22, min: 16, max: 29 });
  });

  it('a year that gives no plausible age is for an adviser', () => {
    const { age: _ignored, ...rest } = DIGITER_OK;
    expect(criterion(evaluate({ ...rest, birthYear: 2030 }), 'digiter', 'age')).toMatchObject({ status: 'review', reasonKey: 'reason.age.invalid' });
  });
});

describe('needsGuardianConsent', () => {
  it.each([
    ['FR', 14, true],
    ['FR', 15, false],
    ['BE', 12, true],
    ['BE', 13, false],
    ['PT', 12, true],
    ['PT', 13, false],
    ['DE', 15, true],
    ['DE', 16, false],
    ['RO', 15, true],
    ['RO', 16, false],
    ['OTHER', 15, true],
    ['OTHER', 16, false],
    ['DE', 17, false]
  ] as const)('%s at %i → %p', (country, age, expected) => {
    expect(needsGuardianConsent(age, content.countries[country])).toBe(expected);
  });

  it.each([-1, 15.5, Number.NaN])('rejects age %p', (age) => {
    expect(() => needsGuardianConsent(age, content.countries.FR)).toThrow(InvalidAgeError);
  });
});
