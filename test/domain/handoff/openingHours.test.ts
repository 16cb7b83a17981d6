import { isOpenAt, nextOpening, OpeningHoursError, parseOpeningHours } from '../../../src/domain';

describe('opening hours', () => {
  const paris = parseOpeningHours('mon-fri 09:00-12:30,13:30-17:00; sat 10:00-12:00', 'Europe/Paris');

  it('is open inside a range and closed outside, in the time zone', () => {
    // Monday 7 December 2026: Paris is UTC+1.
    expect(isOpenAt(paris, new Date('2026-12-07T08:00:00Z'))).toBe(true); // 09:00 Paris
    expect(isOpenAt(paris, new Date('2026-12-07T07:59:00Z'))).toBe(false); // 08:59
    expect(isOpenAt(paris, new Date('2026-12-07T11:45:00Z'))).toBe(false); // 12:45, lunch
    expect(isOpenAt(paris, new Date('2026-12-07T16:00:00Z'))).toBe(false); // 17:00, closed
  });

  it('says when it opens next: same day, next day, over the weekend, across a DST change', () => {
    const cases: [string, string | null][] = [
      ['2026-12-07T10:00:00Z', null], // Monday 11:00: open
      ['2026-12-07T11:45:00Z', '2026-12-07T12:30:00Z'], // lunch → 13:30
      ['2026-12-07T17:00:00Z', '2026-12-08T08:00:00Z'], // Monday evening → Tuesday 09:00
      ['2026-12-12T12:00:00Z', '2026-12-14T08:00:00Z'], // Saturday 13:00 → Monday 09:00
      ['2026-12-11T20:00:00Z', '2026-12-12T09:00:00Z'], // Friday evening → Saturday 10:00
      ['2027-03-27T12:00:00Z', '2027-03-29T07:00:00Z'] // Saturday before summer time → Monday 09:00 CEST
    ];
    expect(cases.map(([now]) => nextOpening(paris, new Date(now))?.toISOString() ?? null)).toEqual(cases.map(([, next]) => (next ? new Date(next).toISOString() : null)));
  });

  it('"always" is always open', () => {
    expect(nextOpening(parseOpeningHours('always', 'Europe/Lisbon'), new Date('2026-12-13T03:00:00Z'))).toBeNull();
  });

  it('refuses unreadable hours, naming the part', () => {
    const bad = ['', 'monday 09:00-17:00', 'mon-fri 9h-17h', 'mon-fri 17:00-09:00', 'mon-fri', 'mon-fri 09:00-25:00', 'xyz-fri 09:00-10:00'];
    const accepted = bad.filter((text) => {
      try {
        parseOpeningHours(text, 'Europe/Paris');
        return true;
      } catch (err) {
        return !(err instanceof OpeningHoursError);
      }
    });
    expect(accepted).toEqual([]);
  });
});
