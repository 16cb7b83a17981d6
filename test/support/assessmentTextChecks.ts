import path from 'node:path';
import { ASSESSMENT_NAMESPACE, assessmentTextKeys, type Questionnaire } from '../../src/domain/assessment';
import { Localizer } from '../../src/i18n/localizer';
import { isNonEmptyText, localeFileLabel, quote, readLocaleFile, type LocaleProblem } from './localeChecks';

/**
 * Checks of the skills-test texts (locales/<lang>/assessment.json) against the questionnaires:
 * every key the questionnaires and the scoring need (`assessmentTextKeys`) is a non-empty text
 * that the Localizer finds and renders as written, and no item text is left for an item that no
 * questionnaire has. (Same keys and placeholders as English: checkLocales, localeChecks.ts.)
 */
export function checkAssessmentTexts(localesDir: string, questionnaires: readonly Questionnaire[], languages: readonly string[]): LocaleProblem[] {
  const required = assessmentTextKeys(questionnaires);
  const itemIds = new Set(questionnaires.flatMap((q) => q.items.map((i) => i.id)));
  const problems: LocaleProblem[] = [];
  for (const lang of languages) {
    const file = localeFileLabel(localesDir, lang, ASSESSMENT_NAMESPACE);
    const add = (key: string, problem: string) => problems.push({ file, key, problem });
    const read = readLocaleFile(path.join(localesDir, lang, `${ASSESSMENT_NAMESPACE}.json`));
    if (!read.ok) {
      add('', read.problem);
      continue;
    }
    const { texts } = read.file;
    let localizer: Localizer | undefined;
    try {
      localizer = Localizer.load(localesDir, [lang], lang);
    } catch (err) {
      add('', `the Localizer cannot load ${lang}: ${(err as Error).message}`);
    }
    for (const key of required) {
      const text = texts.get(key);
      if (!isNonEmptyText(text)) {
        add(key, 'missing or empty: the questionnaires need it');
        continue;
      }
      const fullKey = `${ASSESSMENT_NAMESPACE}:${key}`;
      if (!localizer) continue;
      if (!localizer.has(lang, fullKey)) add(key, `the Localizer does not find ${fullKey}`);
      else if (localizer.t(lang, fullKey) !== text) add(key, `the Localizer renders it as ${quote(localizer.t(lang, fullKey))}, not as written`);
    }
    const stale = new Set([...texts.keys()].filter((k) => k.startsWith('item.')).map((k) => k.split('.')[1]!));
    for (const id of stale) if (!itemIds.has(id)) add(`item.${id}`, 'text for an item that no questionnaire has');
  }
  return problems;
}
