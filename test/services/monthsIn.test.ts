import { monthsIn } from '../../src/services/clock';

describe('monthsIn', () => {
  it('gives the month of an instant in the time zone, not in UTC', () => {
    const paris = monthsIn('Europe/Paris');
    expect(paris(new Date('2026-01-31T23:30:00Z'))).toBe('2026-02');
    expect(paris(new Date('2026-01-31T22:30:00Z'))).toBe('2026-01');
    expect(monthsIn('America/New_York')(new Date('2026-03-01T02:00:00Z'))).toBe('2026-02');
    expect(paris(new Date('0999-06-15T12:00:00Z'))).toBe('0999-06');
  });
});
