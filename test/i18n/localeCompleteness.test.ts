import fs from 'node:fs';
import path from 'node:path';
import { ELIGIBILITY_NAMESPACE, ELIGIBILITY_NEXT_STEP_KEYS, ELIGIBILITY_REASON_KEYS } from '../../src/domain/eligibility/messageKeys';
import { Localizer } from '../../src/i18n/localizer';
import { SHIPPED_LANGUAGES } from '../../src/config';

/**
 * Every shipped language must translate every key of every namespace of the reference language
 * (English), with the same `{{placeholders}}`, and nothing more. Namespaces are discovered from
 * the files, so a new namespace is covered as soon as its English file exists.
 */

const LOCALES_DIR = path.resolve(__dirname, '..', '..', 'locales');
const REFERENCE_LANGUAGE = 'en';

type Flat = Map<string, unknown>;

function jsonFiles(lang: string): string[] {
  return fs
    .readdirSync(path.join(LOCALES_DIR, lang))
    .filter((f) => f.endsWith('.json'))
    .sort();
}

/**
 * The languages whose texts ship (`SHIPPED_LANGUAGES`), and any folder that already has texts.
 */
const LANGUAGES: readonly string[] = [
  ...new Set([
    ...SHIPPED_LANGUAGES,
    // A language being translated is checked as soon as it has texts, before it ships.
    ...fs.readdirSync(LOCALES_DIR).filter((d) => fs.existsSync(path.join(LOCALES_DIR, d, `common.json`)))
  ])
].sort();

const NAMESPACES: readonly string[] = jsonFiles(REFERENCE_LANGUAGE).map((f) => f.replace(/\.json$/, ''));

const OTHER_LANGUAGES = LANGUAGES.filter((l) => l !== REFERENCE_LANGUAGE);

function filePath(lang: string, ns: string): string {
  return path.join(LOCALES_DIR, lang, `${ns}.json`);
}

/** Parsed file, or `undefined` when it is missing or not valid JSON (other tests report that). */
function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Leaves of a nested resource, by dotted key (`retry.age`). */
function flatten(value: unknown, prefix = '', out: Flat = new Map()): Flat {
  if (isPlainObject(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (prefix) {
    out.set(prefix, value);
  }
  return out;
}

/** i18next plural suffixes (CLDR categories): `years_one`, `years_other`, ... */
const PLURAL_KEY = /^(.*)_(zero|one|two|few|many|other)$/;

/** Plural forms of each plural key of a file: base key → category → text. */
const pluralCache = new Map<string, Map<string, Map<string, unknown>>>();

const flatCache = new Map<string, Flat>();
/**
 * Keys of a file with plural forms folded into their base key (whose value is the `_other`
 * form): languages have different plural categories, so plurals are compared by
 * `pluralFormsOf` instead.
 */
function keysOf(lang: string, ns: string): Flat {
  const file = filePath(lang, ns);
  let flat = flatCache.get(file);
  if (!flat) {
    flat = new Map();
    const plurals = new Map<string, Map<string, unknown>>();
    for (const [key, value] of flatten(readJson(file))) {
      const m = PLURAL_KEY.exec(key);
      if (!m) {
        flat.set(key, value);
        continue;
      }
      const forms = plurals.get(m[1]!) ?? new Map<string, unknown>();
      forms.set(m[2]!, value);
      plurals.set(m[1]!, forms);
    }
    for (const [base, forms] of plurals) flat.set(base, forms.get('other'));
    flatCache.set(file, flat);
    pluralCache.set(file, plurals);
  }
  return flat;
}

function pluralFormsOf(lang: string, ns: string): Map<string, Map<string, unknown>> {
  keysOf(lang, ns);
  return pluralCache.get(filePath(lang, ns))!;
}

/** Placeholder names of a text: `{{ name }}`, `{{name, format}}` → `name`. */
function placeholders(text: unknown): string[] {
  if (typeof text !== 'string') return [];
  const names = new Set<string>();
  for (const m of text.matchAll(/\{\{-?\s*([^{}]*?)\s*\}\}/g)) {
    names.add((m[1] ?? '').split(',')[0]!.trim());
  }
  return [...names].sort();
}

function isNonEmptyText(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

/** Each `[lang, ns, key]` of the reference language, for every language. */
const REFERENCE_KEY_ROWS: [string, string, string][] = LANGUAGES.flatMap((lang) =>
  NAMESPACES.flatMap((ns) => [...keysOf(REFERENCE_LANGUAGE, ns).keys()].map((key): [string, string, string] => [lang, ns, key]))
);

/** Each `[lang, ns, key]` present in the language's own files. */
const OWN_KEY_ROWS: [string, string, string][] = LANGUAGES.flatMap((lang) =>
  NAMESPACES.flatMap((ns) => [...keysOf(lang, ns).keys()].map((key): [string, string, string] => [lang, ns, key]))
);

describe('locale discovery', () => {
  it('finds the reference language, at least one other language and some namespaces', () => {
    expect(LANGUAGES).toContain(REFERENCE_LANGUAGE);
    expect(OTHER_LANGUAGES.length).toBeGreaterThan(0);
    expect(NAMESPACES).toEqual(expect.arrayContaining(['common', 'eligibility']));
  });
});

describe('every locale file is valid JSON', () => {
  const rows: [string, string][] = LANGUAGES.flatMap((lang) => jsonFiles(lang).map((f): [string, string] => [lang, f]));

  it.each(rows)('%s/%s parses to an object', (lang, file) => {
    const text = fs.readFileSync(path.join(LOCALES_DIR, lang, file), 'utf8');
    let parsed: unknown;
    expect(() => {
      parsed = JSON.parse(text);
    }).not.toThrow();
    expect(isPlainObject(parsed)).toBe(true);
  });
});

describe('every language has every namespace of the reference language', () => {
  const rows: [string, string][] = OTHER_LANGUAGES.flatMap((lang) => NAMESPACES.map((ns): [string, string] => [lang, ns]));

  it.each(rows)('%s has %s.json', (lang, ns) => {
    expect(fs.existsSync(filePath(lang, ns))).toBe(true);
  });
});

describe('no key is missing or empty', () => {
  it.each(REFERENCE_KEY_ROWS)('%s/%s.json: "%s" is a non-empty text', (lang, ns, key) => {
    const value = keysOf(lang, ns).get(key);
    expect(typeof value).toBe('string');
    expect(isNonEmptyText(value)).toBe(true);
  });
});

describe('no language has extra keys', () => {
  const rows: [string, string][] = OTHER_LANGUAGES.flatMap((lang) => NAMESPACES.map((ns): [string, string] => [lang, ns]));

  it.each(rows)('%s/%s.json has no key unknown to the reference language', (lang, ns) => {
    const reference = keysOf(REFERENCE_LANGUAGE, ns);
    const extra = [...keysOf(lang, ns).keys()].filter((k) => !reference.has(k));
    expect(extra).toEqual([]);
  });
});

/**
 * Words that are the same in every language: programme and product names, and proper names
 * that several languages write like English.
 */
const SAME_IN_EVERY_LANGUAGE = ['DIGI@TER', 'CAMPLUS', 'Passerelle', 'EQF', 'Portugal', 'France', 'Menu', 'menu'];

/** What is left of a text once placeholders, shared names, digits and punctuation are removed. */
function translatableWords(text: string): string {
  let rest = text.replace(/\{\{[^{}]*\}\}/g, ' ');
  for (const name of SAME_IN_EVERY_LANGUAGE) rest = rest.split(name).join(' ');
  return rest.replace(/[^\p{L}]+/gu, ' ').trim();
}

describe('no text is left in English in another language', () => {
  const rows = REFERENCE_KEY_ROWS.filter(([lang]) => lang !== REFERENCE_LANGUAGE);

  it.each(rows)('%s/%s.json: "%s" is translated', (lang, ns, key) => {
    const english = keysOf(REFERENCE_LANGUAGE, ns).get(key);
    const own = keysOf(lang, ns).get(key);
    // Word lists may share entries (codes, English names kept on purpose): they are checked by use.
    if (typeof english !== 'string' || english.includes('|') || /(Words|Synonyms|synonyms)(\.|$)/.test(key)) return;
    // A single word ("Online", "Details", "Somali") can be the same word in another language; a
    // text of two words or more left as in English is untranslated.
    const words = translatableWords(english).split(' ').filter((w) => w.length >= 3);
    if (own === english) expect(words.length).toBeLessThan(2);
  });
});

describe('placeholders match the reference language', () => {
  const rows = REFERENCE_KEY_ROWS.filter(([lang]) => lang !== REFERENCE_LANGUAGE);

  it.each(rows)('%s/%s.json: "%s" has the same {{placeholders}}', (lang, ns, key) => {
    const expected = placeholders(keysOf(REFERENCE_LANGUAGE, ns).get(key));
    expect(placeholders(keysOf(lang, ns).get(key))).toEqual(expected);
  });
});

describe('plural keys have exactly the plural categories of each language (CLDR, as i18next uses)', () => {
  const rows: [string, string, string][] = LANGUAGES.flatMap((lang) =>
    NAMESPACES.flatMap((ns) => [...pluralFormsOf(REFERENCE_LANGUAGE, ns).keys()].map((key): [string, string, string] => [lang, ns, key]))
  );

  it('finds some plural keys', () => {
    expect(rows.length).toBeGreaterThan(0);
  });

  it.each(rows)('%s/%s.json: "%s"', (lang, ns, key) => {
    const categories = [...new Intl.PluralRules(lang).resolvedOptions().pluralCategories].sort();
    const forms = pluralFormsOf(lang, ns).get(key) ?? new Map<string, unknown>();
    expect([...forms.keys()].sort()).toEqual(categories);
    const allowed = placeholders(pluralFormsOf(REFERENCE_LANGUAGE, ns).get(key)?.get('other'));
    for (const [category, text] of forms) {
      expect({ category, nonEmpty: isNonEmptyText(text) }).toEqual({ category, nonEmpty: true });
      expect(placeholders(text).filter((p) => !allowed.includes(p))).toEqual([]);
    }
  });
});

describe('every eligibility reason and next step the domain can produce has a text', () => {
  const domainKeys = [...ELIGIBILITY_REASON_KEYS, ...ELIGIBILITY_NEXT_STEP_KEYS];
  const rows: [string, string, string][] = LANGUAGES.flatMap((lang) =>
    domainKeys.map((key): [string, string, string] => [lang, ELIGIBILITY_NAMESPACE, key])
  );

  it('the domain exports some keys', () => {
    expect(ELIGIBILITY_REASON_KEYS.length).toBeGreaterThan(0);
    expect(ELIGIBILITY_NEXT_STEP_KEYS.length).toBeGreaterThan(0);
  });

  it.each(rows)('%s/%s.json: "%s" exists', (lang, ns, key) => {
    expect(isNonEmptyText(keysOf(lang, ns).get(key))).toBe(true);
  });
});

describe('"|"-separated lists have no empty item', () => {
  const rows: [string, string, string, string][] = OWN_KEY_ROWS.flatMap(([lang, ns, key]) => {
    const value = keysOf(lang, ns).get(key);
    return typeof value === 'string' && value.includes('|') ? [[lang, ns, key, value] as [string, string, string, string]] : [];
  });

  it('finds some lists', () => {
    expect(rows.length).toBeGreaterThan(0);
  });

  it.each(rows)('%s/%s.json: "%s"', (_lang, _ns, _key, value) => {
    const emptyItems = value
      .split('|')
      .map((item, index) => ({ item: item.trim(), index }))
      .filter(({ item }) => item.length === 0)
      .map(({ index }) => `item #${index + 1} is empty`);
    expect(emptyItems).toEqual([]);
  });
});

describe('every key renders through the Localizer', () => {
  // Loaded in `beforeAll` so that an invalid file fails these tests (naming the file) rather
  // than the whole suite, and the JSON tests above still say which file it is.
  let localizer: Localizer;
  beforeAll(() => {
    localizer = Localizer.load(LOCALES_DIR, LANGUAGES, REFERENCE_LANGUAGE);
  });

  /** A recognisable sample value for a placeholder. */
  const sample = (name: string): string => `«sample-${name}-42»`;

  it.each(OWN_KEY_ROWS)('%s: %s:%s renders with its placeholders filled', (lang, ns, key) => {
    if (pluralFormsOf(lang, ns).has(key)) {
      // A plural key renders for every kind of count, each time with the count in it or a word for it.
      const others = placeholders(keysOf(lang, ns).get(key)).filter((name) => name !== 'count');
      const extra = Object.fromEntries(others.map((name) => [name, sample(name)]));
      for (const count of [0, 1, 2, 3, 11, 22, 100, 101, 1_000_000]) {
        const out = localizer.t(lang, `${ns}:${key}`, { ...extra, count });
        expect(out).not.toBe(key);
        expect(out).not.toContain('{{');
        expect(out.trim().length).toBeGreaterThan(0);
      }
      return;
    }
    const names = placeholders(keysOf(lang, ns).get(key));
    const params = Object.fromEntries(names.map((name) => [name, sample(name)]));
    expect(localizer.has(lang, `${ns}:${key}`)).toBe(true);

    const out = localizer.t(lang, `${ns}:${key}`, params);
    expect(out).not.toBe(key);
    expect(out).not.toBe(`${ns}:${key}`);
    expect(out).not.toContain('{{');
    expect(out.trim().length).toBeGreaterThan(0);
    for (const name of names) expect(out).toContain(sample(name));
  });
});
