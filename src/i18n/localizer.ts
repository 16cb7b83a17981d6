import fs from 'node:fs';
import path from 'node:path';
import i18next, { type i18n as I18n, type TFunction } from 'i18next';
import { formatNumber } from './format';
import { matchLanguage, resolveLanguage } from './languages';

export type TranslateParams = Record<string, unknown>;

/** How many rendered texts (and lists) a Localizer keeps at most. */
const MAX_CACHED = 50_000;

function isEmpty(params: TranslateParams): boolean {
  for (const _ in params) return false;
  return true;
}

/** The texts of one language: what presenters and dialogs write with. */
export interface Texts {
  /** The language these texts are in. */
  readonly lang: string;
  /** Translates `key` (`namespace:key`). */
  t(key: string, params?: TranslateParams): string;
  /** A `|`-separated list (synonyms, command words). */
  list(key: string): string[];
  /** Whether `key` exists in this language itself (no fallback). */
  has(key: string): boolean;
}

/** Locale files are missing or unreadable: names the file. */
export class LocaleLoadError extends Error {
  override readonly name = 'LocaleLoadError';
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
  }
}

/**
 * Every user-facing text goes through here. Keys are `namespace:key` (namespace = the file
 * name in `locales/<lang>/`), e.g. `eligibility:askAge`. Numbers given as parameters are
 * written in the language's digits (`formatNumber`); plural forms follow each language's CLDR
 * rules from the `count` parameter.
 */
export class Localizer {
  private readonly fixed = new Map<string, TFunction>();
  /**
   * Texts without parameters, and lists, per language and key: the resources never change after
   * `load`, so each is rendered by i18next once (every prompt's buttons and every recognized
   * answer's word lists ask again at each turn). Bounded, in case a caller ever builds keys.
   */
  private readonly plain = new Map<string, string>();
  private readonly lists = new Map<string, readonly string[]>();

  private constructor(
    private readonly i18n: I18n,
    readonly languages: readonly string[],
    readonly defaultLanguage: string,
    readonly namespaces: readonly string[]
  ) {
    for (const lang of languages) this.fixed.set(lang, i18n.getFixedT(lang));
  }

  /**
   * Loads `locales/<lang>/*.json` for each language, synchronously, once at start.
   * Fails with `LocaleLoadError` naming the file when one is missing or not valid JSON.
   */
  static load(localesDir: string, languages: readonly string[], defaultLanguage: string): Localizer {
    const resources: Record<string, Record<string, unknown>> = {};
    const namespaces = new Set<string>();
    for (const lang of languages) {
      const dir = path.join(localesDir, lang);
      let files: string[];
      try {
        files = fs.readdirSync(dir).filter((f) => f.endsWith('.json'));
      } catch (err) {
        throw new LocaleLoadError(`locales: cannot read ${dir} for language "${lang}"`, err);
      }
      resources[lang] = {};
      for (const file of files) {
        const ns = file.replace(/\.json$/, '');
        const full = path.join(dir, file);
        try {
          resources[lang]![ns] = JSON.parse(fs.readFileSync(full, 'utf8'));
        } catch (err) {
          throw new LocaleLoadError(`locales: ${full} is not valid JSON: ${(err as Error).message}`, err);
        }
        namespaces.add(ns);
      }
    }
    const instance = i18next.createInstance();
    void instance.init({
      resources: resources as never,
      lng: defaultLanguage,
      supportedLngs: [...languages],
      fallbackLng: defaultLanguage,
      ns: [...namespaces],
      defaultNS: 'common',
      initAsync: false,
      // Every number put into a text ("{{count}} days", "{{total}}") is written in the
      // language's digits (src/i18n/format.ts): one digit system per language.
      interpolation: {
        escapeValue: false,
        alwaysFormat: true,
        format: (value: unknown, _format: string | undefined, lng: string | undefined) =>
          typeof value === 'number' ? formatNumber(value, lng ?? defaultLanguage) : value
      },
      returnNull: false,
      showSupportNotice: false
    } as never);
    return new Localizer(instance, languages, defaultLanguage, [...namespaces]);
  }

  /** The texts of `lang` (an unknown language falls back to the default one). */
  textsIn(lang: string): Texts {
    const resolved = this.isSupported(lang) ? lang : this.defaultLanguage;
    return {
      lang: resolved,
      t: (key, params) => this.t(resolved, key, params),
      list: (key) => this.list(resolved, key),
      has: (key) => this.has(resolved, key)
    };
  }

  /** Translates `key` in `lang` (falls back to the default language for an unknown one). */
  t(lang: string, key: string, params?: TranslateParams): string {
    const withoutParams = params === undefined || isEmpty(params);
    const cacheKey = `${lang}\u0000${key}`;
    if (withoutParams) {
      const known = this.plain.get(cacheKey);
      if (known !== undefined) return known;
    }
    const t = this.fixed.get(lang) ?? this.fixed.get(this.defaultLanguage)!;
    const text = t(key, params as never) as unknown as string;
    if (withoutParams && this.plain.size < MAX_CACHED) this.plain.set(cacheKey, text);
    return text;
  }

  /** Whether `key` exists in `lang` itself (no fallback). */
  has(lang: string, key: string): boolean {
    const [ns, k] = key.includes(':') ? (key.split(/:(.*)/s) as [string, string]) : ['common', key];
    return this.i18n.exists(k, { lng: lang, ns, fallbackLng: false } as never);
  }

  /** A list kept in the locale files as one `|`-separated string (synonyms, command words). */
  list(lang: string, key: string): string[] {
    const cacheKey = `${lang}\u0000${key}`;
    let list = this.lists.get(cacheKey);
    if (!list) {
      list = this.t(lang, key)
        .split('|')
        .map((s) => s.trim())
        .filter((s) => s.length > 0);
      if (this.lists.size < MAX_CACHED) this.lists.set(cacheKey, list);
    }
    return [...list];
  }

  /** The supported language closest to a channel locale, or undefined when none matches. */
  match(locale: string | undefined | null): string | undefined {
    return matchLanguage(locale, this.languages);
  }

  /** The supported language closest to a channel locale, else the default. */
  resolve(locale: string | undefined | null): string {
    return resolveLanguage(locale, this.languages, this.defaultLanguage);
  }

  isSupported(lang: string | undefined | null): lang is string {
    return typeof lang === 'string' && this.languages.includes(lang);
  }
}
