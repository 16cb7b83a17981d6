import type { LanguageCorpus } from './types';

export const ps: LanguageCorpus = {
  lang: 'ps',
  language: [
    ['پښتو', 'ps', 'the button'],
    ['پشتو', 'ps'],
    ['دري', 'fa'],
    ['عربي', 'ar'],
    ['سلام', 'greeting'],
    ['کېله', 'retry']
  ],
  age: [
    ['۲۲', { age: 22 }],
    ['۲۲ کلن یم', { age: 22 }],
    ['۰۳/۰۳/۲۰۰۴', { birthDate: '2004-03-03' }, 'the example the question gives'],
    ['۲۰۰۴', { birthYear: 2004 }, 'the other example: a year of birth alone'],
    ['په ۲۰۰۴ کې زېږېدلی یم', { birthYear: 2004 }],
    ['۱', 'confirm'],
    ['کېله', 'retry']
  ],
  country: [
    ['فرانسه', 'FR'],
    ['جرمني', 'DE'],
    ['بل هېواد', 'OTHER', 'the button'],
    ['یونان', 'OTHER', 'a country outside the five'],
    ['پاکستان', 'OTHER'],
    ['ایران', 'OTHER'],
    ['کېله', 'retry']
  ],
  yesNo: [
    ['هو', true],
    ['نه', false],
    ['نه پوهېږم', 'retry']
  ],
  search: [
    ['آنلاین په پرتګال کې', { format: 'online', country: 'PT' }, 'the first example the question gives'],
    ['کچه ۴ په فرانسه کې', { eqf: 4, country: 'FR' }, 'the second example'],
    ['غواړم کوډ لیکل زده کړم', { topic: 'programming' }, 'the third example'],
    ['هېواد', { filter: 'country' }, 'a filter button'],
    ['کېله', 'retry']
  ]
};
