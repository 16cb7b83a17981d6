import type { Choice } from '../../src/understanding';
import { matchChoice, warmUp } from '../../src/understanding';
import { WARM_UP_TIMEOUT_MS, lexicon } from './helpers';

beforeAll(() => warmUp(['fr']), WARM_UP_TIMEOUT_MS);

const formats: Choice[] = [
  { value: 'online', labels: ['En ligne', 'à distance'] },
  { value: 'onsite', labels: ['Sur place', 'présentiel'] },
  { value: 'hybrid', labels: ['Hybride', 'mixte'] }
];

describe('matchChoice (fr)', () => {
  it.each<[string, string | undefined]>([
    ['online', 'online'], // button postback
    ['EN LIGNE', 'online'],
    ['a distance', 'online'],
    ['Présentiel', 'onsite'],
    ['presentiel', 'onsite'],
    ['2', 'onsite'],
    ['2.', 'onsite'],
    ['(3)', 'hybrid'],
    ['٢', 'onsite'], // Arabic-Indic digit
    ['۳', 'hybrid'], // Persian digit
    ['je préfère en ligne svp', 'online'],
    ['ligne', 'online'], // part of one label
    ['deux', 'onsite'], // a number word: position
    ['option 3', 'hybrid'],
    ['4', undefined],
    ['0', undefined],
    ['en ligne ou sur place', undefined], // two choices
    ['en', undefined], // too short to be part of a label
    ['bonjour', undefined],
    ['', undefined]
  ])('%s → %s', (text, expected) => {
    expect(matchChoice(text, formats, 'fr', lexicon('fr'))).toBe(expected);
  });
});

describe('matchChoice picks the widest label only when it contains the others', () => {
  const trainings: Choice[] = [
    { value: 'training', labels: ['Formation'] },
    { value: 'online-training', labels: ['Formation en ligne'] },
    { value: 'coaching', labels: ['Accompagnement'] }
  ];
  it.each<[string, string | undefined]>([
    ['formation', 'training'],
    ['la formation en ligne', 'online-training'],
    ['une formation svp', 'training'],
    ['formation ou accompagnement', undefined]
  ])('%s → %s', (text, expected) => {
    expect(matchChoice(text, trainings, 'fr')).toBe(expected);
  });
});

describe('matchChoice in other scripts', () => {
  const countries: Choice[] = [
    { value: 'FR', labels: ['فرنسا'] },
    { value: 'DE', labels: ['ألمانيا'] },
    { value: 'BE', labels: ['بلجيكا'] }
  ];
  it.each<[string, string | undefined]>([
    ['المانيا', 'DE'], // hamza dropped
    ['أعيش في فرنسا', 'FR'],
    ['٣', 'BE'],
    ['3', 'BE'],
    ['اسبانيا', undefined]
  ])('%s → %s', (text, expected) => {
    expect(matchChoice(text, countries, 'ar', lexicon('ar'))).toBe(expected);
  });

  it('understands a number word of a fallback language as a position', () => {
    expect(matchChoice('laba', countries, 'so', lexicon('so'))).toBe('DE');
  });

  it('prefers the exact value over a position', () => {
    const numbered: Choice[] = [
      { value: '2', labels: ['two years'] },
      { value: '1', labels: ['one year'] }
    ];
    expect(matchChoice('2', numbered, 'en')).toBe('2');
  });
});
