import type { LanguageCorpus } from './types';

export const ar: LanguageCorpus = {
  lang: 'ar',
  language: [
    ['العربية', 'ar', 'the button'],
    ['عربي', 'ar'],
    ['بالعربي', 'ar'],
    ['كردي', 'ckb'],
    ['تركي', 'tr'],
    ['فرنسي', 'fr'],
    ['arabe', 'ar', 'a language named in French'],
    ['مرحبا', 'greeting'],
    ['السلام عليكم', 'greeting'],
    ['موز', 'retry']
  ],
  age: [
    ['٢٢', { age: 22 }],
    ['22', { age: 22 }, 'Latin digits too'],
    ['عمري ٢٢ سنة', { age: 22 }],
    ['عمري اثنان وعشرون سنة', { age: 22 }],
    ['٠٣/٠٣/٢٠٠٤', { birthDate: '2004-03-03' }, 'the example the question gives'],
    ['ولدت في 3 مارس 2004', { birthDate: '2004-03-03' }],
    ['٢٠٠٤', { birthYear: 2004 }, 'the other example: a year of birth alone'],
    ['ولدت سنة 2004', { birthYear: 2004 }],
    ['أبحث عن تدريب واحد', 'retry', 'a number word ("واحد") in another sentence is not an age'],
    ['١', 'confirm'],
    ['١٠٥', 'confirm'],
    ['موز', 'retry']
  ],
  country: [
    ['فرنسا', 'FR'],
    ['ألمانيا', 'DE'],
    ['بلد آخر', 'OTHER', 'the button'],
    ['اليونان', 'OTHER', 'a country outside the five'],
    ['لبنان', 'OTHER'],
    ['تركيا', 'OTHER'],
    ['سوريا', 'OTHER'],
    ['یونان', 'OTHER', 'written in Persian'],
    ['موز', 'retry']
  ],
  yesNo: [
    ['نعم', true],
    ['أيوه', true],
    ['لا', false],
    ['لا شكرا', false],
    ['لا أعرف', 'retry']
  ],
  search: [
    ['عن بعد في البرتغال', { format: 'online', country: 'PT' }, 'the first example the question gives'],
    ['المستوى ٤ في فرنسا', { eqf: 4, country: 'FR' }, 'the second example'],
    ['أريد أن أتعلم البرمجة', { topic: 'programming' }, 'the third example'],
    ['لشبونة', { country: 'PT' }, "a town: its country's trainings"],
    ['البلد', { filter: 'country' }, 'a filter button'],
    ['عرض الكل', { filter: 'all' }],
    ['موز', 'retry']
  ]
};
