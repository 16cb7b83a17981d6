import type { LanguageCorpus } from './types';

export const de: LanguageCorpus = {
  lang: 'de',
  language: [
    ['Deutsch', 'de', 'the button'],
    ['Arabisch', 'ar'],
    ['auf Arabisch', 'ar'],
    ['Türkisch', 'tr'],
    ['Kurdisch', 'ckb'],
    ['Englisch', 'en'],
    ['Hallo', 'greeting'],
    ['Guten Tag', 'greeting'],
    ['Banane', 'retry']
  ],
  age: [
    ['22', { age: 22 }],
    ['zweiundzwanzig', { age: 22 }],
    ['ich bin 22 Jahre alt', { age: 22 }],
    ['03.03.2004', { birthDate: '2004-03-03' }, 'the example the question gives'],
    ['2004', { birthYear: 2004 }, 'the other example: a year of birth alone'],
    ['geboren 2004', { birthYear: 2004 }],
    ['Ich suche einen Kurs', 'retry'],
    ['1', 'confirm'],
    ['105', 'confirm'],
    ['Banane', 'retry']
  ],
  country: [
    ['Deutschland', 'DE'],
    ['Frankreich', 'FR'],
    ['Ein anderes Land', 'OTHER', 'the button'],
    ['Griechenland', 'OTHER', 'a country outside the five'],
    ['Türkei', 'OTHER'],
    ['Syrien', 'OTHER'],
    ['Österreich', 'OTHER'],
    ['Banane', 'retry']
  ],
  yesNo: [
    ['ja', true],
    ['Ja, gerne', true],
    ['nein', false],
    ['nein danke', false],
    ['weiß nicht', 'retry']
  ],
  search: [
    ['online in Portugal', { format: 'online', country: 'PT' }, 'the first example the question gives'],
    ['Niveau 4 in Frankreich', { eqf: 4, country: 'FR' }, 'the second example'],
    ['ich will programmieren lernen', { topic: 'programming' }, 'the third example'],
    ['Lissabon', { country: 'PT' }, "a town: its country's trainings"],
    ['in Köln', { country: 'DE' }],
    ['Land', { filter: 'country' }, 'a filter button'],
    ['Alle zeigen', { filter: 'all' }],
    ['Banane', 'retry']
  ]
};
