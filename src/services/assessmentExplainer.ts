import type { Activity, Attachment } from 'botbuilder';
import type { Localizer } from '../i18n';
import type { AssessmentProfile, TrainingRecommendation } from '../domain';
import { TrainingPresenter } from '../../dialogs/presenters/trainingPresenter';

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

/** The parts of a profile in words, shared by the card and the printable page. */
interface ProfileWords {
  title: string;
  areas: { name: string; level: string }[];
  strengthsTitle: string;
  strengths: string[];
  toDevelopTitle: string;
  toDevelop: string[];
  recommendationTitle: string;
  recommendation: string;
}

function profileWords(profile: AssessmentProfile, lang: string, localizer: Localizer): ProfileWords {
  const t = (key: string, params?: Record<string, unknown>): string => localizer.t(lang, key, params);
  const highlight = (h: AssessmentProfile['strengths'][number]): string =>
    `${t(h.kind === 'area' ? `assessment:area.${h.id}` : `assessment:competence.${h.id}`)} (${t(`assessment:level.${h.level}`)})`;
  const params = { ...profile.recommendation.params };
  if (typeof params.framework === 'string') params.framework = t(`assessment:framework.${params.framework}`);
  return {
    title: t('assessment:result.title'),
    areas: profile.areas.map((a) => ({ name: t(`assessment:area.${a.areaId}`), level: t(`assessment:level.${a.level}`) })),
    strengthsTitle: profile.strengths.length > 0 ? t('assessment:result.strengths') : t('assessment:result.noStrengths'),
    strengths: profile.strengths.map(highlight),
    toDevelopTitle: profile.toDevelop.length > 0 ? t('assessment:result.toDevelop') : '',
    toDevelop: profile.toDevelop.map(highlight),
    recommendationTitle: `${t('assessment:result.recommendation')} EQF ${profile.recommendation.eqf}`,
    recommendation: t(`assessment:${profile.recommendation.reasonKey}`, params)
  };
}

/**
 * The profile as an Adaptive Card (schema 1.3: Web Chat, Direct Line, the Emulator, Teams).
 * Channels without Adaptive Cards get the same content as text from the rendering step.
 */
export function profileCard(profile: AssessmentProfile, lang: string, localizer: Localizer): Attachment {
  const w = profileWords(profile, lang, localizer);
  const block = (text: string, extra: Record<string, unknown> = {}) => ({ type: 'TextBlock', text, wrap: true, ...extra });
  const body: unknown[] = [
    block(w.title, { weight: 'Bolder', size: 'Medium' }),
    { type: 'FactSet', facts: w.areas.map((a) => ({ title: a.name, value: a.level })) },
    block(w.strengthsTitle, { weight: 'Bolder', spacing: 'Medium' }),
    ...w.strengths.map((s) => block(`• ${s}`, { spacing: 'None' }))
  ];
  if (w.toDevelopTitle) body.push(block(w.toDevelopTitle, { weight: 'Bolder', spacing: 'Medium' }), ...w.toDevelop.map((s) => block(`• ${s}`, { spacing: 'None' })));
  body.push(block(w.recommendationTitle, { weight: 'Bolder', spacing: 'Medium', color: 'Accent' }), block(w.recommendation));
  return {
    contentType: 'application/vnd.microsoft.card.adaptive',
    content: { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.3', lang, body }
  };
}

/** The chat messages that close an assessment: the profile, the link (or why there is none), matching trainings. */
export function formatAssessmentSummary(input: AssessmentSummaryInput): Partial<Activity>[] {
  const { profile, lang, localizer, link, linkValidityDays, trainings } = input;
  const t = (key: string, params?: Record<string, unknown>): string => localizer.t(lang, key, params);
  const presenter = new TrainingPresenter(localizer);
  const messages: string[] = [];
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
  return [
    { type: 'message', attachments: [profileCard(profile, lang, localizer)] },
    ...messages.map((text): Partial<Activity> => ({ type: 'message', text }))
  ];
}
