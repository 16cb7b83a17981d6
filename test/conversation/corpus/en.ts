import type { LanguageCorpus } from './types';

export const en: LanguageCorpus = {
  lang: 'en',
  language: [
    ['English', 'en', 'the button'],
    ['arabic', 'ar'],
    ['in Arabic please', 'ar'],
    ['turkish', 'tr'],
    ['kurdish', 'ckb'],
    ['Dari', 'fa'],
    ['arabe', 'ar', 'a language named in French'],
    ['عربي', 'ar', 'a language named in itself'],
    ['hi', 'greeting'],
    ['hello', 'greeting'],
    ['good morning', 'greeting'],
    ['banana', 'retry']
  ],
  age: [
    ['22', { age: 22 }],
    ["I'm twenty two", { age: 22 }],
    ['I am 22 years old', { age: 22 }],
    ['03/03/2004', { birthDate: '2004-03-03' }, 'the example the question gives'],
    ['I was born on 3 March 2004', { birthDate: '2004-03-03' }],
    ['2004', { birthYear: 2004 }, 'a year of birth alone'],
    ['born in 2004', { birthYear: 2004 }],
    ['Find a training', 'retry'],
    ['I want one training', 'retry', 'a number word ("one") in another sentence is not an age'],
    ['1', 'confirm'],
    ['105', 'confirm'],
    ['banana', 'retry']
  ],
  country: [
    ['France', 'FR'],
    ['Germany', 'DE'],
    ['Another country', 'OTHER', 'the button'],
    ['Greece', 'OTHER', 'a country outside the five'],
    ['I live in Greece', 'OTHER'],
    ['Turkey', 'OTHER'],
    ['Lebanon', 'OTHER'],
    ['UK', 'OTHER'],
    ['یونان', 'OTHER'],
    ['Allemagne', 'DE'],
    ['banana', 'retry']
  ],
  yesNo: [
    ['yes', true],
    ['sure', true],
    ['ok', true],
    ['no', false],
    ['nope', false],
    ['no thanks', false],
    ['not sure', 'retry'],
    ['maybe', 'retry']
  ],
  search: [
    ['online in Portugal', { format: 'online', country: 'PT' }, 'the first example the question gives'],
    ['level 4 in France', { eqf: 4, country: 'FR' }, 'the second example'],
    ['I want to learn coding', { topic: 'programming' }, 'the third example'],
    ['Lisbon', { country: 'PT' }, "a town: its country's trainings"],
    ['Brussels', { country: 'BE' }],
    ['social media', { topic: 'socialMedia' }],
    ['computer repair', { topic: 'itSupport' }],
    ['Country', { filter: 'country' }, 'a filter button'],
    ['Show all', { filter: 'all' }],
    ['banana', 'retry']
  ]
};
