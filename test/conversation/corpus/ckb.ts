import type { LanguageCorpus } from './types';

export const ckb: LanguageCorpus = {
  lang: 'ckb',
  language: [
    ['کوردی (سۆرانی)', 'ckb', 'the button'],
    ['کوردی', 'ckb'],
    ['kurdî', 'ckb', 'Kurdish named in Kurmanji'],
    ['عەرەبی', 'ar'],
    ['فارسی', 'fa'],
    ['سڵاو', 'greeting'],
    ['مۆز', 'retry']
  ],
  age: [
    ['٢٢', { age: 22 }],
    ['تەمەنم ٢٢ ساڵە', { age: 22 }],
    ['٠٣/٠٣/٢٠٠٤', { birthDate: '2004-03-03' }, 'the example the question gives'],
    ['٢٠٠٤', { birthYear: 2004 }, 'the other example: a year of birth alone'],
    ['١', 'confirm'],
    ['مۆز', 'retry']
  ],
  country: [
    ['فەرەنسا', 'FR'],
    ['ئەڵمانیا', 'DE'],
    ['وڵاتێکی تر', 'OTHER', 'the button'],
    ['یۆنان', 'OTHER', 'a country outside the five'],
    ['عێراق', 'OTHER'],
    ['تورکیا', 'OTHER'],
    ['مۆز', 'retry']
  ],
  yesNo: [
    ['بەڵێ', true],
    ['نەخێر', false],
    ['نازانم', 'retry']
  ],
  search: [
    ['ئۆنلاین لە پورتوگال', { format: 'online', country: 'PT' }, 'the first example the question gives'],
    ['ئاستی ٤ لە فەرەنسا', { eqf: 4, country: 'FR' }, 'the second example'],
    ['دەمەوێت پرۆگرامسازی فێر بم', { topic: 'programming' }, 'the third example'],
    ['وڵات', { filter: 'country' }, 'a filter button'],
    ['مۆز', 'retry']
  ]
};
