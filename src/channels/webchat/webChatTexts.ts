import fs from 'node:fs';
import path from 'node:path';
import { LocaleLoadError, matchLanguage } from '../../i18n';
import { webChatDates, type PluralForms, type WebChatDates } from './webChatDates';
import { WEB_CHAT_STRING_IDS, webChatTokens, type WebChatStrings } from './webChatStrings';

/** The keys of `locales/<lang>/webchat.json` for the page around the chat. */
export const WEBCHAT_TEXT_KEYS = ['title', 'language', 'loading', 'error', 'retry', 'forget', 'forgetConfirm'] as const;
export type WebChatTextKey = (typeof WEBCHAT_TEXT_KEYS)[number];
export type WebChatTexts = Record<WebChatTextKey, string>;

/** The plural texts of `webchat.json` that Web Chat's timestamps use ("5 minutes ago"). */
const RELATIVE_TIME_KEYS = ['minutesAgo', 'hoursAgo'] as const;

/** A language of the page's picker. */
export interface WebChatLanguage {
  code: string;
  /** Its name in itself (`locales/languages.json`). */
  name: string;
  dir: 'ltr' | 'rtl';
  /** The locale given to Web Chat and sent as `activity.locale`. */
  webChatLocale: string;
}

/** Everything the page shows in one language: its own texts, Web Chat's, and how to write times. */
export interface WebChatBundle {
  texts: WebChatTexts;
  /** Web Chat's interface strings (`overrideLocalizedStrings`). */
  webChat: WebChatStrings;
  dates: WebChatDates;
}

/**
 * The region Web Chat names a language by, where it has one; other languages are given by their
 * code (Web Chat then uses our strings and dates only).
 */
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

/** The language whose Web Chat strings the others are checked against (placeholders). */
const REFERENCE_LANGUAGE = 'en';

export interface WebChatCatalogue {
  /** Every language of `locales/languages.json`, in its order. */
  languages: WebChatLanguage[];
  bundles: Record<string, WebChatBundle>;
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function readJson(file: string): Record<string, unknown> {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch (err) {
    throw new LocaleLoadError(`locales: cannot read ${file}: ${(err as Error).message}`, err);
  }
}

/** The forms of a plural text (`minutesAgo_one`, `minutesAgo_other`…) of a file. */
function pluralForms(raw: Record<string, unknown>, key: string, file: string): PluralForms {
  const forms: Partial<Record<Intl.LDMLPluralRule, string>> = {};
  for (const [name, value] of Object.entries(raw)) {
    const m = new RegExp(`^${key}_(zero|one|two|few|many|other)$`).exec(name);
    if (m && isText(value)) forms[m[1] as Intl.LDMLPluralRule] = value;
  }
  if (!forms.other) throw new LocaleLoadError(`locales: ${file} has no text for "${key}_other"`);
  return forms;
}

/** Web Chat's strings of a file: every id, as a text keeping the reference's placeholders. */
function webChatStrings(raw: unknown, file: string, reference: WebChatStrings | undefined): WebChatStrings {
  const given = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const strings = {} as WebChatStrings;
  for (const id of WEB_CHAT_STRING_IDS) {
    const text = given[id];
    if (!isText(text)) throw new LocaleLoadError(`locales: ${file} has no text for "webChat.${id}"`);
    const expected = reference ? webChatTokens(reference[id]) : undefined;
    if (expected && webChatTokens(text).join() !== expected.join()) {
      throw new LocaleLoadError(`locales: ${file}: "webChat.${id}" must keep ${expected.join(' ') || 'no placeholder'} (found ${webChatTokens(text).join(' ') || 'none'})`);
    }
    strings[id] = text;
  }
  return strings;
}

/**
 * Reads the page's languages (`locales/languages.json`) and, for each, `locales/<lang>/webchat.json`:
 * the page's texts, Web Chat's strings and the "minutes/hours ago" texts, with the date data of
 * the language. A missing file or text, or a Web Chat string that lost a placeholder, stops
 * start-up naming it.
 */
export function loadWebChatCatalogue(localesDir: string): WebChatCatalogue {
  const list = readJson(path.join(localesDir, 'languages.json')) as { languages: Record<string, { name: string; direction: string }> };
  const codes = Object.keys(list.languages);
  // The reference language first, so the others' placeholders can be checked against it.
  const order = codes.includes(REFERENCE_LANGUAGE) ? [REFERENCE_LANGUAGE, ...codes.filter((c) => c !== REFERENCE_LANGUAGE)] : codes;
  const bundles: Record<string, WebChatBundle> = {};
  for (const code of order) {
    const file = path.join(localesDir, code, 'webchat.json');
    const raw = readJson(file);
    for (const key of WEBCHAT_TEXT_KEYS) {
      if (!isText(raw[key])) throw new LocaleLoadError(`locales: ${file} has no text for "${key}"`);
    }
    const [minutesAgo, hoursAgo] = RELATIVE_TIME_KEYS.map((key) => pluralForms(raw, key, file)) as [PluralForms, PluralForms];
    bundles[code] = {
      texts: Object.fromEntries(WEBCHAT_TEXT_KEYS.map((k) => [k, raw[k] as string])) as WebChatTexts,
      webChat: webChatStrings(raw.webChat, file, bundles[REFERENCE_LANGUAGE]?.webChat),
      dates: webChatDates(code, { minutesAgo, hoursAgo })
    };
  }
  const languages = Object.entries(list.languages).map(
    ([code, info]): WebChatLanguage => ({ code, name: info.name, dir: info.direction === 'rtl' ? 'rtl' : 'ltr', webChatLocale: WEBCHAT_REGIONS[code] ?? code })
  );
  return { languages, bundles };
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
