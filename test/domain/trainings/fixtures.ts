import type { Training, TrainingCatalogue } from '../../../src/domain/trainings';

/** A training with plausible defaults; tests override what they are about. */
export function training(overrides: Partial<Training> & { id: string }): Training {
  return {
    partnerId: 'fr-coordinator',
    country: 'FR',
    region: 'Hauts-de-France',
    city: 'Lille',
    eqf: 3,
    languages: ['fr'],
    format: 'onsite',
    topics: [],
    duration: { weeks: 12, hoursPerWeek: 30 },
    startDates: ['2027-01-11'],
    prerequisites: [],
    seatsLeft: 5,
    funding: { kind: 'free' },
    ...overrides
  };
}

export function catalogue(trainings: Training[]): TrainingCatalogue {
  return { version: 'test', sample: false, prerequisites: [], trainings };
}

export const TODAY = '2026-11-29';

/**
 * A small catalogue covering every filter value. Next starts seen from TODAY:
 *   fr-a 2026-12-07, fr-b 2027-02-01, be-a 2027-01-18, be-b 2027-02-15 (full), ro-a 2027-01-25,
 *   de-a 2027-01-11, de-b never (all past), pt-a 2027-01-11 (same day as de-a), pt-b 2026-12-14, pt-c 2027-02-22.
 */
export const FIXTURE = catalogue([
  training({ id: 'fr-a', eqf: 3, format: 'online', languages: ['fr', 'ar'], startDates: ['2026-09-14', '2026-12-07', '2027-03-01'] }),
  training({ id: 'fr-b', eqf: 4, format: 'hybrid', startDates: ['2027-09-06', '2027-02-01'] }),
  training({ id: 'be-a', country: 'BE', partnerId: 'be-training', eqf: 4, format: 'onsite', startDates: ['2027-01-18'] }),
  training({ id: 'be-b', country: 'BE', partnerId: 'be-training', eqf: 3, format: 'hybrid', languages: ['fr', 'nl'], startDates: ['2026-10-05', '2027-02-15'], seatsLeft: 0 }),
  training({ id: 'ro-a', country: 'RO', partnerId: 'ro-university', eqf: 3, languages: ['ro', 'uk'], format: 'online', startDates: ['2027-01-25'] }),
  training({ id: 'de-a', country: 'DE', partnerId: 'de-crafts-chamber', eqf: 3, languages: ['de'], startDates: ['2027-01-11'] }),
  training({ id: 'de-b', country: 'DE', partnerId: 'de-crafts-chamber', eqf: 3, languages: ['de', 'ar'], format: 'hybrid', startDates: ['2026-08-03'] }),
  training({ id: 'pt-a', country: 'PT', partnerId: 'pt-employment-association', eqf: 3, languages: ['pt'], startDates: ['2027-01-11'] }),
  training({ id: 'pt-b', country: 'PT', partnerId: 'pt-employment-association', eqf: 3, languages: ['pt', 'en', 'uk'], format: 'online', startDates: ['2026-12-14'] }),
  training({ id: 'pt-c', country: 'PT', partnerId: 'pt-employment-association', eqf: 4, languages: ['pt', 'en'], format: 'hybrid', startDates: ['2027-02-22'], seatsLeft: 0 })
]);
