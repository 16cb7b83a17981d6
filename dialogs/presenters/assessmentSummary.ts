import type { Activity, Attachment } from 'botbuilder';
import type { AssessmentProfile, TrainingRecommendation } from '../../src/domain';
import type { Texts } from '../../src/i18n';
import { explainProfile } from '../../src/services/assessmentExplainer';
import { TrainingPresenter } from './trainingPresenter';

/** What the summary shows. */
export interface AssessmentSummaryInput {
  profile: AssessmentProfile;
  texts: Texts;
  /** Link to the printable profile (only when the profile is kept). */
  link: string | undefined;
  linkValidityDays: number;
  trainings: readonly TrainingRecommendation[];
}

/**
 * The profile as an Adaptive Card (schema 1.3: Web Chat, Direct Line, the Emulator, Teams).
 * Channels without Adaptive Cards get the same content as text from the rendering step.
 */
export function profileCard(profile: AssessmentProfile, texts: Texts): Attachment {
  const w = explainProfile(profile, texts);
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
    content: { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.3', lang: texts.lang, body }
  };
}

/** The chat messages that close an assessment: the profile, the link (or why there is none), matching trainings. */
export function assessmentSummary(input: AssessmentSummaryInput): Partial<Activity>[] {
  const { profile, texts, link, linkValidityDays, trainings } = input;
  const { t } = texts;
  const presenter = new TrainingPresenter();
  const messages: string[] = [
    link
      ? `${t('assessment:result.link', { validity: t('assessment:linkValidity', { count: linkValidityDays }), url: link })}\n${t('assessment:result.keep')}`
      : t('assessment:result.notKept'),
    trainings.length > 0
      ? [t('assessment:result.trainingsIntro'), ...trainings.map((r) => presenter.recommendation(r, texts))].join('\n\n')
      : t('assessment:result.noTrainings')
  ];
  return [
    { type: 'message', attachments: [profileCard(profile, texts)] },
    ...messages.map((text): Partial<Activity> => ({ type: 'message', text }))
  ];
}
