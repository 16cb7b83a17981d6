import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LANGUAGES, LexiconError, compileLexicon, loadLexicons } from '../../src/understanding';
import { lexicon, lexicons } from './helpers';

describe('the lexicon files of the 14 languages', () => {
  it('all load, each in its own folder', () => {
    expect(Object.keys(lexicons()).sort()).toEqual([...LANGUAGES].sort());
  });

  it.each(LANGUAGES.map((lang) => [lang]))('%s has yes, no, skip words and 12 months', (lang) => {
    const lex = lexicon(lang);
    expect(lex.language).toBe(lang);
    expect(lex.yes.length).toBeGreaterThan(0);
    expect(lex.no.length).toBeGreaterThan(0);
    expect(lex.skip.length).toBeGreaterThan(0);
    expect(lex.months).toHaveLength(12);
  });

  // Ages: every language must say 0..30 and the tens up to 100 in words (directly or by compounds).
  const needed = [...Array.from({ length: 31 }, (_, i) => i), 40, 50, 60, 70, 80, 90, 100];
  it.each(LANGUAGES.map((lang) => [lang]))('%s can express 0..30 and every ten to 100', (lang) => {
    const expressible = new Set(compileLexicon(lexicon(lang)).numbers.values());
    expect(needed.filter((n) => !expressible.has(n))).toEqual([]);
  });
});

describe('loadLexicons errors', () => {
  const valid = {
    language: 'xx',
    yes: ['yes'],
    no: ['no'],
    unsure: [],
    skip: ['skip'],
    numbers: { words: { one: 1 }, compounds: [] },
    months: Array.from({ length: 12 }, (_, i) => [`m${i + 1}`]),
    greetings: ['hello'],
    languageNames: { xx: ['xxish'] },
    countries: { XX: ['Xland'] },
    ageWords: ['years'],
    handoff: { ask: ['talk to a person'], end: ['end'] }
  };

  function dirWith(folder: string, content: unknown): string {
    const dir = mkdtempSync(join(tmpdir(), 'lexicon-'));
    mkdirSync(join(dir, folder));
    writeFileSync(
      join(dir, folder, 'understanding.json'),
      typeof content === 'string' ? content : JSON.stringify(content)
    );
    return dir;
  }

  function errorOf(dir: string): LexiconError {
    try {
      loadLexicons(dir);
    } catch (err) {
      expect(err).toBeInstanceOf(LexiconError);
      return err as LexiconError;
    }
    throw new Error('expected a LexiconError');
  }

  it('accepts a minimal valid file and skips folders without one', () => {
    const dir = dirWith('xx', valid);
    mkdirSync(join(dir, 'yy'));
    expect(Object.keys(loadLexicons(dir))).toEqual(['xx']);
  });

  it.each([
    ['no yes words', { ...valid, yes: [] }, 'yes'],
    ['an empty no word', { ...valid, no: ['non', ' '] }, 'no[1]'],
    ['a non-integer number', { ...valid, numbers: { words: { one: 1.5 }, compounds: [] } }, 'numbers.words.one'],
    ['a template without {u}', { ...valid, numbers: { words: {}, compounds: ['{t}'] } }, 'numbers.compounds[0]'],
    ['eleven months', { ...valid, months: valid.months.slice(1) }, 'months'],
    ['an unknown field', { ...valid, colour: 'blue' }, '(root)'],
    ['a word both yes and no', { ...valid, no: ['no', 'Yes!'] }, 'no[1]'],
    ['a month name used twice', { ...valid, months: [['jan'], ['JAN'], ...valid.months.slice(2)] }, 'months[1][0]'],
    ['two values for one number word', { ...valid, numbers: { words: { one: 1, ONE: 2 }, compounds: [] } }, 'numbers.words.ONE'],
    ['the language of another folder', { ...valid, language: 'zz' }, 'language'],
    ['no greeting', { ...valid, greetings: [] }, 'greetings'],
    ['a language name for two languages', { ...valid, languageNames: { xx: ['xxish'], yy: ['XXish'] } }, 'languageNames.yy[0]'],
    ['a country code that is not ISO', { ...valid, countries: { Xland: ['Xland'] } }, 'countries.Xland'],
    ['a country name for two countries', { ...valid, countries: { XX: ['Xland'], YY: ['xland'] } }, 'countries.YY[0]']
  ])('%s: names the file and the field', (_case, content, field) => {
    const err = errorOf(dirWith('xx', content));
    expect(err.file).toBe(join(err.file.slice(0, -'/xx/understanding.json'.length), 'xx', 'understanding.json'));
    expect(err.field).toBe(field);
    expect(err.message).toContain('understanding.json');
    expect(err.message).toContain(`"${field}"`);
  });

  it('names the file when it is not JSON', () => {
    const err = errorOf(dirWith('xx', '{ not json'));
    expect(err.file).toMatch(/xx[/\\]understanding\.json$/);
    expect(err.message).toMatch(/not readable JSON/);
  });

  it('says which folder is missing', () => {
    expect(() => loadLexicons(join(tmpdir(), 'no-such-locales-dir-42'))).toThrow(/no-such-locales-dir-42/);
  });
});
