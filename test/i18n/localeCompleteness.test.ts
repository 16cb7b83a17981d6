import path from 'node:path';
import { ELIGIBILITY_NAMESPACE, ELIGIBILITY_NEXT_STEP_KEYS, ELIGIBILITY_REASON_KEYS } from '../../src/domain/eligibility/messageKeys';
import { SHIPPED_LANGUAGES } from '../../src/config';
import {
  REFERENCE_LANGUAGE,
  checkLocales,
  discoverLanguages,
  expectsNamespace,
  formatProblem,
  localeFileLabel,
  namespacesOf,
  readLocaleFile,
  type LocaleProblem
} from '../support/localeChecks';

/**
 * Every shipped language must translate every key of every namespace of the reference language
 * (English), with the same `{{placeholders}}`, its own plural forms, and nothing more; every
 * text renders through the Localizer. One test per language and namespace lists every problem of
 * that file (the checks themselves: test/i18n/localeChecks.test.ts). Namespaces are discovered
 * from the files, so a new namespace is covered as soon as its English file exists.
 */

const LOCALES_DIR = path.resolve(__dirname, '..', '..', 'locales');
const LANGUAGES = discoverLanguages(LOCALES_DIR, SHIPPED_LANGUAGES);
const NAMESPACES = namespacesOf(LOCALES_DIR, REFERENCE_LANGUAGE);
const FILES = LANGUAGES.flatMap((lang) => NAMESPACES.filter((ns) => expectsNamespace(lang, ns)).map((ns) => localeFileLabel(LOCALES_DIR, lang, ns)));

let problems: LocaleProblem[];
beforeAll(() => {
  problems = checkLocales(LOCALES_DIR, {
    languages: LANGUAGES,
    required: [
      { ns: ELIGIBILITY_NAMESPACE, keys: ELIGIBILITY_REASON_KEYS, source: 'ELIGIBILITY_REASON_KEYS' },
      { ns: ELIGIBILITY_NAMESPACE, keys: ELIGIBILITY_NEXT_STEP_KEYS, source: 'ELIGIBILITY_NEXT_STEP_KEYS' }
    ]
  });
});

describe('locale discovery', () => {
  it('finds the reference language, at least one other language and some namespaces', () => {
    expect(LANGUAGES).toContain(REFERENCE_LANGUAGE);
    expect(LANGUAGES.length).toBeGreaterThan(1);
    expect(NAMESPACES).toEqual(expect.arrayContaining(['common', 'eligibility']));
  });

  it('finds plural keys and |-separated lists to check, and domain keys to require', () => {
    const english = NAMESPACES.map((ns) => readLocaleFile(path.join(LOCALES_DIR, REFERENCE_LANGUAGE, `${ns}.json`)));
    const files = english.flatMap((read) => (read.ok ? [read.file] : []));
    expect(files.some((f) => f.plurals.size > 0)).toBe(true);
    expect(files.some((f) => [...f.texts.values()].some((t) => typeof t === 'string' && t.includes('|')))).toBe(true);
    expect(ELIGIBILITY_REASON_KEYS.length).toBeGreaterThan(0);
    expect(ELIGIBILITY_NEXT_STEP_KEYS.length).toBeGreaterThan(0);
  });
});

describe('every text of every language', () => {
  it.each(FILES)('%s: present, valid, complete, translated, same placeholders and plural forms, renders', (file) => {
    expect(problems.filter((p) => p.file === file).map(formatProblem)).toEqual([]);
  });

  it('the console namespaces are checked in the console languages only', () => {
    expect(NAMESPACES).toContain('console');
    expect(FILES).toContain('locales/de/console.json');
    expect(FILES).not.toContain('locales/ar/console.json');
  });

  it('no other locale file or folder has a problem (extra files, a language the Localizer cannot load)', () => {
    expect(problems.filter((p) => !FILES.includes(p.file)).map(formatProblem)).toEqual([]);
  });
});
