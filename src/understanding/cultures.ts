/**
 * Which culture of @microsoft/recognizers-text 1.3.1 serves each language, per capability.
 *
 * Checked against the models the packages really register (not `Culture.supportedCultures`,
 * which lists cultures some models lack, and not the suite's functions, which silently fall back
 * to English): see docs/understanding.md and test/understanding/cultures.test.ts. A missing
 * entry means "no model": the lexicon and digit rules do the work alone.
 */

/** Languages Passerelle ships or is about to ship. */
export const LANGUAGES = ['fr', 'en', 'de', 'nl', 'pt', 'ro', 'ar', 'fa', 'ps', 'ckb', 'so', 'ti', 'tr', 'uk'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Recognizer capabilities this module uses. */
export type Capability = 'number' | 'dateTime' | 'boolean';

export type RecognizerCultures = Readonly<Partial<Record<Capability, string>>>;

const CULTURES: Readonly<Record<string, RecognizerCultures>> = {
  en: { number: 'en-us', dateTime: 'en-us', boolean: 'en-us' },
  fr: { number: 'fr-fr', dateTime: 'fr-fr', boolean: 'fr-fr' },
  // 1.3.1 has Portuguese numbers and booleans; its Portuguese date-time model is not registered.
  pt: { number: 'pt-br', boolean: 'pt-br' },
  de: { boolean: 'de-de' },
  nl: { boolean: 'nl-nl' }
};

const NONE: RecognizerCultures = {};

/** Primary language subtag, lower case: "fr-BE" → "fr", "CKB" → "ckb". */
export function baseLanguage(lang: string): string {
  return lang.trim().toLowerCase().split(/[-_]/)[0] ?? '';
}

/** Recognizer cultures for a language or locale ("fr", "fr-BE"); `{}` when none covers it. */
export function recognizerCultures(lang: string): RecognizerCultures {
  return CULTURES[baseLanguage(lang)] ?? NONE;
}
