import { availableFields, FIELDS_BY_PROGRAMME, sharedData } from '../../../src/domain/referrals/sharedData';
import { SHARED_FIELDS } from '../../../src/domain/referrals/types';

const today = '2026-12-05';

describe('what a referral shares', () => {
  it('an age from a date of birth, never the date', () => {
    const data = sharedData(['age'], { today, language: 'fr', answers: { birthDate: '2004-03-03' } });
    expect(data).toEqual({ age: 22 });
  });

  it('a year of birth alone: the two ages it allows, never the year; the age field is offered', () => {
    const sources = { today, language: 'fa', programme: 'digiter' as const, answers: { birthYear: 2004, country: 'FR' as const } };
    expect(sharedData(['age'], sources)).toEqual({ ageRange: { youngest: 21, oldest: 22 } });
    expect(JSON.stringify(sharedData(SHARED_FIELDS, sources))).not.toContain('2004');
    expect(availableFields(sources)).toEqual(['age', 'country', 'language']);
  });

  it('an implausible year of birth shares no age', () => {
    expect(sharedData(['age'], { today, language: 'fr', answers: { birthYear: 1850 } })).toEqual({});
  });

  it('only the fields agreed to, and only those the programme needs', () => {
    const sources = { today, language: 'ar', programme: 'camplus' as const, answers: { age: 25, country: 'OTHER' as const, livesInCamp: true, qualification: 'none' as const, situation: 'none' as const } };
    expect(availableFields(sources).every((f) => FIELDS_BY_PROGRAMME.camplus.includes(f))).toBe(true);
    expect(availableFields(sources)).not.toContain('qualification');
    expect(sharedData(['camp'], sources)).toEqual({ camp: { livesInCamp: true } });
  });
});
