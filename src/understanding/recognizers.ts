import { dirname } from 'node:path';
import type { Capability } from './cultures';
import { baseLanguage, LANGUAGES, recognizerCultures } from './cultures';

/**
 * Lazy access to @microsoft/recognizers-text models.
 *
 * The packages are big (the date-time bundle alone is 3.6 MB of JavaScript) and their first
 * parse compiles regular expressions of more than 100 kB each (about 2 s for the French number
 * model, twice: V8 interprets a new regex, then compiles it natively on the next use). So nothing
 * is required at import time; a package is required on first use, once; one model per
 * (capability, culture) is built and kept; `warmUp` pays the compilation cost ahead of use, and
 * a server calls `warmUpLanguage` when a language is first used (after that turn), so that a
 * language nobody speaks costs nothing and nothing blocks the event loop while starting.
 *
 * The suite's convenience functions (`recognizeNumber(...)`) are not used: they build a new
 * recognizer on every call and fall back to English for an unknown culture. The per-capability
 * packages are resolved from the suite's own location, since the project depends on the suite.
 */

/** The part of a recognizers-text result this module reads. */
export interface ModelResult {
  start: number;
  end: number;
  text: string;
  typeName: string;
  resolution: Record<string, unknown> | undefined;
}

/** A recognizers-text model. */
export interface Model {
  parse(query: string, referenceDate?: Date): ModelResult[];
}

interface Recognizer {
  getNumberModel?(culture: string, fallbackToDefaultCulture: boolean): Model;
  getBooleanModel?(culture: string, fallbackToDefaultCulture: boolean): Model;
  getDateTimeModel?(culture: string, fallbackToDefaultCulture: boolean): Model;
}
type RecognizerClass = new (culture: string, options: number, lazyInitialization: boolean) => Recognizer;

const PACKAGES: Readonly<Record<Capability, { name: string; recognizer: string }>> = {
  number: { name: '@microsoft/recognizers-text-number', recognizer: 'NumberRecognizer' },
  boolean: { name: '@microsoft/recognizers-text-choice', recognizer: 'ChoiceRecognizer' },
  dateTime: { name: '@microsoft/recognizers-text-date-time', recognizer: 'DateTimeRecognizer' }
};

const recognizerClasses = new Map<Capability, RecognizerClass>();
const models = new Map<string, Model>();

function loadRecognizerClass(capability: Capability): RecognizerClass {
  const loaded = recognizerClasses.get(capability);
  if (loaded) return loaded;
  const { name, recognizer } = PACKAGES[capability];
  const suiteDir = dirname(require.resolve('@microsoft/recognizers-text-suite/package.json'));
  const pkg = require(require.resolve(name, { paths: [suiteDir] })) as Record<string, unknown>;
  const cls = pkg[recognizer];
  if (typeof cls !== 'function') throw new Error(`${name} does not export ${recognizer}`);
  recognizerClasses.set(capability, cls as RecognizerClass);
  return cls as RecognizerClass;
}

/**
 * The model for a capability in a culture, built on first use and cached.
 * @throws Error when the package has no model for that culture (no silent English fallback).
 */
export function getModel(capability: Capability, culture: string): Model {
  const key = `${capability}:${culture}`;
  const cached = models.get(key);
  if (cached) return cached;
  const recognizer = new (loadRecognizerClass(capability))(culture, 0, true);
  const model =
    capability === 'number'
      ? recognizer.getNumberModel?.(culture, false)
      : capability === 'boolean'
        ? recognizer.getBooleanModel?.(culture, false)
        : recognizer.getDateTimeModel?.(culture, false);
  if (!model) throw new Error(`no ${capability} model for culture ${culture}`);
  models.set(key, model);
  return model;
}

/** Runs a model, or returns [] when the language has no culture for that capability. */
export function parseWith(capability: Capability, lang: string, text: string, referenceDate?: Date): ModelResult[] {
  const culture = recognizerCultures(lang)[capability];
  if (!culture) return [];
  return getModel(capability, culture).parse(text, referenceDate);
}

/** Recognizer packages required so far (diagnostics and tests: import must load none). */
export function loadedRecognizerPackages(): string[] {
  return [...recognizerClasses.keys()].map((capability) => PACKAGES[capability].name);
}

/** Sentences that run every big expression of a model (the number model runs on dates too). */
const WARM_SAMPLES: Readonly<Record<Capability, readonly string[]>> = {
  number: ['22', 'twenty two 22'],
  boolean: ['yes', 'no'],
  dateTime: ['3 march 2004', '03/03/2004']
};

const nextTick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Loads and compiles the models of the given languages (default: all of `LANGUAGES`), one step
 * at a time, yielding to the event loop between steps so that a server can answer meanwhile.
 * Call after start without awaiting (`void warmUp(langs).catch(log)`); each step still blocks
 * for up to about 2 s on a cold French model. Languages without recognizer culture cost nothing.
 * `beforeStep` is awaited before each step (default: one turn of the event loop); a server
 * passes one that waits until it has been quiet for a moment.
 */
export async function warmUp(langs: readonly string[] = LANGUAGES, beforeStep: () => Promise<void> = nextTick): Promise<void> {
  const referenceDate = new Date();
  for (const lang of langs) {
    const cultures = recognizerCultures(lang);
    for (const capability of Object.keys(cultures) as Capability[]) {
      const culture = cultures[capability];
      if (!culture) continue;
      await beforeStep();
      const model = getModel(capability, culture);
      // Twice: V8 interprets a regex on its first run and compiles it natively on the second.
      for (const sample of WARM_SAMPLES[capability]) {
        await beforeStep();
        model.parse(sample, referenceDate);
      }
    }
  }
}

/** The warm-ups requested by `warmUpLanguage`, per base language (each runs once). */
const languageWarmUps = new Map<string, Promise<void>>();
let warmUpChain: Promise<void> = Promise.resolve();

/**
 * Warms up the models of one language in the background, once per process (later calls return
 * the same promise): a server calls it when a language is used, after that turn, rather than
 * compiling every language's models at start (seconds of blocked event loop, e.g. about 2 s
 * for French numbers, for languages perhaps never spoken). Warm-ups run one after another.
 * Languages without recognizer culture cost nothing. `beforeStep` as for `warmUp`: a model
 * used before its warm-up reached it is compiled then, in the turn that needs it.
 */
export function warmUpLanguage(lang: string, beforeStep?: () => Promise<void>): Promise<void> {
  const base = baseLanguage(lang);
  const known = languageWarmUps.get(base);
  if (known) return known;
  const next = Object.keys(recognizerCultures(base)).length === 0 ? Promise.resolve() : warmUpChain.then(() => warmUp([base], beforeStep));
  warmUpChain = next.catch(() => undefined);
  languageWarmUps.set(base, next);
  return next;
}
