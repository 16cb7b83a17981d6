import type { LanguageCorpus } from './types';

export const pt: LanguageCorpus = {
  lang: 'pt',
  language: [
    ['Português', 'pt', 'the button'],
    ['árabe', 'ar'],
    ['turco', 'tr'],
    ['curdo', 'ckb'],
    ['inglês', 'en'],
    ['olá', 'greeting'],
    ['bom dia', 'greeting'],
    ['banana', 'retry']
  ],
  age: [
    ['22', { age: 22 }],
    ['tenho vinte e dois anos', { age: 22 }],
    ['03/03/2004', { birthDate: '2004-03-03' }, 'the example the question gives'],
    ['2004', { birthYear: 2004 }, 'the other example: a year of birth alone'],
    ['nasci em 2004', { birthYear: 2004 }],
    ['Encontrar uma formação', 'retry', 'a number word ("uma") in another sentence is not an age'],
    ['1', 'confirm'],
    ['105', 'confirm'],
    ['banana', 'retry']
  ],
  country: [
    ['Portugal', 'PT'],
    ['Alemanha', 'DE'],
    ['Outro país', 'OTHER', 'the button'],
    ['Grécia', 'OTHER', 'a country outside the five'],
    ['Espanha', 'OTHER'],
    ['banana', 'retry']
  ],
  yesNo: [
    ['sim', true],
    ['claro', true],
    ['não', false],
    ['não obrigado', false],
    ['não sei', 'retry']
  ],
  search: [
    ['online em Portugal', { format: 'online', country: 'PT' }, 'the first example the question gives'],
    ['nível 4 em França', { eqf: 4, country: 'FR' }, 'the second example'],
    ['quero aprender programação', { topic: 'programming' }, 'the third example'],
    ['Lisboa', { country: 'PT' }, "a town: its country's trainings"],
    ['País', { filter: 'country' }, 'a filter button'],
    ['Ver tudo', { filter: 'all' }],
    ['banana', 'retry']
  ]
};
