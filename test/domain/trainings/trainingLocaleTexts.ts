import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SHIPPED_LANGUAGES } from '../../../src/config';
import { splitWordList, trainingQueryVocabulary } from '../../../src/understanding';
import type { TrainingQueryVocabulary } from '../../../src/understanding';

const ROOT = path.join(__dirname, '..', '..', '..');
export const LOCALES_DIR = path.join(ROOT, 'locales');
/** The trainings texts are checked in every shipped language. */
export const STAGING_LANGUAGES = SHIPPED_LANGUAGES;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- locale JSON is walked freely
type Json = Record<string, any>;

function readJson(file: string): Json {
  return JSON.parse(readFileSync(file, 'utf8')) as Json;
}

/** `locales/<lang>/trainings.json`. */
export function trainingTexts(lang: string): Json {
  return readJson(path.join(LOCALES_DIR, lang, 'trainings.json'));
}

/** The namespaces a vocabulary is built from: the trainings and eligibility texts. */
export function resources(lang: string): Record<string, Json> {
  return { trainings: trainingTexts(lang), eligibility: readJson(path.join(LOCALES_DIR, lang, 'eligibility.json')) };
}

/** Value of a dotted key in a nested resource. */
export function lookup(resource: Json | undefined, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Json)[part] : undefined), resource);
}

/** What the bot will do with the Localizer: `(key) => localizer.has(...) ? localizer.list(...) : []`. */
export function vocabularyFor(lang: string): TrainingQueryVocabulary {
  const res = resources(lang);
  return trainingQueryVocabulary((fullKey) => {
    const [ns = '', key = ''] = fullKey.split(':');
    const value = lookup(res[ns], key);
    return typeof value === 'string' ? splitWordList(value) : [];
  });
}
