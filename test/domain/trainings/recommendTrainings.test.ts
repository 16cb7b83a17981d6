import { InvalidDateError } from '../../../src/domain/eligibility';
import { STARTS_SOON_DAYS, daysBetween, recommendTrainings } from '../../../src/domain/trainings';
import type { RecommendationProfile, TrainingReason } from '../../../src/domain/trainings';
import { FIXTURE, TODAY } from './fixtures';

type Expected = [id: string, nextStart: string, reasons: TrainingReason[]];

const level = (eqf: number): TrainingReason => ({ key: 'reason.level', params: { eqf } });
const country = (code: string): TrainingReason => ({ key: 'reason.country', params: { country: code } });
const language = (code: string): TrainingReason => ({ key: 'reason.language', params: { language: code } });
const soon = (date: string, days: number): TrainingReason => ({ key: 'reason.startsSoon', params: { date, days } });

describe('recommendTrainings', () => {
  it.each<[string, RecommendationProfile, Expected[]]>([
    [
      'EQF 3 in Portugal, Portuguese: soonest first; 43 days away is not "soon"',
      { eqf: 3, country: 'PT', languages: ['pt'] },
      [
        ['pt-b', '2026-12-14', [level(3), country('PT'), language('pt'), soon('2026-12-14', 15)]],
        ['pt-a', '2027-01-11', [level(3), country('PT'), language('pt')]]
      ]
    ],
    [
      'the reason names the first of the person’s languages the training is taught in',
      { eqf: 3, country: 'FR', languages: ['ar', 'fr'] },
      [['fr-a', '2026-12-07', [level(3), country('FR'), language('ar'), soon('2026-12-07', 8)]]]
    ],
    [
      'no country known: any country, no country reason',
      { eqf: 3, languages: ['uk'] },
      [
        ['pt-b', '2026-12-14', [level(3), language('uk'), soon('2026-12-14', 15)]],
        ['ro-a', '2027-01-25', [level(3), language('uk')]]
      ]
    ],
    [
      'no language given: any language, no language reason; full trainings left out',
      { eqf: 4, languages: [] },
      [
        ['be-a', '2027-01-18', [level(4)]],
        ['fr-b', '2027-02-01', [level(4)]]
      ]
    ],
    ['the only EQF 4 training in Portugal is full', { eqf: 4, country: 'PT', languages: ['pt', 'en'] }, []],
    ['the only EQF 3 training in Belgium is full', { eqf: 3, country: 'BE', languages: ['fr', 'nl'] }, []],
    ['de-b speaks Arabic but all its starts are past', { eqf: 3, country: 'DE', languages: ['ar'] }, []],
    ['right level and country, wrong language', { eqf: 3, country: 'RO', languages: ['fr'] }, []],
    ['right country and language, wrong level', { eqf: 4, country: 'RO', languages: ['ro'] }, []]
  ])('%s', (_name, profile, expected) => {
    const got = recommendTrainings(FIXTURE, profile, TODAY).map((r): Expected => [r.training.id, r.nextStart, r.reasons]);
    expect(got).toEqual(expected);
  });

  it('"starts soon" uses the window given, inclusive', () => {
    const profile: RecommendationProfile = { eqf: 3, country: 'PT', languages: ['pt'] };
    const reasons = (days: number) =>
      recommendTrainings(FIXTURE, profile, TODAY, { soonWithinDays: days }).map((r) => r.reasons.map((x) => x.key).includes('reason.startsSoon'));
    expect(STARTS_SOON_DAYS).toBe(42);
    expect(daysBetween(TODAY, '2027-01-11')).toBe(43);
    expect(reasons(43)).toEqual([true, true]);
    expect(reasons(14)).toEqual([false, false]);
    expect(reasons(15)).toEqual([true, false]);
  });

  it('limit keeps the soonest', () => {
    const got = recommendTrainings(FIXTURE, { eqf: 3, languages: [] }, TODAY, { limit: 2 });
    expect(got.map((r) => r.training.id)).toEqual(['fr-a', 'pt-b']);
  });

  it('counts from the given day, past starts skipped', () => {
    const got = recommendTrainings(FIXTURE, { eqf: 3, country: 'FR', languages: ['fr'] }, '2026-12-08');
    expect(got.map((r) => [r.training.id, r.nextStart])).toEqual([['fr-a', '2027-03-01']]);
    expect(got[0]?.reasons.map((r) => r.key)).toEqual(['reason.level', 'reason.country', 'reason.language']);
  });

  it('rejects an invalid today', () => {
    expect(() => recommendTrainings(FIXTURE, { eqf: 3, languages: [] }, '2026-02-29')).toThrow(InvalidDateError);
  });
});

describe('daysBetween', () => {
  it.each([
    ['2026-11-29', '2026-11-29', 0],
    ['2026-11-29', '2026-12-14', 15],
    ['2027-02-28', '2027-03-01', 1],
    ['2028-02-28', '2028-03-01', 2],
    ['2026-03-28', '2026-03-30', 2],
    ['2027-01-01', '2026-12-31', -1]
  ])('%s → %s = %i', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });
});
