import path from 'node:path';
import i18next from 'i18next';
import { loadTrainingCatalogue } from '../../../src/content/trainingCatalogue';
import {
  INSTRUCTION_LANGUAGES,
  TRAINING_COUNTRIES,
  TRAINING_FORMATS,
  TRAINING_TEXT_FIELDS,
  TRAINING_UI_KEYS,
  TRAININGS_NAMESPACE,
  fundingKey,
  prerequisiteKey,
  trainingTextKey
} from '../../../src/domain/trainings';
import { fold, splitWordList } from '../../../src/understanding';
import { STAGING_LANGUAGES, lookup, resources, trainingTexts } from './trainingLocaleTexts';

/**
 * The `trainings` texts (locales/<lang>/trainings.json): complete for the shipped
 * catalogue, with the same placeholders in every language, and renderable by i18next.
 */

const CATALOGUE = loadTrainingCatalogue(path.join(__dirname, '..', '..', '..', 'content'));

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** A key's text, or its `_other` plural form. */
function text(lang: string, key: string): unknown {
  const texts = trainingTexts(lang);
  return lookup(texts, key) ?? lookup(texts, `${key}_other`);
}

function placeholders(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  return [...new Set([...value.matchAll(/\{\{\s*([^{},]+?)\s*(?:,[^{}]*)?\}\}/g)].map((m) => m[1] ?? ''))].sort();
}

function leaves(value: unknown, prefix = ''): string[] {
  if (value && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
  }
  return [prefix];
}

const TRAINING_KEYS = CATALOGUE.trainings.flatMap((t) => TRAINING_TEXT_FIELDS.map((field) => trainingTextKey(t.id, field)));
const PREREQUISITE_KEYS = CATALOGUE.prerequisites.map(prerequisiteKey);
const ALL_KEYS = [...TRAINING_UI_KEYS, ...TRAINING_KEYS, ...PREREQUISITE_KEYS];

describe.each(STAGING_LANGUAGES)('staged trainings texts — %s', (lang) => {
  it.each(TRAINING_KEYS)(`has a text for %s`, (key) => {
    expect(text(lang, key)).toEqual(expect.stringMatching(/\S/));
  });

  it.each(PREREQUISITE_KEYS)('has a text for %s', (key) => {
    expect(text(lang, key)).toEqual(expect.stringMatching(/\S/));
  });

  it.each(TRAINING_UI_KEYS)('has a text for %s', (key) => {
    expect(text(lang, key)).toEqual(expect.stringMatching(/\S/));
  });

  it('has no text for a training or prerequisite the catalogue lacks', () => {
    const texts = trainingTexts(lang);
    expect(Object.keys(texts.training as object).sort()).toEqual(CATALOGUE.trainings.map((t) => t.id).sort());
    expect(Object.keys(texts.prerequisite as object).sort()).toEqual([...CATALOGUE.prerequisites].sort());
  });

  it('lists each filter word under one value only', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    const lists: [string, unknown][] = [
      ...TRAINING_COUNTRIES.map((c): [string, unknown] => [`country.${c}`, text(lang, `filterWords.country.${c}`)]),
      ...TRAINING_FORMATS.map((f): [string, unknown] => [`format.${f}`, text(lang, `filterWords.format.${f}`)]),
      ...INSTRUCTION_LANGUAGES.map((l): [string, unknown] => [`language.${l}`, text(lang, `filterWords.language.${l}`)]),
      ['eqfMarker', text(lang, 'filterWords.eqfMarker')],
      ['startFrom', text(lang, 'filterWords.startFrom')]
    ];
    for (const [value, list] of lists) {
      for (const word of splitWordList(String(list))) {
        const key = fold(word);
        const other = owner.get(key);
        if (other !== undefined && other !== value) clashes.push(`"${word}": ${other} and ${value}`);
        owner.set(key, value);
      }
    }
    expect(clashes).toEqual([]);
  });
});

describe('staged trainings texts — languages agree', () => {
  const [reference, ...others] = STAGING_LANGUAGES;

  it.each(others)('%s has the same keys as the reference language (plural forms aside)', (lang) => {
    const keys = (l: string) => [...new Set(leaves(trainingTexts(l)).map((k) => k.replace(PLURAL, '')))].sort();
    expect(keys(lang)).toEqual(keys(reference));
  });

  it.each(others.flatMap((lang) => ALL_KEYS.map((key): [string, string] => [lang, key])))('%s %s has the same placeholders', (lang, key) => {
    expect(placeholders(text(lang, key))).toEqual(placeholders(text(reference, key)));
  });
});

describe('staged trainings texts — rendered by i18next', () => {
  const i18n = i18next.createInstance();
  beforeAll(async () => {
    await i18n.init({
      resources: Object.fromEntries(STAGING_LANGUAGES.map((lang) => [lang, resources(lang)])),
      lng: 'en',
      fallbackLng: false,
      ns: [TRAININGS_NAMESPACE, 'eligibility'],
      defaultNS: TRAININGS_NAMESPACE,
      interpolation: { escapeValue: false },
      showSupportNotice: false
    } as never);
  });

  it.each<[string, string, Record<string, unknown>, string]>([
    ['en', 'reason.country', { country: 'PT' }, 'It is in your country: Portugal.'],
    ['fr', 'reason.country', { country: 'BE' }, 'Elle a lieu dans votre pays : Belgique.'],
    ['en', 'reason.language', { language: 'ar' }, 'It is taught in Arabic, a language you speak.'],
    ['fr', 'reason.language', { language: 'uk' }, 'Elle est donnée en ukrainien, une langue que vous parlez.'],
    ['en', 'reason.level', { eqf: 3 }, 'It is at EQF level 3, the level that fits you.'],
    ['en', 'seatsLeft', { count: 1 }, '1 place left'],
    ['fr', 'seatsLeft', { count: 2 }, '2 places libres'],
    ['en', 'duration', { count: 12, hoursPerWeek: 30 }, '12 weeks, 30 hours a week'],
    ['fr', 'funding.fee', { amount: 250, currency: 'EUR' }, 'Coût : 250 EUR']
  ])('%s %s', (lang, key, params, expected) => {
    expect(i18n.t(`${TRAININGS_NAMESPACE}:${key}`, { lng: lang, ...params })).toBe(expected);
  });

  it.each(STAGING_LANGUAGES)('%s: every sample training renders its title, summary, funding and prerequisites', (lang) => {
    for (const training of CATALOGUE.trainings) {
      const keys = [
        ...TRAINING_TEXT_FIELDS.map((field) => trainingTextKey(training.id, field)),
        fundingKey(training.funding),
        ...training.prerequisites.map(prerequisiteKey)
      ];
      for (const key of keys) {
        const params = training.funding.kind === 'fee' ? { amount: training.funding.amount, currency: training.funding.currency } : {};
        const rendered = i18n.t(`${TRAININGS_NAMESPACE}:${key}`, { lng: lang, ...params });
        expect(rendered).not.toBe(key);
        expect(rendered).not.toMatch(/\{\{|\$t\(/);
      }
    }
  });
});
