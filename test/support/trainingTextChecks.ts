import fs from 'node:fs';
import path from 'node:path';
import i18next from 'i18next';
import {
  FILTER_WORD_KEYS,
  TRAINING_TEXT_FIELDS,
  TRAINING_UI_KEYS,
  TRAININGS_NAMESPACE,
  fundingKey,
  placeKey,
  prerequisiteKey,
  trainingTextKey,
  type TrainingCatalogue
} from '../../src/domain/trainings';
import { fold, splitWordList } from '../../src/understanding';
import { isNonEmptyText, localeFileLabel, quote, readLocaleFile, type LocaleFile, type LocaleProblem } from './localeChecks';

/**
 * Checks of the `trainings` texts (locales/<lang>/trainings.json) against the training
 * catalogue: a text for every fixed key the code asks for and for every catalogue training,
 * prerequisite, town and region, none for one the catalogue lacks, each filter word under
 * one value only, and every catalogue training rendered by i18next. (Same keys and placeholders
 * as English in every language: checkLocales, test/support/localeChecks.ts.)
 */
export function checkTrainingTexts(localesDir: string, catalogue: TrainingCatalogue, languages: readonly string[]): LocaleProblem[] {
  const problems: LocaleProblem[] = [];
  const files = new Map<string, LocaleFile>();
  for (const lang of languages) {
    const file = localeFileLabel(localesDir, lang, TRAININGS_NAMESPACE);
    const read = readLocaleFile(path.join(localesDir, lang, `${TRAININGS_NAMESPACE}.json`));
    if (!read.ok) {
      problems.push({ file, key: '', problem: read.problem });
      continue;
    }
    files.set(lang, read.file);
    const add = (key: string, problem: string) => problems.push({ file, key, problem });
    const { texts } = read.file;

    for (const [keys, source] of requiredKeys(catalogue)) {
      for (const key of keys) if (!isNonEmptyText(texts.get(key))) add(key, `missing or empty: ${source} needs it`);
    }
    for (const [prefix, known, what] of [
      ['training', new Set(catalogue.trainings.map((t) => t.id)), 'training'],
      ['prerequisite', new Set(catalogue.prerequisites), 'prerequisite'],
      ['place', new Set(placesOf(catalogue)), 'town or region']
    ] as const) {
      const stale = new Set([...texts.keys()].filter((k) => k.startsWith(`${prefix}.`)).map((k) => k.split('.')[1]!));
      for (const id of stale) if (!known.has(id)) add(`${prefix}.${id}`, `text for a ${what} the catalogue does not have`);
    }
    for (const clash of filterWordClashes(texts)) add(clash.key, clash.problem);
  }
  problems.push(...renderCatalogue(localesDir, catalogue, languages, files));
  return problems;
}

/** The keys each language must have, with who needs them. */
function requiredKeys(catalogue: TrainingCatalogue): [readonly string[], string][] {
  return [
    [TRAINING_UI_KEYS, 'the code (TRAINING_UI_KEYS)'],
    ...catalogue.trainings.map((t): [string[], string] => [TRAINING_TEXT_FIELDS.map((field) => trainingTextKey(t.id, field)), `the catalogue's training ${t.id}`]),
    [catalogue.prerequisites.map(prerequisiteKey), "the catalogue's prerequisites"],
    [placesOf(catalogue).map(placeKey), "the catalogue's towns and regions"]
  ];
}

/** Every town and region of the catalogue: each language writes them its own way (`place.<name>`). */
function placesOf(catalogue: TrainingCatalogue): string[] {
  return [...new Set(catalogue.trainings.flatMap((t) => [t.city, t.region]))];
}

/** A word that two filter values list (`"online"` under `format.online` and `format.hybrid`) is ambiguous. */
function filterWordClashes(texts: Map<string, unknown>): { key: string; problem: string }[] {
  const lists: [string, string][] = [
    ...Object.entries(FILTER_WORD_KEYS.country).map(([c, key]): [string, string] => [`country.${c}`, key]),
    ...Object.entries(FILTER_WORD_KEYS.format).map(([f, key]): [string, string] => [`format.${f}`, key]),
    ...Object.entries(FILTER_WORD_KEYS.language).map(([l, key]): [string, string] => [`language.${l}`, key]),
    ...Object.entries(FILTER_WORD_KEYS.topic).map(([t, key]): [string, string] => [`topic.${t}`, key]),
    ['eqfMarker', FILTER_WORD_KEYS.eqfMarker],
    ['startFrom', FILTER_WORD_KEYS.startFrom]
  ];
  const owner = new Map<string, string>();
  const clashes: { key: string; problem: string }[] = [];
  for (const [value, key] of lists) {
    for (const word of splitWordList(String(texts.get(key) ?? ''))) {
      const folded = fold(word);
      const other = owner.get(folded);
      if (other !== undefined && other !== value) clashes.push({ key, problem: `"${word}" is also a word for ${other}: each filter word must mean one value` });
      owner.set(folded, value);
    }
  }
  return clashes;
}

/** Every catalogue training's title, summary, funding and prerequisites, rendered by i18next. */
function renderCatalogue(localesDir: string, catalogue: TrainingCatalogue, languages: readonly string[], files: Map<string, LocaleFile>): LocaleProblem[] {
  const readable = languages.filter((lang) => files.has(lang));
  const resources = Object.fromEntries(
    readable.map((lang) => [
      lang,
      Object.fromEntries(
        [TRAININGS_NAMESPACE, 'eligibility'].map((ns) => [ns, readJsonOr(path.join(localesDir, lang, `${ns}.json`), {})])
      )
    ])
  );
  const i18n = i18next.createInstance();
  void i18n.init({
    resources,
    lng: readable[0],
    fallbackLng: false,
    ns: [TRAININGS_NAMESPACE, 'eligibility'],
    defaultNS: TRAININGS_NAMESPACE,
    initAsync: false,
    interpolation: { escapeValue: false },
    showSupportNotice: false
  } as never);

  const problems: LocaleProblem[] = [];
  for (const lang of readable) {
    for (const training of catalogue.trainings) {
      const keys = [
        ...TRAINING_TEXT_FIELDS.map((field) => trainingTextKey(training.id, field)),
        fundingKey(training.funding),
        ...training.prerequisites.map(prerequisiteKey)
      ];
      const params = training.funding.kind === 'fee' ? { price: `${training.funding.amount} ${training.funding.currency}` } : {};
      for (const key of keys) {
        const rendered: unknown = i18n.t(`${TRAININGS_NAMESPACE}:${key}`, { lng: lang, ...params });
        if (typeof rendered === 'string' && rendered !== key && !/\{\{|\$t\(/.test(rendered)) continue;
        problems.push({
          file: localeFileLabel(localesDir, lang, TRAININGS_NAMESPACE),
          key,
          problem: `training ${training.id} renders as ${quote(rendered)}`
        });
      }
    }
  }
  return problems;
}

function readJsonOr(file: string, fallback: unknown): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return fallback;
  }
}
