/**
 * Matching a channel locale (BCP 47, e.g. `fr-FR`, `ar`, `prs-AF`) to a supported language.
 * Pure functions: the list of supported languages is a parameter.
 */

/** Locale codes that name a supported language under another code. */
const ALIASES: Record<string, string> = {
  prs: 'fa', // Dari
  per: 'fa',
  fas: 'fa',
  pus: 'ps',
  kur: 'ckb',
  ku: 'ckb',
  som: 'so',
  tir: 'ti',
  tur: 'tr',
  ukr: 'uk',
  ara: 'ar',
  fre: 'fr',
  fra: 'fr',
  eng: 'en',
  ger: 'de',
  deu: 'de',
  dut: 'nl',
  nld: 'nl',
  por: 'pt',
  rum: 'ro',
  ron: 'ro',
  mo: 'ro' // Moldavian
};

/** Languages written right to left (among those Passerelle may ship). */
export const RTL_LANGUAGES: ReadonlySet<string> = new Set(['ar', 'fa', 'ps', 'ckb']);

/**
 * The supported language closest to `locale`, or `undefined` when none matches.
 * `fr-CA` → `fr`, `ar-EG` → `ar`, `prs-AF` → `fa` (when supported); exact matches first, then
 * the primary subtag, then known aliases. Case and `_` separators are tolerated.
 */
export function matchLanguage(locale: string | undefined | null, supported: readonly string[]): string | undefined {
  if (typeof locale !== 'string') return undefined;
  const normalized = locale.trim().toLowerCase().replace(/_/g, '-');
  if (!/^[a-z]{2,3}(-[a-z0-9]{1,8})*$/.test(normalized)) return undefined;
  if (supported.includes(normalized)) return normalized;
  const primary = normalized.split('-')[0] ?? '';
  if (supported.includes(primary)) return primary;
  const alias = ALIASES[primary];
  if (alias && supported.includes(alias)) return alias;
  return undefined;
}

/** `matchLanguage`, falling back to `fallback` (the configured default language). */
export function resolveLanguage(
  locale: string | undefined | null,
  supported: readonly string[],
  fallback: string
): string {
  return matchLanguage(locale, supported) ?? fallback;
}

export function isRightToLeft(lang: string): boolean {
  return RTL_LANGUAGES.has(lang);
}
