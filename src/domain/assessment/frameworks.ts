/**
 * The European reference frameworks the self-assessment draws on, as areas and competences.
 * These are published facts (JRC / European Commission), not programme content: the
 * questionnaires in `content/questionnaires.json` pick items from them, and the content schema
 * checks that each item's area belongs to its framework and its competence to its area.
 *
 * Ids are i18n-safe (letters, digits and `_`; no `.` or `:`), so they can be used as they are in
 * keys such as `assessment:area.<areaId>`. Each id starts with its framework.
 */

/** Frameworks, in the order a profile lists them. */
export const FRAMEWORK_IDS = ['lifecomp', 'digcomp', 'entrecomp'] as const;
export type FrameworkId = (typeof FRAMEWORK_IDS)[number];

/**
 * Framework → area → competences, in the frameworks' own order.
 *
 * - LifeComp (2020): 3 areas × 3 competences (P1–P3, S1–S3, L1–L3).
 * - DigComp 2.2 (2022): 5 areas, 21 competences (1.1 … 5.4).
 * - EntreComp (2016): 3 areas × 5 competences (1.1 … 3.5).
 */
export const FRAMEWORK_TAXONOMY = {
  lifecomp: {
    lifecomp_personal: ['lifecomp_selfRegulation', 'lifecomp_flexibility', 'lifecomp_wellbeing'],
    lifecomp_social: ['lifecomp_empathy', 'lifecomp_communication', 'lifecomp_collaboration'],
    lifecomp_learning: ['lifecomp_growthMindset', 'lifecomp_criticalThinking', 'lifecomp_managingLearning']
  },
  digcomp: {
    digcomp_information: ['digcomp_browsing', 'digcomp_evaluating', 'digcomp_managingData'],
    digcomp_communication: [
      'digcomp_interacting',
      'digcomp_sharing',
      'digcomp_citizenship',
      'digcomp_collaborating',
      'digcomp_netiquette',
      'digcomp_digitalIdentity'
    ],
    digcomp_content: ['digcomp_developingContent', 'digcomp_integratingContent', 'digcomp_copyright', 'digcomp_programming'],
    digcomp_safety: ['digcomp_protectingDevices', 'digcomp_protectingData', 'digcomp_protectingHealth', 'digcomp_protectingEnvironment'],
    digcomp_problemSolving: ['digcomp_technicalProblems', 'digcomp_needsAndResponses', 'digcomp_creativeUse', 'digcomp_competenceGaps']
  },
  entrecomp: {
    entrecomp_ideas: [
      'entrecomp_spottingOpportunities',
      'entrecomp_creativity',
      'entrecomp_vision',
      'entrecomp_valuingIdeas',
      'entrecomp_ethicalThinking'
    ],
    entrecomp_resources: [
      'entrecomp_selfAwareness',
      'entrecomp_motivation',
      'entrecomp_mobilisingResources',
      'entrecomp_financialLiteracy',
      'entrecomp_mobilisingOthers'
    ],
    entrecomp_action: [
      'entrecomp_takingInitiative',
      'entrecomp_planning',
      'entrecomp_copingWithUncertainty',
      'entrecomp_workingWithOthers',
      'entrecomp_learningThroughExperience'
    ]
  }
} as const satisfies Record<FrameworkId, Record<string, readonly string[]>>;

type Taxonomy = typeof FRAMEWORK_TAXONOMY;

/** An area of one of the frameworks, e.g. `digcomp_safety`. */
export type AreaId = { [F in FrameworkId]: keyof Taxonomy[F] & string }[FrameworkId];

/** A competence of one of the frameworks, e.g. `lifecomp_empathy`. */
export type CompetenceId = {
  [F in FrameworkId]: { [A in keyof Taxonomy[F]]: Taxonomy[F][A] extends readonly (infer C)[] ? C : never }[keyof Taxonomy[F]];
}[FrameworkId];

/** The areas of `framework`, in order. */
export function areasOf(framework: FrameworkId): readonly AreaId[] {
  return Object.keys(FRAMEWORK_TAXONOMY[framework]) as AreaId[];
}

/** The competences of `areaId` in `framework`, or `undefined` when the area is not one of its areas. */
export function competencesOf(framework: FrameworkId, areaId: string): readonly CompetenceId[] | undefined {
  const areas: Record<string, readonly CompetenceId[]> = FRAMEWORK_TAXONOMY[framework];
  return Object.hasOwn(areas, areaId) ? areas[areaId] : undefined;
}

/** Every area id of every framework. */
export const AREA_IDS: readonly AreaId[] = FRAMEWORK_IDS.flatMap((f) => areasOf(f));

/** Every competence id of every framework. */
export const COMPETENCE_IDS: readonly CompetenceId[] = FRAMEWORK_IDS.flatMap((f) =>
  areasOf(f).flatMap((a) => competencesOf(f, a) ?? [])
);
