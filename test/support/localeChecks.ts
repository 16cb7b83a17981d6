import fs from 'node:fs';
import path from 'node:path';
import { CONSOLE_LANGUAGES, isConsoleNamespace } from '../../src/i18n/consoleLanguages';
import { Localizer } from '../../src/i18n/localizer';

/**
 * Checks of the i18next resources in `locales/<lang>/<namespace>.json` against the reference
 * language (English). Each check returns every problem it finds, naming the file and the key,
 * so that one test per file can fail listing all of them at once.
 */

/** One thing wrong: the file (e.g. `locales/de/common.json`), the dotted key (empty for the whole file), what is wrong. */
export interface LocaleProblem {
  file: string;
  key: string;
  problem: string;
}

/** `locales/de/common.json: retry.age: missing (en: "…")` */
export function formatProblem({ file, key, problem }: LocaleProblem): string {
  return key ? `${file}: ${key}: ${problem}` : `${file}: ${problem}`;
}

export const REFERENCE_LANGUAGE = 'en';

/** i18next plural suffixes (CLDR categories): `years_one`, `years_other`, ... */
const PLURAL_KEY = /^(.*)_(zero|one|two|few|many|other)$/;

/** Counts each plural text is rendered with: every CLDR category of the shipped languages occurs. */
const PLURAL_SAMPLE_COUNTS = [0, 1, 2, 3, 11, 22, 100, 101, 1_000_000];

/**
 * Words that are the same in every language: programme and product names, and proper names
 * that several languages write like English.
 */
const SAME_IN_EVERY_LANGUAGE = ['DIGI@TER', 'CAMPLUS', 'Passerelle', 'EQF', 'Portugal', 'France', 'Menu', 'menu'];

/** Word lists may share entries with English (codes, English names kept on purpose): they are checked by use. */
const WORD_LIST_KEY = /(Words|Synonyms|synonyms)(\.|$)/;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Leaves of a nested resource, by dotted key (`retry.age`). */
export function flatten(value: unknown, prefix = '', out: Map<string, unknown> = new Map()): Map<string, unknown> {
  if (isPlainObject(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (prefix) {
    out.set(prefix, value);
  }
  return out;
}

/** Placeholder names of a text: `{{ name }}`, `{{name, format}}`, `{{- name}}` → `name`. */
export function placeholders(text: unknown): string[] {
  if (typeof text !== 'string') return [];
  const names = new Set<string>();
  for (const m of text.matchAll(/\{\{-?\s*([^{}]*?)\s*\}\}/g)) names.add((m[1] ?? '').split(',')[0]!.trim());
  return [...names].sort();
}

export function isNonEmptyText(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

/** `{{a}} {{b}}`, or `no placeholder`. */
export function showPlaceholders(names: readonly string[]): string {
  return names.length ? names.map((n) => `{{${n}}}`).join(' ') : 'no placeholder';
}

/** A text cut short for a message. */
export function quote(text: unknown): string {
  if (typeof text !== 'string') return String(text);
  const oneLine = text.replace(/\s+/g, ' ');
  return JSON.stringify(oneLine.length > 60 ? `${oneLine.slice(0, 57)}…` : oneLine);
}

/** What is not a text: `a number`, `an object`, `nothing`. */
function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** The keys of one resource file, plural forms folded into their base key. */
export interface LocaleFile {
  /** Every key; a plural key under its base name, with its `_other` text. */
  texts: Map<string, unknown>;
  /** Plural keys: base key → CLDR category → text. */
  plurals: Map<string, Map<string, unknown>>;
}

/** A file's parsed keys, or why it could not be read. */
export type ReadLocaleFile = { ok: true; file: LocaleFile } | { ok: false; problem: string };

/** Reads one resource file; a missing or invalid file gives the problem to report. */
export function readLocaleFile(full: string): ReadLocaleFile {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(full, 'utf8'));
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    return { ok: false, problem: e.code === 'ENOENT' ? 'file missing' : `not valid JSON: ${e.message}` };
  }
  if (!isPlainObject(json)) return { ok: false, problem: `not a JSON object (found ${describeValue(json)})` };
  const texts = new Map<string, unknown>();
  const plurals = new Map<string, Map<string, unknown>>();
  for (const [key, value] of flatten(json)) {
    const m = PLURAL_KEY.exec(key);
    if (!m) {
      texts.set(key, value);
      continue;
    }
    const forms = plurals.get(m[1]!) ?? new Map<string, unknown>();
    forms.set(m[2]!, value);
    plurals.set(m[1]!, forms);
  }
  for (const [base, forms] of plurals) texts.set(base, forms.get('other'));
  return { ok: true, file: { texts, plurals } };
}

/** The namespaces of a language: its `*.json` file names. */
export function namespacesOf(localesDir: string, lang: string): string[] {
  return fs
    .readdirSync(path.join(localesDir, lang))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''))
    .sort();
}

/**
 * The languages to check: the shipped ones, and any folder that already has texts (a language
 * being translated is checked before it ships).
 */
export function discoverLanguages(localesDir: string, shipped: readonly string[]): string[] {
  const withTexts = fs
    .readdirSync(localesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(localesDir, d.name, 'common.json')))
    .map((d) => d.name);
  return [...new Set([...shipped, ...withTexts])].sort();
}

/**
 * Whether `lang` must have namespace `ns`: every namespace in every language, except the
 * console's (`console*.json`), which exist in the console's six languages only.
 */
export function expectsNamespace(lang: string, ns: string): boolean {
  return !isConsoleNamespace(ns) || (CONSOLE_LANGUAGES as readonly string[]).includes(lang);
}

/** How problems name a file: `locales/de/common.json`. */
export function localeFileLabel(localesDir: string, lang: string, ns: string): string {
  return path.join(path.basename(localesDir), lang, `${ns}.json`);
}

/** Keys the code uses and every language must have, with where they come from. */
export interface RequiredKeys {
  ns: string;
  keys: readonly string[];
  /** e.g. `ELIGIBILITY_REASON_KEYS`. */
  source: string;
}

export interface LocaleCheckOptions {
  languages: readonly string[];
  reference?: string;
  required?: readonly RequiredKeys[];
}

/** A recognisable sample value for a placeholder. */
const sample = (name: string): string => `«sample-${name}-42»`;

/**
 * Every problem of the locale folder. Every language has every namespace of the reference
 * language, as a JSON object; every key of the reference exists and is a non-empty text in
 * every language, with no extra key; a text of two words or more is not left in English; the
 * `{{placeholders}}` are the reference's; a plural key has exactly the language's CLDR plural
 * categories (`Intl.PluralRules`, as i18next uses) with placeholders the reference allows; a
 * `|`-separated list has no empty item; the `required` keys exist; and every key renders through
 * the Localizer with its placeholders filled (plural keys for many counts).
 */
export function checkLocales(localesDir: string, options: LocaleCheckOptions): LocaleProblem[] {
  const reference = options.reference ?? REFERENCE_LANGUAGE;
  const label = (lang: string, ns: string) => localeFileLabel(localesDir, lang, ns);
  const namespaces = namespacesOf(localesDir, reference);
  const problems: LocaleProblem[] = [];

  const files = new Map<string, LocaleFile>();
  for (const lang of options.languages) {
    const own = fs.existsSync(path.join(localesDir, lang)) ? namespacesOf(localesDir, lang) : [];
    for (const ns of new Set([...namespaces, ...own])) {
      if (!expectsNamespace(lang, ns)) {
        if (own.includes(ns)) problems.push({ file: label(lang, ns), key: '', problem: `extra file: console texts exist only in ${CONSOLE_LANGUAGES.join(', ')}` });
        continue;
      }
      const read = readLocaleFile(path.join(localesDir, lang, `${ns}.json`));
      if (!read.ok) problems.push({ file: label(lang, ns), key: '', problem: read.problem });
      else if (!namespaces.includes(ns)) problems.push({ file: label(lang, ns), key: '', problem: `extra file: ${reference} has no ${ns}.json` });
      else files.set(`${lang}/${ns}`, read.file);
    }
  }

  for (const ns of namespaces) {
    const ref = files.get(`${reference}/${ns}`);
    if (!ref) continue;
    for (const lang of options.languages) {
      const own = files.get(`${lang}/${ns}`);
      if (own) problems.push(...compareFile(own, ref, lang, reference).map((p) => ({ file: label(lang, ns), ...p })));
    }
  }

  for (const { ns, keys, source } of options.required ?? []) {
    for (const lang of options.languages) {
      const own = files.get(`${lang}/${ns}`);
      if (!own) continue;
      for (const key of keys) {
        if (!isNonEmptyText(own.texts.get(key))) problems.push({ file: label(lang, ns), key, problem: `missing: the code uses it (${source})` });
      }
    }
  }

  for (const lang of options.languages) {
    let localizer: Localizer;
    try {
      localizer = Localizer.load(localesDir, [lang], lang);
    } catch (err) {
      // A file that cannot be read is reported above; anything else is reported here.
      const folder = path.join(path.basename(localesDir), lang);
      if (!problems.some((p) => p.key === '' && path.dirname(p.file) === folder)) {
        problems.push({ file: folder, key: '', problem: `the Localizer cannot load it: ${(err as Error).message}` });
      }
      continue;
    }
    for (const ns of namespaces) {
      const own = files.get(`${lang}/${ns}`);
      if (own) problems.push(...renderFile(localizer, own, lang, ns).map((p) => ({ file: label(lang, ns), ...p })));
    }
  }
  return problems;
}

/** Problems of one language's file against the reference language's. */
function compareFile(own: LocaleFile, ref: LocaleFile, lang: string, reference: string): Omit<LocaleProblem, 'file'>[] {
  const problems: Omit<LocaleProblem, 'file'>[] = [];
  const add = (key: string, problem: string) => problems.push({ key, problem });
  const isReference = lang === reference;

  for (const [key, english] of ref.texts) {
    const text = own.texts.get(key);
    if (!own.texts.has(key)) {
      add(key, `missing (${reference}: ${quote(english)})`);
      continue;
    }
    if (!isNonEmptyText(text)) {
      add(key, typeof text === 'string' ? 'empty text' : `not a text (found ${describeValue(text)})`);
      continue;
    }
    if (isReference) continue;
    if (text === english && isTranslatable(key, english)) add(key, `left in English: ${quote(text)}`);
    const expected = placeholders(english);
    const found = placeholders(text);
    if (expected.join() !== found.join()) add(key, `has ${showPlaceholders(found)}, ${reference} has ${showPlaceholders(expected)}`);
  }
  if (!isReference) {
    for (const key of own.texts.keys()) if (!ref.texts.has(key)) add(key, `extra key: ${reference} has no such key`);
  }

  const categories = [...new Intl.PluralRules(lang).resolvedOptions().pluralCategories].sort();
  for (const [key, refForms] of ref.plurals) {
    const forms = own.plurals.get(key) ?? new Map<string, unknown>();
    const found = [...forms.keys()].sort();
    if (found.join() !== categories.join()) {
      add(key, `plural forms ${found.join(', ') || 'none'}; ${lang} needs exactly ${categories.join(', ')} (CLDR)`);
    }
    const allowed = placeholders(refForms.get('other'));
    for (const [category, text] of forms) {
      if (!isNonEmptyText(text)) add(`${key}_${category}`, typeof text === 'string' ? 'empty text' : `not a text (found ${describeValue(text)})`);
      const unknown = placeholders(text).filter((p) => !allowed.includes(p));
      if (unknown.length) add(`${key}_${category}`, `has ${showPlaceholders(unknown)}, which ${reference}'s ${key}_other does not have`);
    }
  }

  for (const [key, text] of own.texts) {
    if (typeof text !== 'string' || !text.includes('|')) continue;
    text.split('|').forEach((item, index) => {
      if (!item.trim()) add(key, `item #${index + 1} of the |-separated list is empty`);
    });
  }
  return problems;
}

/** What is left of a text once placeholders, shared names, digits and punctuation are removed. */
function translatableWords(text: string): string[] {
  let rest = text.replace(/\{\{[^{}]*\}\}/g, ' ');
  for (const name of SAME_IN_EVERY_LANGUAGE) rest = rest.split(name).join(' ');
  return rest
    .replace(/[^\p{L}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((w) => w.length >= 3);
}

/**
 * Whether an English text must differ in another language: a single word ("Online", "Details",
 * "Somali") can be the same word elsewhere, a text of two words or more cannot. Word lists are
 * exempt.
 */
function isTranslatable(key: string, english: string): boolean {
  return !english.includes('|') && !WORD_LIST_KEY.test(key) && translatableWords(english).length >= 2;
}

/** Problems rendering each key of a file through the Localizer, placeholders filled. */
function renderFile(localizer: Localizer, own: LocaleFile, lang: string, ns: string): Omit<LocaleProblem, 'file'>[] {
  const problems: Omit<LocaleProblem, 'file'>[] = [];
  for (const [key, text] of own.texts) {
    const fullKey = `${ns}:${key}`;
    const names = placeholders(text);
    if (own.plurals.has(key)) {
      // A plural key renders for every kind of count, its other placeholders filled.
      const params = Object.fromEntries(names.filter((n) => n !== 'count').map((n) => [n, sample(n)]));
      for (const count of PLURAL_SAMPLE_COUNTS) {
        const wrong = renderingProblem(localizer.t(lang, fullKey, { ...params, count }), key, fullKey, []);
        if (wrong) problems.push({ key, problem: `with count ${count} ${wrong}` });
      }
      continue;
    }
    if (!localizer.has(lang, fullKey)) {
      problems.push({ key, problem: `the Localizer does not find ${fullKey}` });
      continue;
    }
    const params = Object.fromEntries(names.map((n) => [n, sample(n)]));
    const wrong = renderingProblem(localizer.t(lang, fullKey, params), key, fullKey, names);
    if (wrong) problems.push({ key, problem: wrong });
  }
  return problems;
}

function renderingProblem(out: unknown, key: string, fullKey: string, filled: readonly string[]): string | undefined {
  if (typeof out !== 'string') return `renders as ${describeValue(out)}, not a text`;
  if (out === key || out === fullKey) return `renders as its key: the Localizer does not find ${fullKey}`;
  if (out.includes('{{')) return `renders with a placeholder left unfilled: ${quote(out)}`;
  if (!out.trim()) return 'renders as an empty text';
  const lost = filled.filter((name) => !out.includes(sample(name)));
  if (lost.length) return `renders without ${showPlaceholders(lost)}: ${quote(out)}`;
  return undefined;
}
