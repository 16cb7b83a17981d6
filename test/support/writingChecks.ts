import path from 'node:path';
import { languageFormat, type DigitSystem } from '../../src/i18n/format';
import { localeFileLabel, namespacesOf, placeholders, quote, readLocaleFile, type LocaleProblem } from './localeChecks';

/**
 * What a program can check of the style guide (docs/writing.md) in every text of
 * `locales/<lang>/<namespace>.json`: no acronym alone (EQF, CEC…), nothing about tapping or
 * buttons (the same text reaches SMS and other text-only channels), every count through plural
 * forms, one digit system per language, the register chosen for the language, no inclusive
 * middle dots or gender stars. Word lists (`…Words`, `…Synonyms`, `filterWords…`) are what people
 * type, not what they read: they are not checked. Each problem names the file and the key.
 */

/** Namespaces written for the page, not for the chat: checked by the page's own tests. */
const PAGE_NAMESPACES: ReadonlySet<string> = new Set(['webchat']);

/** Lists of words people may type: exempt. */
const WORD_LIST_KEY = /(Words|Synonyms|synonyms)(\.|$)|^filterWords\./;

/** Letters on either side of a word (JavaScript's `\b` knows only ASCII letters). */
const word = (alternatives: string): RegExp => new RegExp(`(?<![\\p{L}\\p{M}])(?:${alternatives})(?![\\p{L}\\p{M}])`, 'iu');

/** Acronyms of qualification frameworks, in any language: say "level 4" and what it means instead. */
const ACRONYMS = word('EQF|CEC|EQR|DQR|NQF|QEQ|QNQ|EKK|AYÇ|ЄКР|CEFR|CECR');

/**
 * Words that tell the person to tap, click or press, or that speak of buttons: on SMS and other
 * text-only channels the choices are a numbered list, so the texts say "choose" and "write".
 */
export const TAP_WORDS: Readonly<Record<string, RegExp>> = {
  fr: word('touche[zr]?|appuye[zr]|clique[zr]?|boutons?'),
  en: word('tap|tapping|click|press|buttons?'),
  de: word('tippen|tippe|klicken|klicke|drücken|buttons?|knopf|knöpfe|schaltflächen?|taste'),
  nl: word('tik|tikken|klik|klikken|druk op|knop|knoppen'),
  pt: word('toque|tocar|clique|clicar|carregue|prima|botão|botões'),
  ro: word('apăsați|apăsa|atingeți|faceți clic|buton|butonul|butoane|butoanele'),
  ar: word('اضغط|اضغطي|انقر|المس|زر|الزر|أزرار|الأزرار|بالأزرار'),
  fa: word('بزنید|کلیک|دکمه|دکمه‌ها|دکمه‌های'),
  ps: word('کېکاږئ|کیکاږئ|کلیک|تڼۍ|تڼیو|تڼۍ'),
  ckb: word('دابگرن|کلیک|دوگمە|دوگمەکان|دوگمەیەک'),
  so: word('riix|riixo|guji|badhan|badhamada'),
  ti: word('ጠውቑ|ጠውቕ|ቁልፊ|ቁልፍታት|ብቁልፍታት'),
  tr: word('dokunun|dokun|tıklayın|tıkla|basın|düğme|düğmeye|düğmelerle|düğmelerden'),
  uk: word('натисніть|натиснути|торкніться|кнопк[аиуоі]|кнопками|кнопок')
};

/**
 * The register chosen for each language that has one to choose (docs/writing.md), and the
 * pronouns of the other one, which must not appear.
 */
export const REGISTERS: Readonly<Record<string, { register: string; forbidden: RegExp }>> = {
  fr: { register: 'vous', forbidden: new RegExp(`${word('tu|toi|ton|ta|tes|te').source}|(?<![\\p{L}])t['’](?=\\p{L})`, 'iu') },
  de: { register: 'Sie', forbidden: word('du|dich|dir|dein|deine|deinen|deinem|deiner|deines') },
  nl: { register: 'je/jij', forbidden: word('u|uw') },
  pt: { register: 'third person (você-less)', forbidden: word('tu|ti|teu|tua|teus|tuas|contigo') },
  ro: { register: 'dumneavoastră (verb forms)', forbidden: word('tu|tău|tale|tăi|ție') },
  tr: { register: 'siz', forbidden: word('sen|seni|sana|senin|sende|senden') },
  uk: { register: 'ви', forbidden: word('ти|тебе|тобі|тобою|твій|твоя|твоє|твої|твого|твоєї|твоїй') },
  ckb: { register: 'ئێوە', forbidden: word('تۆ|تۆش') }
};

/** Romanian: the polite pronoun is said by the verb; written out at most once in a text. */
const ROMANIAN_POLITE = /dumneavoastră/g;

/** Inclusive writing that people who read little stumble on: "Intégrateur·rice", "Entwickler*in". */
const INCLUSIVE_MARKS = /·|\p{L}[*:]innen\b|\p{L}[*:]in\b/u;

/**
 * Placeholders that receive a number of things. Such a number is the `count` of a plural key (so
 * the noun agrees: "1 day", "10 جمل", "19 جملة"), or stands apart from any noun in one of the
 * texts below ("Question 3 of 19", "Answers: 2 of 9").
 */
const COUNTED = new Set(['count', 'total', 'answered', 'skipped', 'weeks', 'hours', 'hoursPerWeek', 'days', 'seats']);
const COUNT_APART: Readonly<Record<string, string>> = {
  'assessment:progress': '"Question {{current}} of {{total}}": a position, no noun agrees with 19',
  'assessment:recommendation.eqf3.tooFewAnswers': '"… answered: {{answered}} of {{total}}": a label and two numbers',
  'trainings:results.page': '"Trainings {{from}} to {{to}} of {{total}}": positions'
};

/** Digits that a text of a language may not contain (numbers come formatted; codes like "A2" keep theirs). */
const OTHER_DIGITS: Readonly<Record<DigitSystem, RegExp>> = {
  latn: /[٠-٩۰-۹]/u,
  arab: /(?<![A-Za-z])[0-9]|[۰-۹]/u,
  arabext: /(?<![A-Za-z])[0-9]|[٠-٩]/u
};

/** A text without its placeholders and nested keys (`$t(assessment:level.1)`). */
function prose(text: string): string {
  return text.replace(/\{\{[^{}]*\}\}/g, ' ').replace(/\$t\([^)]*\)/g, ' ');
}

/** Every problem of the style guide's checkable rules in the chat texts of `languages`. */
export function checkWriting(localesDir: string, languages: readonly string[]): LocaleProblem[] {
  const problems: LocaleProblem[] = [];
  for (const lang of languages) {
    for (const ns of namespacesOf(localesDir, lang)) {
      if (PAGE_NAMESPACES.has(ns)) continue;
      const read = readLocaleFile(path.join(localesDir, lang, `${ns}.json`));
      if (!read.ok) continue; // reported by the locale checks
      const file = localeFileLabel(localesDir, lang, ns);
      const add = (key: string, problem: string) => problems.push({ file, key, problem });
      const texts: [string, string, boolean][] = [];
      for (const [key, value] of read.file.texts) {
        if (read.file.plurals.has(key)) {
          for (const [category, form] of read.file.plurals.get(key)!) if (typeof form === 'string') texts.push([`${key}_${category}`, form, true]);
        } else if (typeof value === 'string') texts.push([key, value, false]);
      }
      for (const [key, text, plural] of texts) {
        if (WORD_LIST_KEY.test(key)) continue;
        const shown = prose(text);
        if (ACRONYMS.test(shown)) add(key, `an acronym alone (${ACRONYMS.exec(shown)![0]}): say "level 4" and what it means: ${quote(text)}`);
        const tap = TAP_WORDS[lang]?.exec(shown);
        if (tap) add(key, `speaks of tapping or buttons ("${tap[0]}"), but texts also reach SMS: say "choose" or "write": ${quote(text)}`);
        const digits = OTHER_DIGITS[languageFormat(lang).digits].exec(shown);
        if (digits) add(key, `digit "${digits[0]}" is not of ${lang}'s digit system (${languageFormat(lang).digits}): ${quote(text)}`);
        const register = REGISTERS[lang];
        const other = register?.forbidden.exec(shown);
        if (register && other) add(key, `"${other[0]}" is not the register chosen for ${lang} (${register.register}): ${quote(text)}`);
        if (lang === 'ro' && (shown.match(ROMANIAN_POLITE)?.length ?? 0) > 1) add(key, `"dumneavoastră" more than once: let the verb say it: ${quote(text)}`);
        if (INCLUSIVE_MARKS.test(shown)) add(key, `inclusive marks ("·", "*in") are hard to read: write both words or a neutral one: ${quote(text)}`);
        const fullKey = `${ns}:${key.replace(/_(zero|one|two|few|many|other)$/, '')}`;
        const counted = placeholders(text).filter((name) => COUNTED.has(name));
        if (!plural && counted.length > 0 && !(fullKey in COUNT_APART)) {
          add(key, `counts (${counted.map((n) => `{{${n}}}`).join(' ')}) outside plural forms: make it a plural key with {{count}}, or a label and a number: ${quote(text)}`);
        }
      }
    }
  }
  return problems;
}
