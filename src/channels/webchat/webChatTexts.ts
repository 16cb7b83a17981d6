import fs from 'node:fs';
import path from 'node:path';
import { LocaleLoadError, matchLanguage } from '../../i18n';

/** The keys of `locales/<lang>/webchat.json`: the few texts of the page around the chat. */
export const WEBCHAT_TEXT_KEYS = ['title', 'language', 'loading', 'error', 'retry', 'placeholder', 'send'] as const;
export type WebChatTextKey = (typeof WEBCHAT_TEXT_KEYS)[number];
export type WebChatTexts = Record<WebChatTextKey, string>;

/** A language of the page's picker. */
export interface WebChatLanguage {
  code: string;
  /** Its name in itself (`locales/languages.json`). */
  name: string;
  dir: 'ltr' | 'rtl';
  /** The locale given to Web Chat and sent as `activity.locale`: a region where Web Chat has its own strings. */
  webChatLocale: string;
}

/** Languages for which Web Chat ships its own interface strings, by the region it names them. */
const WEBCHAT_REGIONS: Record<string, string> = {
  fr: 'fr-FR',
  en: 'en-US',
  de: 'de-DE',
  nl: 'nl-NL',
  pt: 'pt-PT',
  ro: 'ro-RO',
  ar: 'ar-SA',
  tr: 'tr-TR',
  uk: 'uk-UA'
};

export interface WebChatCatalogue {
  /** Every language of `locales/languages.json`, in its order. */
  languages: WebChatLanguage[];
  texts: Record<string, WebChatTexts>;
}

/**
 * Reads the page's languages (`locales/languages.json`) and their texts
 * (`locales/<lang>/webchat.json`). A missing file or key stops start-up naming it.
 */
export function loadWebChatCatalogue(localesDir: string): WebChatCatalogue {
  const listFile = path.join(localesDir, 'languages.json');
  let list: { languages: Record<string, { name: string; direction: string }> };
  try {
    list = JSON.parse(fs.readFileSync(listFile, 'utf8')) as typeof list;
  } catch (err) {
    throw new LocaleLoadError(`locales: cannot read ${listFile}: ${(err as Error).message}`, err);
  }
  const languages: WebChatLanguage[] = [];
  const texts: Record<string, WebChatTexts> = {};
  for (const [code, info] of Object.entries(list.languages)) {
    const file = path.join(localesDir, code, 'webchat.json');
    let raw: Record<string, unknown>;
    try {
      raw = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    } catch (err) {
      throw new LocaleLoadError(`locales: cannot read ${file}: ${(err as Error).message}`, err);
    }
    for (const key of WEBCHAT_TEXT_KEYS) {
      if (typeof raw[key] !== 'string' || (raw[key] as string).trim() === '') {
        throw new LocaleLoadError(`locales: ${file} has no text for "${key}"`);
      }
    }
    texts[code] = Object.fromEntries(WEBCHAT_TEXT_KEYS.map((k) => [k, raw[k] as string])) as WebChatTexts;
    languages.push({ code, name: info.name, dir: info.direction === 'rtl' ? 'rtl' : 'ltr', webChatLocale: WEBCHAT_REGIONS[code] ?? code });
  }
  return { languages, texts };
}

/**
 * The first language of an `Accept-Language` header (by q-value, then order) that the page
 * has, or undefined.
 */
export function languageFromAcceptLanguage(header: string | undefined, codes: readonly string[]): string | undefined {
  const ranges = (header ?? '')
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: (tag ?? '').trim(), q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((r) => r.tag && r.tag !== '*' && Number.isFinite(r.q) && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const range of ranges) {
    const match = matchLanguage(range.tag, codes);
    if (match) return match;
  }
  return undefined;
}
