import { InvalidDateError } from '../../src/domain/eligibility';
import type { TrainingQuery } from '../../src/domain/trainings';
import { parseTrainingQuery, splitWordList, trainingQueryVocabulary, warmUp, type TrainingQueryVocabulary } from '../../src/understanding';
import { WARM_UP_TIMEOUT_MS, lexicon } from './helpers';
import { vocabularyFor } from '../domain/trainings/trainingLocaleTexts';

const TODAY = '2026-11-29';

beforeAll(() => warmUp(['en', 'fr']), WARM_UP_TIMEOUT_MS);

function parse(lang: 'en' | 'fr', text: string): TrainingQuery {
  return parseTrainingQuery(text, lang, vocabularyFor(lang), { today: TODAY, lexicon: lexicon(lang) });
}

describe('parseTrainingQuery — English', () => {
  it.each<[string, TrainingQuery]>([
    ['online in Portugal', { format: 'online', country: 'PT' }],
    ['Lisbon', { country: 'PT' }], // a town is its country's
    ['courses in Cologne', { country: 'DE' }],
    ['I want to learn coding', { topic: 'programming' }],
    ['customer service online', { topic: 'sales', format: 'online' }],
    ['online sales', { topic: 'sales' }], // the longest phrase wins: a subject, not a format
    ['web design in Portugal', { topic: 'web', country: 'PT' }],
    ['hybrid training in Belgium level 3', { format: 'hybrid', country: 'BE', eqf: 3 }],
    ['Hybrid training in BELGIUM, Level 3!', { format: 'hybrid', country: 'BE', eqf: 3 }],
    ['EQF 4', { eqf: 4 }],
    ['level 3', { eqf: 3 }],
    ['EQF level 4 courses', { eqf: 4 }],
    ['Level4 in Germany', { eqf: 4, country: 'DE' }],
    ['level four', { eqf: 4 }],
    ['level ٣', { eqf: 3 }],
    ['level 5', {}],
    ['3 weeks, level', {}],
    ['taught in German', { language: 'de' }],
    ['courses in Germany in German', { country: 'DE', language: 'de' }],
    ['something in Romanian, face-to-face', { language: 'ro', format: 'onsite' }],
    ['remote, Portuguese', { format: 'online', language: 'pt' }],
    ['I study from home', { format: 'online' }],
    ['partly online', { format: 'hybrid' }],
    ['a Belgian course', { country: 'BE' }],
    ['be there by 3', {}],
    ['from March', { startsFrom: '2027-03-01' }],
    ['starting from 15 March 2027', { startsFrom: '2027-03-15' }],
    ['from the 1st of March', { startsFrom: '2027-03-01' }],
    ['from November', { startsFrom: '2026-11-01' }],
    ['from 2027', { startsFrom: '2027-01-01' }],
    ['online from March in Portugal, level 3', { format: 'online', startsFrom: '2027-03-01', country: 'PT', eqf: 3 }],
    ['in March', {}],
    ['online or on site', {}],
    ['France or Belgium, online', { format: 'online' }],
    ['level 3 or level 4', {}],
    ["what's the weather like?", {}],
    ['asdf qwerty 42', {}],
    ['', {}],
    ['   !!! ', {}]
  ])('%p → %p', (text, expected) => {
    expect(parse('en', text)).toEqual(expected);
  });
});

describe('parseTrainingQuery — French', () => {
  it.each<[string, TrainingQuery]>([
    ['niveau 4 en France', { eqf: 4, country: 'FR' }],
    ['Lisbonne', { country: 'PT' }],
    ['je veux apprendre à coder', { topic: 'programming' }],
    ['la vente en ligne', { topic: 'sales' }],
    ['réseaux sociaux à Bruxelles', { topic: 'socialMedia', country: 'BE' }],
    ['Niveau 4 en FRANCE', { eqf: 4, country: 'FR' }],
    ['en ligne au Portugal', { format: 'online', country: 'PT' }],
    ['une formation à distance', { format: 'online' }],
    ['formation a distance', { format: 'online' }],
    ['sur place en Belgique', { format: 'onsite', country: 'BE' }],
    ['formation hybride en Belgique niveau 3', { format: 'hybrid', country: 'BE', eqf: 3 }],
    ['hybride, niveau CEC 3', { format: 'hybrid', eqf: 3 }],
    ['en partie à distance', { format: 'hybrid' }],
    ['niveau quatre', { eqf: 4 }],
    ['niveau ٤', { eqf: 4 }],
    ['en allemand', { language: 'de' }],
    ['en Allemagne', { country: 'DE' }],
    ['en allemand en Allemagne', { language: 'de', country: 'DE' }],
    ['formation de 3 mois en Allemagne', { country: 'DE' }],
    ['une formation française', { country: 'FR' }],
    ['à partir de mars', { startsFrom: '2027-03-01' }],
    ["à partir d'avril 2027", { startsFrom: '2027-04-01' }],
    ['dès le 15 janvier', { startsFrom: '2027-01-15' }],
    ['à partir du mois de mars', { startsFrom: '2027-03-01' }],
    ['en ligne ou sur place', {}],
    ['je cherche une formation', {}],
    ["n'importe quoi", {}],
    ['bonjour', {}]
  ])('%p → %p', (text, expected) => {
    expect(parse('fr', text)).toEqual(expected);
  });
});

describe('parseTrainingQuery — words come from data', () => {
  const empty: TrainingQueryVocabulary = { country: {}, format: {}, language: {}, topic: {}, eqfMarkers: [], startFromMarkers: [] };

  it('knows no word of its own', () => {
    expect(parseTrainingQuery('online in Portugal level 3 from 2027', 'en', empty)).toEqual({});
  });

  it('a word a translator adds is understood, folded', () => {
    const vocabulary: TrainingQueryVocabulary = {
      ...empty,
      format: { online: splitWordList('webinar | e-cours ') },
      country: { PT: ['Lisboa'] },
      eqfMarkers: ['stufe']
    };
    expect(parseTrainingQuery('WEBINÂR à Lisboa, Stufe 3', 'de', vocabulary)).toEqual({ format: 'online', country: 'PT', eqf: 3 });
    expect(parseTrainingQuery('e cours', 'fr', vocabulary)).toEqual({ format: 'online' });
  });

  it('reads a level written before its marker when none follows ("4. seviye")', () => {
    const vocabulary: TrainingQueryVocabulary = { ...empty, eqfMarkers: ['seviye'], country: { DE: ['almanya'] } };
    expect(parseTrainingQuery('Almanya 4. seviye', 'tr', vocabulary)).toEqual({ country: 'DE', eqf: 4 });
    expect(parseTrainingQuery('seviye ۳', 'tr', vocabulary)).toEqual({ eqf: 3 });
  });

  it('borrows eligibility country synonyms, except the two-letter codes', () => {
    const lists: Record<string, string> = {
      'eligibility:countrySynonyms.DE': 'germany|de|german',
      'trainings:filterWords.language.de': 'german'
    };
    const vocabulary = trainingQueryVocabulary((key) => splitWordList(lists[key] ?? ''));
    expect(vocabulary.country.DE).toEqual(['germany', 'german']);
    // listed as both, "german" is the language: language words are compiled first
    expect(parseTrainingQuery('german', 'en', vocabulary)).toEqual({ language: 'de' });
    expect(parseTrainingQuery('de', 'en', vocabulary)).toEqual({});
  });

  it('needs today for a month without a year, and a lexicon for month names', () => {
    const vocabulary = vocabularyFor('en');
    expect(parseTrainingQuery('from March', 'en', vocabulary, { lexicon: lexicon('en') })).toEqual({});
    expect(parseTrainingQuery('from March 2027', 'en', vocabulary, { lexicon: lexicon('en') })).toEqual({ startsFrom: '2027-03-01' });
    expect(parseTrainingQuery('from March 2027', 'en', vocabulary, { today: TODAY })).toEqual({});
    expect(parseTrainingQuery('from 2027', 'en', vocabulary)).toEqual({ startsFrom: '2027-01-01' });
    expect(parseTrainingQuery('from 31 February 2027', 'en', vocabulary, { lexicon: lexicon('en') })).toEqual({});
  });

  it('rejects an invalid today', () => {
    expect(() => parseTrainingQuery('online', 'en', vocabularyFor('en'), { today: '2026-11-31' })).toThrow(InvalidDateError);
  });
});
