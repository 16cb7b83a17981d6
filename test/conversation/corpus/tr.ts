import type { LanguageCorpus } from './types';

export const tr: LanguageCorpus = {
  lang: 'tr',
  language: [
    ['Türkçe', 'tr', 'the button'],
    ['Arapça', 'ar'],
    ['Kürtçe', 'ckb'],
    ['İngilizce', 'en'],
    ['merhaba', 'greeting'],
    ['selam', 'greeting'],
    ['muz', 'retry']
  ],
  age: [
    ['22', { age: 22 }],
    ['yirmi iki yaşındayım', { age: 22 }],
    ['03/03/2004', { birthDate: '2004-03-03' }, 'the example the question gives'],
    ['2004', { birthYear: 2004 }, 'the other example: a year of birth alone'],
    ['2004 doğumluyum', { birthYear: 2004 }],
    ['bir eğitim arıyorum', 'retry', 'a number word ("bir") in another sentence is not an age'],
    ['1', 'confirm'],
    ['muz', 'retry']
  ],
  country: [
    ['Fransa', 'FR'],
    ['Almanya', 'DE'],
    ["Almanya'da", 'DE'],
    ['Başka bir ülke', 'OTHER', 'the button'],
    ['Yunanistan', 'OTHER', 'a country outside the five'],
    ['Türkiye', 'OTHER'],
    ['Suriye', 'OTHER'],
    ['muz', 'retry']
  ],
  yesNo: [
    ['evet', true],
    ['tabii', true],
    ['hayır', false],
    ['yok', false],
    ['bilmiyorum', 'retry']
  ],
  search: [
    ["Portekiz'de çevrimiçi", { format: 'online', country: 'PT' }, 'the first example the question gives'],
    ["Fransa'da 4. seviye", { eqf: 4, country: 'FR' }, 'the second example'],
    ['kodlama öğrenmek istiyorum', { topic: 'programming' }, 'the third example'],
    ['Lizbon', { country: 'PT' }, "a town: its country's trainings"],
    ['Ülke', { filter: 'country' }, 'a filter button'],
    ['muz', 'retry']
  ]
};
