import type { AgeOrBirthDate } from '../../src/understanding';
import { recognizeAgeOrBirthDate, warmUp } from '../../src/understanding';
import { WARM_UP_TIMEOUT_MS, lexicon } from './helpers';

beforeAll(() => warmUp(['fr', 'en']), WARM_UP_TIMEOUT_MS);

const TODAY = '2025-06-15';
const age = (n: number): AgeOrBirthDate => ({ kind: 'age', age: n });
const born = (birthDate: string): AgeOrBirthDate => ({ kind: 'birthDate', birthDate });
const year = (y: number): AgeOrBirthDate => ({ kind: 'birthYear', year: y });

type Case = [lang: string, text: string, expected: AgeOrBirthDate | undefined];

describe('recognizeAgeOrBirthDate with the language lexicon', () => {
  const cases: Case[] = [
    ['fr', '22', age(22)],
    ['fr', "j'ai 22 ans", age(22)],
    ['fr', "j'ai vingt-deux ans", age(22)],
    ['fr', 'né le 3 mars 2004', born('2004-03-03')],
    ['fr', 'Je suis née le 1er janvier 2000', born('2000-01-01')],
    ['fr', '03/03/2004', born('2004-03-03')],
    ['fr', '03/04/2004', born('2004-04-03')], // day-first
    ['fr', '3-4-2004', born('2004-04-03')],
    ['fr', '2004-03-03', born('2004-03-03')],
    ['fr', 'le 3 mars', undefined], // no year
    ['fr', 'mars 2004', undefined], // no day
    ['fr', '3/3/04', undefined], // two-digit year
    ['fr', '31/02/2004', undefined], // no such day
    ['fr', '03/15/2004', undefined], // month-first is only tried in English
    ['fr', '3 mars 2030', undefined], // future
    ['fr', 'né en 2004', year(2004)], // a year of birth alone: the eligibility rules say what it tells
    ['fr', '130 ans', undefined],
    ['fr', "j'ai 22 ans et 2 enfants", undefined],
    ['fr', 'bonjour', undefined],
    ['fr', 'Trouver une formation', undefined], // "une" is a number word, but no age is said
    ['fr', "euh j'ai vingt ans", age(20)], // one word that is not about age is tolerated
    ['fr', '2004', year(2004)],
    ['fr', 'je suis née en 2004', year(2004)],
    ['en', 'born in 2004', year(2004)],
    ['en', 'I want one training', undefined],
    ['en', '2030', undefined], // a year after today
    ['ar', 'ولدت سنة 2004', year(2004)],
    ['ar', 'عمري ٢٢ سنة', age(22)],
    ['uk', 'мені двадцять два роки', age(22)],
    ['en', 'I was born on 3 March 2004', born('2004-03-03')],
    ['en', 'born March 3rd, 2004', born('2004-03-03')],
    ['en', 'on the 3rd of March 2004', born('2004-03-03')],
    ['en', '03/15/2004', born('2004-03-15')], // month-first when day-first is impossible
    ['en', '03/04/2004', born('2004-04-03')], // otherwise day-first, as in Europe
    ['en', "I'm twenty two", age(22)],
    ['en', 'I am 22', age(22)],
    ['en', 'born on March 3', undefined],
    ['en', 'I may be 22', undefined], // "may" next to a number reads as a date without year
    ['en', 'yesterday', undefined],
    ['ar', 'ولدت في 3 مارس 2004', born('2004-03-03')],
    ['ar', 'ولدت في ٣ آذار ٢٠٠٤', born('2004-03-03')],
    ['ar', '٢٠٠٤/٠٣/٠٣', born('2004-03-03')],
    ['ar', '٣/٣/٢٠٠٤', born('2004-03-03')],
    ['ar', 'عمري ٢٢ سنة', age(22)],
    ['ar', 'عمري اثنان وعشرون سنة', age(22)],
    ['ar', '٢٢', age(22)],
    ['de', '3. März 2004', born('2004-03-03')],
    ['de', '03.03.2004', born('2004-03-03')],
    ['de', 'ich bin zweiundzwanzig', age(22)],
    ['pt', 'nasci em 3 de março de 2004', born('2004-03-03')],
    ['fa', '۱۵ مارس ۲۰۰۴', born('2004-03-15')],
    ['fa', '۲۲ سال دارم', age(22)],
    ['fa', '۱۳۸۳/۰۵/۱۲', undefined], // Solar Hijri: not converted, and year 1383 is too old
    ['uk', '3 березня 2004', born('2004-03-03')],
    ['tr', '3 Mart 2004', born('2004-03-03')],
    ['ti', '፳፪', age(22)],
    ['ti', '3 መጋቢት 2004', born('2004-03-03')],
    ['so', '3 Maarso 2004', born('2004-03-03')],
    ['so', 'waxaan jiraa 22 sano', age(22)]
  ];
  it.each(cases)('%s: %s', (lang, text, expected) => {
    expect(recognizeAgeOrBirthDate(text, lang, TODAY, lexicon(lang))).toEqual(expected);
  });
});

describe('recognizeAgeOrBirthDate without a lexicon (recognizer or digits only)', () => {
  const cases: Case[] = [
    ['en', 'I was born on 3 March 2004', born('2004-03-03')], // en-us date-time model
    ['fr', 'né le 3 mars 2004', born('2004-03-03')], // fr-fr date-time model
    ['en', 'born on March 3', undefined],
    ['ar', '٢٢', age(22)],
    ['ti', '03/03/2004', born('2004-03-03')],
    ['so', '3 Maarso 2004', undefined] // a day and a year but no known month: two numbers
  ];
  it.each(cases)('%s: %s', (lang, text, expected) => {
    expect(recognizeAgeOrBirthDate(text, lang, TODAY)).toEqual(expected);
  });
});

describe('plausibility bounds', () => {
  it.each<[string, AgeOrBirthDate | undefined]>([
    ['2025-06-15', born('2025-06-15')], // born today: 0
    ['2025-06-16', undefined], // tomorrow
    ['1905-06-15', born('1905-06-15')], // exactly 120
    ['1905-06-14', born('1905-06-14')], // 120, the day after the birthday
    ['1904-06-15', undefined], // 121
    ['0', age(0)],
    ['120', age(120)],
    ['121', undefined]
  ])('%s', (text, expected) => {
    expect(recognizeAgeOrBirthDate(text, 'en', TODAY)).toEqual(expected);
  });

  it('rejects an invalid today', () => {
    expect(() => recognizeAgeOrBirthDate('22', 'en', '2025-02-30')).toThrow(RangeError);
    expect(() => recognizeAgeOrBirthDate('22', 'en', '15/06/2025')).toThrow(RangeError);
  });
});
