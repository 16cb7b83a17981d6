import type { Activity } from 'botbuilder';
import type { Localizer } from '../i18n';
import type { AssessmentProfile, TrainingRecommendation } from '../domain';
import { TrainingPresenter } from './trainingPresenter';

/** What the summary shows. */
export interface AssessmentSummaryInput {
  profile: AssessmentProfile;
  lang: string;
  localizer: Localizer;
  /** Link to the printable profile (only when the profile is kept). */
  link: string | undefined;
  linkValidityDays: number;
  trainings: readonly TrainingRecommendation[];
}

/** A profile put into words: per-area levels, strengths, areas to develop, recommended EQF level. */
export function describeProfile(profile: AssessmentProfile, lang: string, localizer: Localizer): string {
  const t = (key: string, params?: Record<string, unknown>): string => localizer.t(lang, key, params);
  const highlight = (h: AssessmentProfile['strengths'][number]): string =>
    `• ${t(h.kind === 'area' ? `assessment:area.${h.id}` : `assessment:competence.${h.id}`)} (${t(`assessment:level.${h.level}`)})`;
  const areas = profile.areas.map((a) => `• ${t('assessment:result.areaLine', { area: t(`assessment:area.${a.areaId}`), level: t(`assessment:level.${a.level}`) })}`);
  const recommendationParams = { ...profile.recommendation.params };
  if (typeof recommendationParams.framework === 'string') recommendationParams.framework = t(`assessment:framework.${recommendationParams.framework}`);
  return [
    `**${t('assessment:result.title')}**`,
    areas.join('\n'),
    profile.strengths.length > 0 ? [t('assessment:result.strengths'), ...profile.strengths.map(highlight)].join('\n') : t('assessment:result.noStrengths'),
    profile.toDevelop.length > 0 ? [t('assessment:result.toDevelop'), ...profile.toDevelop.map(highlight)].join('\n') : '',
    `${t('assessment:result.recommendation')} **EQF ${profile.recommendation.eqf}**\n${t(`assessment:${profile.recommendation.reasonKey}`, recommendationParams)}`
  ]
    .filter((block) => block.length > 0)
    .join('\n\n');
}

/** The chat messages that close an assessment: the profile, the link (or why there is none), matching trainings. */
export function formatAssessmentSummary(input: AssessmentSummaryInput): Partial<Activity>[] {
  const { profile, lang, localizer, link, linkValidityDays, trainings } = input;
  const t = (key: string, params?: Record<string, unknown>): string => localizer.t(lang, key, params);
  const presenter = new TrainingPresenter(localizer);
  const messages: string[] = [describeProfile(profile, lang, localizer)];
  messages.push(
    link
      ? `${t('assessment:result.link', { validity: t('assessment:linkValidity', { count: linkValidityDays }), url: link })}\n${t('assessment:result.keep')}`
      : t('assessment:result.notKept')
  );
  messages.push(
    trainings.length > 0
      ? [
          t('assessment:result.trainingsIntro'),
          ...trainings.map((r) => [presenter.summaryLine(r.training, lang, r.nextStart), ...presenter.reasons(r.reasons, lang).map((x) => `  ✓ ${x}`)].join('\n'))
        ].join('\n\n')
      : t('assessment:result.noTrainings')
  );
  return messages.map((text) => ({ type: 'message', text }));
}
