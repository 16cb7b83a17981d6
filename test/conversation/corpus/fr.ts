import type { LanguageCorpus } from './types';

export const fr: LanguageCorpus = {
  lang: 'fr',
  language: [
    ['Français', 'fr', 'the button'],
    ['français', 'fr'],
    ['fr', 'fr', 'the code'],
    ['arabe', 'ar'],
    ['en arabe', 'ar'],
    ['turc', 'tr'],
    ['kurde', 'ckb'],
    ['persan', 'fa'],
    ['عربي', 'ar', 'a language named in itself'],
    ['bonjour', 'greeting'],
    ['salut', 'greeting'],
    ['coucou', 'greeting'],
    ['banane', 'retry']
  ],
  age: [
    ['22', { age: 22 }],
    ['22 ans', { age: 22 }],
    ["j'ai vingt-deux ans", { age: 22 }],
    ['٢٢', { age: 22 }, 'Arabic-Indic digits'],
    ['03/03/2004', { birthDate: '2004-03-03' }, 'the example the question gives'],
    ['née le 1er janvier 2000', { birthDate: '2000-01-01' }],
    ['2004', { birthYear: 2004 }, 'the other example: a year of birth alone'],
    ['je suis né en 2004', { birthYear: 2004 }],
    ['Trouver une formation', 'retry', 'a number word ("une") in another sentence is not an age'],
    ['1', 'confirm', 'a child: confirmed before it is used'],
    ['5 ans', 'confirm'],
    ['105', 'confirm'],
    ['banane', 'retry']
  ],
  country: [
    ['France', 'FR'],
    ['Allemagne', 'DE'],
    ['Deutschland', 'DE', 'a country named in another language'],
    ['Un autre pays', 'OTHER', 'the button'],
    ['autre', 'OTHER'],
    ['6', 'OTHER', 'its number'],
    ['Grèce', 'OTHER', 'a country outside the five'],
    ['en Italie', 'OTHER'],
    ['Turquie', 'OTHER'],
    ['Liban', 'OTHER'],
    ['یونان', 'OTHER'],
    ['banane', 'retry']
  ],
  yesNo: [
    ['oui', true],
    ['Oui !', true],
    ["d'accord", true],
    ['ouais', true],
    ['👍', true],
    ['1', true, 'the number of the "yes" choice'],
    ['non', false],
    ['non merci', false],
    ['pas du tout', false],
    ['je ne sais pas', 'retry'],
    ['peut-être', 'retry']
  ],
  search: [
    ['en ligne au Portugal', { format: 'online', country: 'PT' }, 'the first example the question gives'],
    ['niveau 4 en France', { eqf: 4, country: 'FR' }, 'the second example'],
    ['je veux apprendre à coder', { topic: 'programming' }, 'the third example'],
    ['Lisbonne', { country: 'PT' }, "a town: its country's trainings"],
    ['à Bruxelles', { country: 'BE' }],
    ['vente en ligne', { topic: 'sales' }],
    ['réseaux sociaux', { topic: 'socialMedia' }],
    ['Pays', { filter: 'country' }, 'a filter button'],
    ['Tout voir', { filter: 'all' }],
    ['banane', 'retry']
  ]
};
