import type { LanguageCorpus } from './types';

export const nl: LanguageCorpus = {
  lang: 'nl',
  language: [
    ['Nederlands', 'nl', 'the button'],
    ['Arabisch', 'ar'],
    ['Turks', 'tr'],
    ['Koerdisch', 'ckb'],
    ['Engels', 'en'],
    ['hallo', 'greeting'],
    ['hoi', 'greeting'],
    ['banaan', 'retry']
  ],
  age: [
    ['22', { age: 22 }],
    ['tweeëntwintig', { age: 22 }],
    ['ik ben 22 jaar', { age: 22 }],
    ['03-03-2004', { birthDate: '2004-03-03' }, 'the example the question gives'],
    ['2004', { birthYear: 2004 }, 'the other example: a year of birth alone'],
    ['geboren in 2004', { birthYear: 2004 }],
    ['Een opleiding zoeken', 'retry', 'a number word ("een") in another sentence is not an age'],
    ['1', 'confirm'],
    ['105', 'confirm'],
    ['banaan', 'retry']
  ],
  country: [
    ['Frankrijk', 'FR'],
    ['België', 'BE'],
    ['Een ander land', 'OTHER', 'the button'],
    ['Griekenland', 'OTHER', 'a country outside the five'],
    ['Nederland', 'OTHER'],
    ['Syrië', 'OTHER'],
    ['banaan', 'retry']
  ],
  yesNo: [
    ['ja', true],
    ['nee', false],
    ['nee dank je', false],
    ['weet ik niet', 'retry']
  ],
  search: [
    ['online in Portugal', { format: 'online', country: 'PT' }, 'the first example the question gives'],
    ['niveau 4 in Frankrijk', { eqf: 4, country: 'FR' }, 'the second example'],
    ['ik wil leren programmeren', { topic: 'programming' }, 'the third example'],
    ['Lissabon', { country: 'PT' }, "a town: its country's trainings"],
    ['Brussel', { country: 'BE' }],
    ['Land', { filter: 'country' }, 'a filter button'],
    ['Alles tonen', { filter: 'all' }],
    ['banaan', 'retry']
  ]
};
