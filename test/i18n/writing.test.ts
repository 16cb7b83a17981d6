import path from 'node:path';
import { SHIPPED_LANGUAGES } from '../../src/config';
import { Localizer } from '../../src/i18n';
import { discoverLanguages, expectsNamespace, formatProblem, localeFileLabel, namespacesOf, REFERENCE_LANGUAGE } from '../support/localeChecks';
import { useLocalesCopy, type Json } from '../support/localesCopy';
import { checkWriting } from '../support/writingChecks';

/**
 * The style guide's checkable rules (docs/writing.md), one test per language and namespace
 * listing every problem of that file (the rules: test/support/writingChecks.ts).
 */

const LOCALES_DIR = path.resolve(__dirname, '..', '..', 'locales');
const LANGUAGES = discoverLanguages(LOCALES_DIR, SHIPPED_LANGUAGES);
const FILES = LANGUAGES.flatMap((lang) => namespacesOf(LOCALES_DIR, REFERENCE_LANGUAGE).filter((ns) => ns !== 'webchat' && expectsNamespace(lang, ns)).map((ns) => localeFileLabel(LOCALES_DIR, lang, ns)));

describe('every chat text follows the style guide', () => {
  const problems = checkWriting(LOCALES_DIR, LANGUAGES);
  it.each(FILES)('%s: no acronym alone, no "tap", counts in plural forms, its digits, its register', (file) => {
    expect(problems.filter((p) => p.file === file).map(formatProblem)).toEqual([]);
  });
});

describe('the printable profile names the levels as the table does', () => {
  const localizer = Localizer.load(LOCALES_DIR, LANGUAGES, REFERENCE_LANGUAGE);
  it.each(LANGUAGES)('%s', (lang) => {
    const footer = localizer.t(lang, 'assessment:page.footer');
    const missing = ['1', '2', '3', '4'].map((level) => localizer.t(lang, `assessment:level.${level}`)).filter((label) => !footer.includes(label));
    expect({ footer, missing }).toEqual({ footer, missing: [] });
  });
});

describe('the writing checks can fail', () => {
  const copy = useLocalesCopy();
  const problemOf = (lang: string, key: string) =>
    checkWriting(copy.dir, [lang])
      .filter((p) => p.key === key)
      .map((p) => p.problem);

  it.each<[string, string, string, (j: Json) => void, RegExp]>([
    ['an acronym alone', 'en', 'trainings', (j) => { j.eqf['3'] = 'EQF level 3'; }, /acronym alone \(EQF\)/],
    ['"tap a button"', 'en', 'common', (j) => { j.retry.yesNo = 'Please answer yes or no, or tap a button.'; }, /tapping or buttons \("tap"\)/],
    ['"touchez un bouton"', 'fr', 'common', (j) => { j.retry.yesNo = 'Répondez oui ou non, ou touchez un bouton.'; }, /tapping or buttons/],
    ['Latin digits in Persian', 'fa', 'eligibility', (j) => { j.askAge = 'چند سال دارید؟ (مثلاً 22)'; }, /digit "2" is not of fa's digit system \(arabext\)/],
    ['Persian digits in Arabic', 'ar', 'eligibility', (j) => { j.askAge = 'كم عمرك؟ (مثلًا ۲۲)'; }, /digit "۲" is not of ar's digit system \(arab\)/],
    ['"u" in Dutch', 'nl', 'common', (j) => { j.restarted = 'Oké, we beginnen opnieuw met u.'; }, /"u" is not the register chosen for nl/],
    ['"tu" in French', 'fr', 'common', (j) => { j.restarted = "D'accord, tu recommences."; }, /"tu" is not the register chosen for fr/],
    ['"dumneavoastră" twice', 'ro', 'common', (j) => { j.restarted = 'Bine, dumneavoastră și dumneavoastră.'; }, /more than once/],
    ['a middle dot', 'fr', 'menu', (j) => { j.ask = 'Que voulez-vous faire, cher·e ami·e ?'; }, /inclusive marks/]
  ])('reports %s, naming the file', (_label, lang, ns, change, problem) => {
    copy.editJson(`${lang}/${ns}.json`, change);
    const found = checkWriting(copy.dir, [lang])
      .filter((p) => p.file === `locales/${lang}/${ns}.json`)
      .map((p) => p.problem);
    expect(found).toContainEqual(expect.stringMatching(problem));
  });

  it('reports a count outside plural forms', () => {
    copy.editJson('en/consent.json', (j) => { j.granted = 'Thank you. I will keep {{count}} answers.'; });
    expect(problemOf('en', 'granted')).toEqual([expect.stringMatching(/counts \(\{\{count\}\}\) outside plural forms/)]);
  });
});
