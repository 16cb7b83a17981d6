import { isRightToLeft, type Texts } from '../../src/i18n';
import type { CriterionStatus } from '../../src/domain';
import type { ExplainedProgramme } from '../../src/services/eligibilityExplainer';

const STATUS_MARK: Record<CriterionStatus, string> = { met: '✅', missing: '❌', review: '❔' };

/**
 * The chat message for an explained result: one block per programme. When a programme is out
 * of reach, questions that were not asked (e.g. the camp project of someone not in a camp) are
 * left out: they would only add noise. The walk-in API returns every criterion.
 */
export function eligibilityResultMessage(programmes: ExplainedProgramme[], texts: Texts): string {
  // "What next" points the way the text reads.
  const next = isRightToLeft(texts.lang) ? '⬅️' : '➡️';
  const blocks = programmes.map((p) =>
    [
      texts.t('eligibility:programmeLine', { programme: p.programmeName, outcome: p.outcomeText }),
      ...p.criteria.filter((c) => !(p.outcome === 'not_eligible' && c.reasonKey.endsWith('.noAnswer'))).map((c) => `${STATUS_MARK[c.status]} ${c.text}`),
      `${next} ${p.nextStepText}`
    ].join('\n')
  );
  return [texts.t('eligibility:resultIntro'), ...blocks].join('\n\n');
}
