import { compileLexicon, fold, LANGUAGES, recognizeCountry, recognizeGreeting, recognizeLanguageName } from '../../src/understanding';
import { lexicons } from './helpers';

describe('recognizeLanguageName: a language named in any language', () => {
  it.each([
    ['عربي', 'ar'],
    ['بالعربي', 'ar'],
    ['arabe', 'ar'],
    ['Arabic please', 'ar'],
    ['turc', 'tr'],
    ['kurdî', 'ckb'],
    ['فارسی', 'fa'],
    ['en français', 'fr'],
    ['Deutsch', 'de'],
    ['українською', 'uk'],
    ['ትግርኛ', 'ti'],
    ['af-soomaali', 'so']
  ])('"%s" → %s', (text, lang) => {
    expect(recognizeLanguageName(text, lexicons())).toBe(lang);
  });

  it.each([['English or French'], ['bonjour'], ['so'], ['de'], ['']])('"%s" names no single language', (text) => {
    expect(recognizeLanguageName(text, lexicons())).toBeUndefined();
  });
});

describe('recognizeGreeting: a greeting alone, and the languages it is said in', () => {
  it.each<[string, string[]]>([
    ['bonjour', ['fr']],
    ['Bonjour !', ['fr']],
    ['hi', ['en']],
    ['hello there', ['en']],
    ['مرحبا', ['ar']],
    ['السلام عليكم', ['ar', 'ps']],
    ['salut', ['fr', 'ro']],
    ['hallo', ['de', 'nl']],
    ['merhaba', ['tr']],
    ['привіт', ['uk']],
    ['ሰላም', ['ti']]
  ])('"%s" → %p', (text, langs) => {
    expect(recognizeGreeting(text, lexicons())).toEqual(langs);
  });

  it('"سلام" is a greeting in Arabic, Dari/Persian, Pashto and Sorani', () => {
    expect(recognizeGreeting('سلام', lexicons()).sort()).toEqual(['ar', 'ckb', 'fa', 'ps']);
  });

  it.each([['bonjour, je veux parler arabe'], ['français'], ['22'], ['']])('"%s" is not only a greeting', (text) => {
    expect(recognizeGreeting(text, lexicons())).toEqual([]);
  });
});

describe('recognizeCountry: any country, in any language', () => {
  it.each([
    ['یونان', 'GR'],
    ['Greece', 'GR'],
    ['en Grèce', 'GR'],
    ['اليونان', 'GR'],
    ['Deutschland', 'DE'],
    ['Almanya\'da', 'DE'],
    ['у Польщі', 'PL'],
    ['Türkiye', 'TR'],
    ['ኤርትራ', 'ER'],
    ['Soomaaliya', 'SO'],
    ['لبنان', 'LB'],
    ['Afghanistan', 'AF']
  ])('"%s" → %s', (text, code) => {
    expect(recognizeCountry(text, lexicons())).toBe(code);
  });

  it.each([['France or Belgium'], ['banana'], ['']])('"%s" names no single country', (text) => {
    expect(recognizeCountry(text, lexicons())).toBeUndefined();
  });
});

describe('the names of the lexicons are unambiguous across languages', () => {
  it.each([['languageNames' as const], ['countries' as const]])('each %s entry means one code in every lexicon', (field) => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const lang of LANGUAGES) {
      const lexicon = lexicons()[lang]!;
      compileLexicon(lexicon);
      for (const [code, names] of Object.entries(lexicon[field])) {
        for (const name of names) {
          const key = fold(name);
          const known = owner.get(key);
          if (known !== undefined && known !== code) clashes.push(`${lang}: "${name}" is ${code} here, ${known} elsewhere`);
          owner.set(key, code);
        }
      }
    }
    expect(clashes).toEqual([]);
  });

  it.each(LANGUAGES.map((l) => [l]))('%s names every language and country the others do', (lang) => {
    const lexicon = lexicons()[lang]!;
    expect(Object.keys(lexicon.languageNames).sort()).toEqual([...LANGUAGES].sort());
    expect(Object.keys(lexicon.countries).sort()).toEqual(Object.keys(lexicons().en!.countries).sort());
    expect(lexicon.greetings.length).toBeGreaterThan(0);
    expect(lexicon.ageWords.length).toBeGreaterThan(0);
  });
});
