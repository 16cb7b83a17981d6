import { recognizeNumber, warmUp } from '../../src/understanding';
import { WARM_UP_TIMEOUT_MS, lexicon } from './helpers';

beforeAll(() => warmUp(['fr', 'en', 'pt']), WARM_UP_TIMEOUT_MS);

type Case = [lang: string, text: string, expected: number | undefined];

describe('recognizeNumber with the language lexicon', () => {
  const cases: Case[] = [
    // French: recognizer fr-fr
    ['fr', '22', 22],
    ['fr', "j'ai 22 ans", 22],
    ['fr', "j'ai vingt-deux ans", 22],
    ['fr', 'vingt et un', 21],
    ['fr', 'soixante-dix-sept', 77],
    ['fr', 'quatre-vingt-dix-neuf', 99],
    ['fr', 'dix-sept ans', 17],
    ['fr', "j'ai 2 enfants et 30 ans", undefined],
    ['fr', '22,5', undefined],
    ['fr', 'je ne sais pas', undefined],
    // English: recognizer en-us
    ['en', 'twenty two', 22],
    ['en', 'twenty-two', 22],
    ['en', "I'm 22 years old", 22],
    ['en', 'seventeen', 17],
    ['en', 'I have 2 kids and I am 30', undefined],
    ['en', 'hello', undefined],
    // Arabic: no recognizer culture → digits in any script + lexicon words
    ['ar', '٢٢', 22],
    ['ar', 'عمري ٢٢ سنة', 22],
    ['ar', '۲۲', 22],
    ['ar', 'اثنان وعشرون', 22],
    ['ar', 'عمري اثنين و عشرين سنة', 22],
    ['ar', 'سبعة عشر', 17],
    ['ar', 'مرحبا', undefined],
    // Persian / Dari
    ['fa', '۲۲', 22],
    ['fa', '۲۲ سال دارم', 22],
    ['fa', 'بیست و دو', 22],
    ['fa', 'هفده سالمه', 17],
    // German and Dutch: no number culture in 1.3.1 → lexicon, including solid compounds
    ['de', 'zweiundzwanzig', 22],
    ['de', 'ich bin 22 Jahre alt', 22],
    ['de', 'Ich habe eine Tochter und bin 30', 30],
    ['nl', 'tweeëntwintig', 22],
    ['nl', 'eenentwintig jaar', 21],
    // Portuguese: recognizer pt-br
    ['pt', 'vinte e dois', 22],
    ['pt', 'tenho 22 anos', 22],
    // Romanian, Turkish, Ukrainian: lexicon
    ['ro', 'douăzeci și doi', 22],
    ['ro', 'douazeci si doi de ani', 22],
    ['tr', 'yirmi iki', 22],
    ['tr', 'yirmi bir yaşındayım', 21],
    ['tr', 'yirmiiki', 22],
    ['uk', 'двадцять два', 22],
    ["uk", "мені п'ятнадцять", 15],
    // Fallback-only languages
    ['so', 'labaatan iyo laba', 22],
    ['so', 'laba iyo labaatan', 22],
    ['so', 'waxaan jiraa 22 sano', 22],
    ['ti', 'ዕስራን ክልተን', 22],
    ['ti', '፳፪', 22],
    ['ti', '22', 22],
    ['ps', 'دوه ویشت', 22],
    ['ps', '۲۲ کاله', 22],
    ['ckb', 'بیست و دوو', 22],
    ['ckb', 'سێ', 3],
    ['ckb', 'سی', 30],
    ['ckb', '٢٢ ساڵ', 22]
  ];
  it.each(cases)('%s: %s → %s', (lang, text, expected) => {
    expect(recognizeNumber(text, lang, lexicon(lang))).toBe(expected);
  });
});

describe('recognizeNumber without a lexicon', () => {
  const cases: Case[] = [
    ['fr', 'vingt-deux', 22], // the recognizer alone
    ['en', 'twenty two', 22],
    ['ar', '٢٢', 22], // digits in any script always work
    ['fa', '۲۲', 22],
    ['ti', '２２', 22],
    ['ar', 'اثنان وعشرون', undefined], // no Arabic recognizer: words need the lexicon
    ['so', 'labaatan', undefined],
    ['fr', '', undefined],
    ['fr', '   ', undefined],
    ['en', '3/3/2004', undefined] // several numbers
  ];
  it.each(cases)('%s: %s → %s', (lang, text, expected) => {
    expect(recognizeNumber(text, lang)).toBe(expected);
  });

  it('accepts a locale as language', () => {
    expect(recognizeNumber('vingt-deux', 'fr-BE')).toBe(22);
  });
});
