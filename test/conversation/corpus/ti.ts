import type { LanguageCorpus } from './types';

export const ti: LanguageCorpus = {
  lang: 'ti',
  language: [
    ['ትግርኛ', 'ti', 'the button'],
    ['ዓረብኛ', 'ar'],
    ['እንግሊዝኛ', 'en'],
    ['ሰላም', 'greeting'],
    ['ባናና', 'retry']
  ],
  age: [
    ['22', { age: 22 }],
    ['፳፪', { age: 22 }, 'Ethiopic numerals'],
    ['03/03/2004', { birthDate: '2004-03-03' }, 'the example the question gives'],
    ['2004', { birthYear: 2004 }, 'the other example: a year of birth alone'],
    ['1', 'confirm'],
    ['ባናና', 'retry']
  ],
  country: [
    ['ፈረንሳ', 'FR'],
    ['ጀርመን', 'DE'],
    ['ካልእ ሃገር', 'OTHER', 'the button'],
    ['ኤርትራ', 'OTHER', 'a country outside the five'],
    ['ኢትዮጵያ', 'OTHER'],
    ['ሱዳን', 'OTHER'],
    ['ባናና', 'retry']
  ],
  yesNo: [
    ['እወ', true],
    ['ኣይፋል', false],
    ['ኣይፈልጥን', 'retry']
  ],
  search: [
    ['ኦንላይን ኣብ ፖርቱጋል', { format: 'online', country: 'PT' }, 'the first example the question gives'],
    ['ደረጃ 4 ኣብ ፈረንሳ', { eqf: 4, country: 'FR' }, 'the second example'],
    ['ፕሮግራሚንግ ክመሃር እደሊ', { topic: 'programming' }, 'the third example'],
    ['ሃገር', { filter: 'country' }, 'a filter button'],
    ['ባናና', 'retry']
  ]
};
