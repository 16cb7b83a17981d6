import type { AssessmentProfile } from '../domain';
import type { Texts } from '../i18n';

/** A skills profile put into words in one language: the chat's card and any page show the same. */
export interface ExplainedProfile {
  title: string;
  areas: { name: string; level: string }[];
  strengthsTitle: string;
  strengths: string[];
  /** Empty when there is nothing to develop. */
  toDevelopTitle: string;
  toDevelop: string[];
  recommendationTitle: string;
  /** May hold `**bold**`. */
  recommendation: string;
}

/** Puts a profile's areas, strengths, areas to develop and recommendation into words. */
export function explainProfile(profile: AssessmentProfile, texts: Texts): ExplainedProfile {
  const { t } = texts;
  const highlight = (h: AssessmentProfile['strengths'][number]): string =>
    `${t(h.kind === 'area' ? `assessment:area.${h.id}` : `assessment:competence.${h.id}`)} (${t(`assessment:level.${h.level}`)})`;
  const params: Record<string, unknown> = { ...profile.recommendation.params };
  if (typeof params.framework === 'string') params.framework = t(`assessment:framework.${params.framework}`);
  return {
    title: t('assessment:result.title'),
    areas: profile.areas.map((a) => ({ name: t(`assessment:area.${a.areaId}`), level: t(`assessment:level.${a.level}`) })),
    strengthsTitle: profile.strengths.length > 0 ? t('assessment:result.strengths') : t('assessment:result.noStrengths'),
    strengths: profile.strengths.map(highlight),
    toDevelopTitle: profile.toDevelop.length > 0 ? t('assessment:result.toDevelop') : '',
    toDevelop: profile.toDevelop.map(highlight),
    // The level in plain words ("Level 4"), never the acronym alone.
    recommendationTitle: `${t('assessment:result.recommendation')} ${t(`trainings:eqf.${profile.recommendation.eqf}`)}`,
    recommendation: t(`assessment:${profile.recommendation.reasonKey}`, params)
  };
}
