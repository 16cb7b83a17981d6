import { unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SHIPPED_LANGUAGES } from '../../src/config';
import { ELIGIBILITY_NAMESPACE, ELIGIBILITY_REASON_KEYS } from '../../src/domain/eligibility/messageKeys';
import { REFERENCE_LANGUAGE, checkLocales, discoverLanguages, formatProblem, type LocaleProblem } from '../support/localeChecks';
import { useLocalesCopy, type Json } from '../support/localesCopy';

/**
 * The locale checks (test/support/localeChecks.ts) can fail: a copy of locales/ broken in one way
 * is reported, naming the file and the key.
 */

const REQUIRED_KEY = ELIGIBILITY_REASON_KEYS[0]!;
const copy = useLocalesCopy();
const { editJson } = copy;

function check(languages = discoverLanguages(copy.dir, SHIPPED_LANGUAGES)): LocaleProblem[] {
  return checkLocales(copy.dir, {
    languages,
    required: [{ ns: ELIGIBILITY_NAMESPACE, keys: [REQUIRED_KEY], source: 'ELIGIBILITY_REASON_KEYS' }]
  });
}

it('a faithful copy of locales/ has no problem', () => {
  expect(check().map(formatProblem)).toEqual([]);
});

it.each<[string, () => void, string, string, RegExp]>([
  ['a deleted key', () => editJson('de/common.json', (j) => { delete j.retry.noText; }), 'locales/de/common.json', 'retry.noText', /^missing \(en: "Sorry, I did not get an answer\."\)$/],
  ['a text left in English', () => editJson('fr/common.json', (j) => { j.restarted = "OK, let's start again."; }), 'locales/fr/common.json', 'restarted', /^left in English: "OK, let's start again\."$/],
  ['a renamed placeholder', () => editJson('nl/common.json', (j) => { j.retry.notUnderstood = 'Sorry, ik begrijp “{{antwoord}}” niet.'; }), 'locales/nl/common.json', 'retry.notUnderstood', /^has \{\{antwoord\}\}, en has \{\{answer\}\}$/],
  ['a dropped placeholder', () => editJson('ro/common.json', (j) => { j.retry.notUnderstood = 'Nu am înțeles.'; }), 'locales/ro/common.json', 'retry.notUnderstood', /^has no placeholder, en has \{\{answer\}\}$/],
  ['a dropped plural form', () => editJson('ar/common.json', (j) => { delete j.years_few; }), 'locales/ar/common.json', 'years', /^plural forms many, one, other, two, zero; ar needs exactly few, many, one, other, two, zero \(CLDR\)$/],
  ['a plural form of another language', () => editJson('de/common.json', (j) => { j.years_few = '{{count}} Jahre'; }), 'locales/de/common.json', 'years', /^plural forms few, one, other; de needs exactly one, other \(CLDR\)$/],
  ['a plural form with an unknown placeholder', () => editJson('fr/common.json', (j) => { j.years_one = '{{n}} an'; }), 'locales/fr/common.json', 'years_one', /^has \{\{n\}\}, which en's years_other does not have$/],
  ['an empty item in a |-separated list', () => editJson('en/common.json', (j) => { j.commands.help = 'help||/help'; }), 'locales/en/common.json', 'commands.help', /^item #2 of the \|-separated list is empty$/],
  ['an extra key', () => editJson('tr/menu.json', (j) => { j.leftOver = 'Eski metin'; }), 'locales/tr/menu.json', 'leftOver', /^extra key: en has no such key$/],
  ['an empty text', () => editJson('uk/common.json', (j) => { j.yes = '  '; }), 'locales/uk/common.json', 'yes', /^empty text$/],
  ['a number instead of a text', () => editJson('ps/common.json', (j) => { j.no = 0; }), 'locales/ps/common.json', 'no', /^not a text \(found a number\)$/],
  ['a file that is not JSON', () => writeFileSync(path.join(copy.dir, 'uk/consent.json'), '{ "notice": '), 'locales/uk/consent.json', '', /^not valid JSON: /],
  ['a file that is a JSON array', () => writeFileSync(path.join(copy.dir, 'so/menu.json'), '[]'), 'locales/so/menu.json', '', /^not a JSON object \(found an array\)$/],
  ['a deleted namespace file', () => unlinkSync(path.join(copy.dir, 'so/webchat.json')), 'locales/so/webchat.json', '', /^file missing$/],
  ['a namespace English does not have', () => writeFileSync(path.join(copy.dir, 'ti/extra.json'), '{}'), 'locales/ti/extra.json', '', /^extra file: en has no extra\.json$/],
  ['console texts in a language the console does not have', () => writeFileSync(path.join(copy.dir, 'ar/console.json'), '{}'), 'locales/ar/console.json', '', /^extra file: console texts exist only in fr, en, de, nl, pt, ro$/],
  ['a console file deleted in a console language', () => unlinkSync(path.join(copy.dir, 'nl/console.json')), 'locales/nl/console.json', '', /^file missing$/],
  ['a console text left in English', () => editJson('de/console.json', (j) => { (j.queue as Json).empty = 'No referral matches these filters.'; }), 'locales/de/console.json', 'queue.empty', /^left in English/],
  ['a key the domain uses, deleted in every language', () => {
    for (const lang of discoverLanguages(copy.dir, SHIPPED_LANGUAGES)) {
      editJson(`${lang}/eligibility.json`, (j) => {
        const parts = REQUIRED_KEY.split('.');
        const parent = parts.slice(0, -1).reduce<Json>((node, part) => node[part] as Json, j);
        delete parent[parts[parts.length - 1]!];
      });
    }
  }, 'locales/en/eligibility.json', REQUIRED_KEY, /^missing: the code uses it \(ELIGIBILITY_REASON_KEYS\)$/],
  ['a key the Localizer cannot reach (":" is its namespace separator)', () => {
    for (const lang of discoverLanguages(copy.dir, SHIPPED_LANGUAGES)) editJson(`${lang}/menu.json`, (j) => { j['see:also'] = lang; });
  }, 'locales/en/menu.json', 'see:also', /^the Localizer does not find menu:see:also$/],
  ['a plural text that does not render for some counts', () => editJson('ar/common.json', (j) => { j.years_few = '{{count سنوات'; }), 'locales/ar/common.json', 'years', /^with count 3 renders with a placeholder left unfilled: "\{\{count سنوات"$/]
])('reports %s, naming the file and the key', (_label, breakCopy, file, key, problem) => {
  breakCopy();
  // The problems of one language's file depend only on it and the reference language.
  const lang = file.split('/')[1]!;
  expect(check([...new Set([REFERENCE_LANGUAGE, lang])])).toContainEqual({ file, key, problem: expect.stringMatching(problem) });
});

it('reports every problem at once, one line each', () => {
  editJson('de/common.json', (j) => {
    delete j.yes;
    j.no = 'No';
    j.retry.notUnderstood = '{{x}}';
  });
  editJson('fr/menu.json', (j) => { j.extra = 'en trop'; });
  expect(check().map(formatProblem)).toEqual([
    'locales/de/common.json: yes: missing (en: "Yes")',
    'locales/de/common.json: retry.notUnderstood: has {{x}}, en has {{answer}}',
    'locales/fr/menu.json: extra: extra key: en has no such key'
  ]);
});
