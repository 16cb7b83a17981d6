import type { LanguageCorpus } from './types';

export const so: LanguageCorpus = {
  lang: 'so',
  language: [
    ['Soomaali', 'so', 'the button'],
    ['af-soomaali', 'so'],
    ['carabi', 'ar'],
    ['ingiriis', 'en'],
    ['salaan', 'greeting'],
    ['iska warran', 'greeting'],
    ['moos', 'retry']
  ],
  age: [
    ['22', { age: 22 }],
    ['labaatan iyo laba', { age: 22 }],
    ['03/03/2004', { birthDate: '2004-03-03' }, 'the example the question gives'],
    ['2004', { birthYear: 2004 }, 'the other example: a year of birth alone'],
    ['1', 'confirm'],
    ['moos', 'retry']
  ],
  country: [
    ['Faransiiska', 'FR'],
    ['Jarmalka', 'DE'],
    ['Dal kale', 'OTHER', 'the button'],
    ['Itoobiya', 'OTHER', 'a country outside the five'],
    ['Kenya', 'OTHER'],
    ['Soomaaliya', 'OTHER'],
    ['moos', 'retry']
  ],
  yesNo: [
    ['haa', true],
    ['maya', false],
    ['ma aqaan', 'retry']
  ],
  search: [
    ['online Bortuqaal', { format: 'online', country: 'PT' }, 'the first example the question gives'],
    ['heerka 4 Faransiiska', { eqf: 4, country: 'FR' }, 'the second example'],
    ['waxaan rabaa inaan barto barnaamij-samayn', { topic: 'programming' }, 'the third example'],
    ['Dalka', { filter: 'country' }, 'a filter button'],
    ['moos', 'retry']
  ]
};
