import type { LanguageCorpus } from './types';

export const ro: LanguageCorpus = {
  lang: 'ro',
  language: [
    ['Română', 'ro', 'the button'],
    ['arabă', 'ar'],
    ['turcă', 'tr'],
    ['kurdă', 'ckb'],
    ['engleză', 'en'],
    ['salut', 'greeting'],
    ['bună ziua', 'greeting'],
    ['banană', 'retry']
  ],
  age: [
    ['22', { age: 22 }],
    ['douăzeci și doi', { age: 22 }],
    ['am 22 de ani', { age: 22 }],
    ['03.03.2004', { birthDate: '2004-03-03' }, 'the example the question gives'],
    ['2004', { birthYear: 2004 }, 'the other example: a year of birth alone'],
    ['născut în 2004', { birthYear: 2004 }],
    ['Găsesc un curs', 'retry'],
    ['1', 'confirm'],
    ['105', 'confirm'],
    ['banană', 'retry']
  ],
  country: [
    ['Franța', 'FR'],
    ['România', 'RO'],
    ['Altă țară', 'OTHER', 'the button'],
    ['Grecia', 'OTHER', 'a country outside the five'],
    ['Republica Moldova', 'OTHER'],
    ['Italia', 'OTHER'],
    ['banană', 'retry']
  ],
  yesNo: [
    ['da', true],
    ['nu', false],
    ['nu, mulțumesc', false],
    ['nu știu', 'retry']
  ],
  search: [
    ['online în Portugalia', { format: 'online', country: 'PT' }, 'the first example the question gives'],
    ['nivel 4 în Franța', { eqf: 4, country: 'FR' }, 'the second example'],
    ['vreau să învăț programare', { topic: 'programming' }, 'the third example'],
    ['Lisabona', { country: 'PT' }, "a town: its country's trainings"],
    ['Țară', { filter: 'country' }, 'a filter button'],
    ['Arată tot', { filter: 'all' }],
    ['banană', 'retry']
  ]
};
