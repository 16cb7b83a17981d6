import { InvalidDateError } from '../../../src/domain/eligibility';
import { nextStartDate, paginate, searchTrainings } from '../../../src/domain/trainings';
import type { TrainingFilters } from '../../../src/domain/trainings';
import { FIXTURE, TODAY, catalogue, training } from './fixtures';

const ids = (filters: TrainingFilters, today = TODAY): string[] => searchTrainings(FIXTURE, filters, today).map((t) => t.id);

/** Every training with a start on or after TODAY, soonest first (de-a and pt-a tie: by id). */
const ALL_UPCOMING = ['fr-a', 'pt-b', 'de-a', 'pt-a', 'be-a', 'ro-a', 'fr-b', 'be-b', 'pt-c'];

describe('searchTrainings — each filter alone', () => {
  it.each<[string, TrainingFilters, string[]]>([
    ['no filter: every upcoming training, soonest first, ties by id', {}, ALL_UPCOMING],
    ['country FR', { country: 'FR' }, ['fr-a', 'fr-b']],
    ['country DE (de-b has only past starts)', { country: 'DE' }, ['de-a']],
    ['country RO', { country: 'RO' }, ['ro-a']],
    ['language uk', { language: 'uk' }, ['pt-b', 'ro-a']],
    ['language ar (de-b past)', { language: 'ar' }, ['fr-a']],
    ['language fa: none', { language: 'fa' }, []],
    ['EQF 4', { eqf: 4 }, ['be-a', 'fr-b', 'pt-c']],
    ['EQF 3', { eqf: 3 }, ['fr-a', 'pt-b', 'de-a', 'pt-a', 'ro-a', 'be-b']],
    ['format online', { format: 'online' }, ['fr-a', 'pt-b', 'ro-a']],
    ['format hybrid', { format: 'hybrid' }, ['fr-b', 'be-b', 'pt-c']],
    ['format onsite', { format: 'onsite' }, ['de-a', 'pt-a', 'be-a']],
    ['seats only: full trainings left out', { withSeatsOnly: true }, ['fr-a', 'pt-b', 'de-a', 'pt-a', 'be-a', 'ro-a', 'fr-b']],
    ['seats not asked: full trainings stay', { withSeatsOnly: false }, ALL_UPCOMING],
    [
      'starts from 2027-02-01: fr-a moves to its March start',
      { startsFrom: '2027-02-01' },
      ['fr-b', 'be-b', 'pt-c', 'fr-a']
    ],
    ['starts from a date before today: today wins', { startsFrom: '2026-01-01' }, ALL_UPCOMING],
    ['starts from after every start', { startsFrom: '2028-01-01' }, []]
  ])('%s', (_name, filters, expected) => {
    expect(ids(filters)).toEqual(expected);
  });
});

describe('searchTrainings — filters combined (AND)', () => {
  it.each<[string, TrainingFilters, string[]]>([
    ['online in Portugal', { country: 'PT', format: 'online' }, ['pt-b']],
    ['EQF 3, online, taught in Ukrainian', { eqf: 3, format: 'online', language: 'uk' }, ['pt-b', 'ro-a']],
    ['EQF 4 in Portugal with seats', { country: 'PT', eqf: 4, withSeatsOnly: true }, []],
    ['EQF 4 in Portugal, full ones included', { country: 'PT', eqf: 4 }, ['pt-c']],
    ['Belgium with seats', { country: 'BE', withSeatsOnly: true }, ['be-a']],
    ['France from March 2027', { country: 'FR', startsFrom: '2027-03-02' }, ['fr-b']],
    ['hybrid in French from February', { format: 'hybrid', language: 'fr', startsFrom: '2027-02-01' }, ['fr-b', 'be-b']],
    [
      'everything at once',
      { country: 'RO', language: 'ro', eqf: 3, format: 'online', startsFrom: '2027-01-01', withSeatsOnly: true },
      ['ro-a']
    ]
  ])('%s', (_name, filters, expected) => {
    expect(ids(filters)).toEqual(expected);
  });
});

describe('searchTrainings — dates', () => {
  it('never returns a training whose starts are all past', () => {
    expect(ids({})).not.toContain('de-b');
    expect(ids({}, '2026-08-03')).toContain('de-b');
    expect(ids({}, '2026-08-04')).not.toContain('de-b');
  });

  it('a start on today counts', () => {
    expect(ids({ country: 'FR' }, '2026-12-07')).toEqual(['fr-a', 'fr-b']);
    expect(ids({ country: 'FR' }, '2026-12-08')).toEqual(['fr-b', 'fr-a']);
  });

  it('orders by the next start, not by the first date listed', () => {
    const c = catalogue([
      training({ id: 'b', startDates: ['2027-05-01', '2026-12-01'] }),
      training({ id: 'a', startDates: ['2027-01-01'] })
    ]);
    expect(searchTrainings(c, {}, TODAY).map((t) => t.id)).toEqual(['b', 'a']);
    expect(searchTrainings(c, {}, '2026-12-02').map((t) => t.id)).toEqual(['a', 'b']);
  });

  it('is stable whatever the catalogue order', () => {
    const reversed = catalogue([...FIXTURE.trainings].reverse());
    expect(searchTrainings(reversed, {}, TODAY).map((t) => t.id)).toEqual(ALL_UPCOMING);
  });

  it.each([['2026-13-01'], ['29/11/2026'], ['']])('rejects today = %p', (today) => {
    expect(() => searchTrainings(FIXTURE, {}, today)).toThrow(InvalidDateError);
  });

  it('rejects an invalid startsFrom', () => {
    expect(() => searchTrainings(FIXTURE, { startsFrom: '2027-02-30' }, TODAY)).toThrow(InvalidDateError);
  });

  it('does not change the catalogue', () => {
    const before = JSON.stringify(FIXTURE);
    searchTrainings(FIXTURE, { country: 'FR' }, TODAY);
    expect(JSON.stringify(FIXTURE)).toBe(before);
  });
});

describe('nextStartDate', () => {
  const t = training({ id: 'x', startDates: ['2027-03-01', '2026-09-14', '2026-12-07'] });
  it.each([
    ['2026-01-01', '2026-09-14'],
    ['2026-09-14', '2026-09-14'],
    ['2026-09-15', '2026-12-07'],
    ['2027-03-01', '2027-03-01'],
    ['2027-03-02', undefined]
  ])('from %s → %s', (from, expected) => {
    expect(nextStartDate(t, from)).toBe(expected);
  });
});

describe('paginate', () => {
  const results = searchTrainings(FIXTURE, {}, TODAY);

  it('shows 3 at a time by default, in search order', () => {
    const pages = [1, 2, 3].map((n) => paginate(results, n));
    expect(pages.map((p) => p.items.map((t) => t.id))).toEqual([
      ['fr-a', 'pt-b', 'de-a'],
      ['pt-a', 'be-a', 'ro-a'],
      ['fr-b', 'be-b', 'pt-c']
    ]);
    expect(pages.map((p) => [p.page, p.pageCount, p.total, p.hasPrevious, p.hasNext])).toEqual([
      [1, 3, 9, false, true],
      [2, 3, 9, true, true],
      [3, 3, 9, true, false]
    ]);
  });

  it.each<[number, number, number, string[]]>([
    [7, 3, 3, ['g']],
    [7, 1, 3, ['a', 'b', 'c']],
    [7, 2, 2, ['c', 'd']],
    [6, 2, 3, ['d', 'e', 'f']],
    [1, 1, 3, ['a']]
  ])('%i results, page %i, size %i', (count, page, size, expected) => {
    const letters = 'abcdefg'.slice(0, count).split('');
    expect(paginate(letters, page, size).items).toEqual(expected);
  });

  it('a page past the end gives the last page, below 1 the first', () => {
    expect(paginate(results, 99)).toMatchObject({ page: 3, hasNext: false, hasPrevious: true });
    expect(paginate(results, 0)).toMatchObject({ page: 1, hasNext: true, hasPrevious: false });
    expect(paginate(results, -4).items).toHaveLength(3);
  });

  it('no results: one empty page', () => {
    expect(paginate([], 1)).toEqual({ items: [], page: 1, pageSize: 3, pageCount: 0, total: 0, hasPrevious: false, hasNext: false });
  });

  it.each([[0], [-1], [1.5], [Number.NaN]])('rejects page size %p', (size) => {
    expect(() => paginate(results, 1, size)).toThrow(RangeError);
  });

  it('rejects a page number that is not whole', () => {
    expect(() => paginate(results, 1.5)).toThrow(RangeError);
  });
});
