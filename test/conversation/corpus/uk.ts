import type { LanguageCorpus } from './types';

export const uk: LanguageCorpus = {
  lang: 'uk',
  language: [
    ['Українська', 'uk', 'the button'],
    ['українською', 'uk'],
    ['арабська', 'ar'],
    ['англійська', 'en'],
    ['привіт', 'greeting'],
    ['добрий день', 'greeting'],
    ['банан', 'retry']
  ],
  age: [
    ['22', { age: 22 }],
    ['мені двадцять два роки', { age: 22 }],
    ['03/03/2004', { birthDate: '2004-03-03' }, 'the example the question gives'],
    ['2004', { birthYear: 2004 }, 'the other example: a year of birth alone'],
    ['народився у 2004', { birthYear: 2004 }],
    ['шукаю один курс', 'retry', 'a number word ("один") in another sentence is not an age'],
    ['1', 'confirm'],
    ['банан', 'retry']
  ],
  country: [
    ['Франція', 'FR'],
    ['Німеччина', 'DE'],
    ['Інша країна', 'OTHER', 'the button'],
    ['у Польщі', 'OTHER', 'a country outside the five'],
    ['Україна', 'OTHER'],
    ['Молдова', 'OTHER'],
    ['банан', 'retry']
  ],
  yesNo: [
    ['так', true],
    ['ні', false],
    ['не знаю', 'retry']
  ],
  search: [
    ['онлайн у Португалії', { format: 'online', country: 'PT' }, 'the first example the question gives'],
    ['рівень 4 у Франції', { eqf: 4, country: 'FR' }, 'the second example'],
    ['хочу вивчати програмування', { topic: 'programming' }, 'the third example'],
    ['Лісабон', { country: 'PT' }, "a town: its country's trainings"],
    ['Країна', { filter: 'country' }, 'a filter button'],
    ['банан', 'retry']
  ]
};
