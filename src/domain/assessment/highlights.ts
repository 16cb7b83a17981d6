import { averageOf, byMeanDescending, levelOf } from './tally';
import type { Tally } from './tally';
import type { AssessmentRules, ProfileHighlight } from './types';

/** A group that can be highlighted, with its tally. */
export interface HighlightCandidate {
  kind: ProfileHighlight['kind'];
  id: ProfileHighlight['id'];
  framework: ProfileHighlight['framework'];
  tally: Tally;
}

/** A candidate with a known level, and its tally for exact ordering. */
interface Scored {
  highlight: ProfileHighlight;
  tally: Tally;
}

/**
 * Strengths: the areas at level ≥ `strengthMinLevel`, best exact mean first (ties: questionnaire
 * order), at most `maxStrengths`. When no area qualifies, the competences that do, same order:
 * so someone whose areas are all still growing still hears what they do well.
 */
export function pickStrengths(
  areas: readonly HighlightCandidate[],
  competences: readonly HighlightCandidate[],
  profile: AssessmentRules['profile']
): ProfileHighlight[] {
  const isStrength = (s: Scored) => s.highlight.level >= profile.strengthMinLevel;
  const strongAreas = scored(areas).filter(isStrength);
  const pool = strongAreas.length > 0 ? strongAreas : scored(competences).filter(isStrength);
  return [...pool]
    .sort((a, b) => byMeanDescending(a.tally, b.tally))
    .slice(0, profile.maxStrengths)
    .map((s) => s.highlight);
}

/**
 * Areas to develop: the areas with a known level below `strengthMinLevel`, lowest exact mean
 * first (ties: questionnaire order), at most `maxToDevelop`. Areas with no answer are left out:
 * nothing is known about them.
 */
export function pickToDevelop(areas: readonly HighlightCandidate[], profile: AssessmentRules['profile']): ProfileHighlight[] {
  return scored(areas)
    .filter((s) => s.highlight.level < profile.strengthMinLevel)
    .sort((a, b) => byMeanDescending(b.tally, a.tally))
    .slice(0, profile.maxToDevelop)
    .map((s) => s.highlight);
}

/** The candidates with at least one answer, in their order (`sort` is stable, so ties keep it). */
function scored(candidates: readonly HighlightCandidate[]): Scored[] {
  return candidates.flatMap(({ kind, id, framework, tally }) => {
    const level = levelOf(tally);
    const average = averageOf(tally);
    return level === undefined || average === undefined ? [] : [{ highlight: { kind, id, framework, level, average }, tally }];
  });
}
