import type { LanguageCorpus } from './types';

export const fa: LanguageCorpus = {
  lang: 'fa',
  language: [
    ['دری / فارسی', 'fa', 'the button'],
    ['فارسی', 'fa'],
    ['دری', 'fa'],
    ['عربی', 'ar'],
    ['ترکی', 'tr'],
    ['پشتو', 'ps'],
    ['سلام', 'greeting'],
    ['درود', 'greeting'],
    ['موز', 'retry']
  ],
  age: [
    ['۲۲', { age: 22 }],
    ['۲۲ سالمه', { age: 22 }],
    ['بیست و دو سال دارم', { age: 22 }],
    ['۰۳/۰۳/۲۰۰۴', { birthDate: '2004-03-03' }, 'the example the question gives'],
    ['۲۰۰۴', { birthYear: 2004 }, 'the other example: a year of birth alone'],
    ['متولد ۲۰۰۴', { birthYear: 2004 }],
    ['دنبال یک دوره هستم', 'retry', 'a number word ("یک") in another sentence is not an age'],
    ['۱', 'confirm'],
    ['موز', 'retry']
  ],
  country: [
    ['فرانسه', 'FR'],
    ['آلمان', 'DE'],
    ['یک کشور دیگر', 'OTHER', 'the button'],
    ['یونان', 'OTHER', 'Greece: a country outside the five'],
    ['ایران', 'OTHER'],
    ['ترکیه', 'OTHER'],
    ['افغانستان', 'OTHER'],
    ['موز', 'retry']
  ],
  yesNo: [
    ['بله', true],
    ['آره', true],
    ['نه', false],
    ['نخیر', false],
    ['نمی‌دانم', 'retry']
  ],
  search: [
    ['آنلاین در پرتغال', { format: 'online', country: 'PT' }, 'the first example the question gives'],
    ['سطح ۴ در فرانسه', { eqf: 4, country: 'FR' }, 'the second example'],
    ['می‌خواهم برنامه‌نویسی یاد بگیرم', { topic: 'programming' }, 'the third example'],
    ['لیسبون', { country: 'PT' }, "a town: its country's trainings"],
    ['کشور', { filter: 'country' }, 'a filter button'],
    ['دیدن همه', { filter: 'all' }],
    ['موز', 'retry']
  ]
};
