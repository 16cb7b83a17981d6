import { DialogTurnStatus } from 'botbuilder-dialogs';
import { AssessmentDialog } from '../../dialogs';
import type { AssessmentProfile } from '../../src/domain';
import { consented, type DialogHarness } from '../support/dialogHarness';
import { describeDialogTable, type DialogStep } from '../support/dialogTable';

const assessmentDialog = (h: DialogHarness) =>
  new AssessmentDialog({ lexicons: h.services.lexicons, assessment: h.services.assessment, eligibility: h.services.eligibility, publicBaseUrl: h.services.publicBaseUrl });

/** Answers every remaining CAMPLUS item (10) with the same level. */
const answerAll = (level: string, from: number, to = 10): DialogStep[] =>
  Array.from({ length: to - from + 1 }, (_, i): DialogStep => [level, i + from < to ? new RegExp(`Question ${i + from + 1} of 10`) : /Your skills profile/]);

describeDialogTable('AssessmentDialog', assessmentDialog, [
  {
    name: 'CAMPLUS to the end: progress, back, skip, profile and a link to the printable page',
    lang: 'en',
    person: consented('en'),
    steps: [
      ['start', /Which skills do you want to look at\?/],
      ['Skills to lead a project in my camp', /10 short sentences/, /Question 1 of 10/],
      ['back', /This is the first question/, /Question 1 of 10/],
      ['3', /Question 2 of 10/],
      ['skip', /Question 3 of 10/],
      ['back', /Question 2 of 10/],
      ['4', /Question 3 of 10/],
      ...answerAll('3', 3),
    ],
    then: async ({ result, harness }) => {
      expect((result as AssessmentProfile).recommendation.eqf).toBeGreaterThanOrEqual(3);
      const [stored] = await harness.storage.assessments.listByUser('key-user1');
      expect(stored?.status).toBe('completed');
      expect(stored?.answers).toMatchObject({ entrecomp_1_1_spottingOpportunities: 3, entrecomp_1_2_creativity: 4 });
    }
  },
  {
    name: 'pausing keeps the answers of a person who agreed, and offers to resume them',
    lang: 'en',
    person: consented('en'),
    steps: [
      ['start', /Which skills/],
      ['2', /Question 1 of 10/],
      ['2', /Question 2 of 10/],
      ['Stop for now', /Your answers are kept: you can continue later/],
      ['hello again', /Which skills/],
      ['2', /You started this on November 29, 2026\. You answered 1 of the 10 questions\./],
      ['yes', /Welcome back/, /Question 2 of 10/]
    ],
    status: DialogTurnStatus.waiting,
    then: async ({ harness }) => {
      const inProgress = await harness.storage.assessments.latestInProgress('key-user1', 'camplus');
      expect(inProgress?.answers).toEqual({ entrecomp_1_1_spottingOpportunities: 2 });
    }
  },
  {
    name: 'a person who refused consent is told that pausing does not keep the answers',
    lang: 'fr',
    person: { language: 'fr', consent: 'refused' },
    steps: [
      ['commencer', /Quelles compétences/],
      ['1', /Question 1 sur 19|1 sur 19/],
      ['1', /2 sur 19/],
      ['pause', /pas enregistrées|ne sont pas/]
    ],
    then: async ({ harness }) => expect(await harness.storage.assessments.listByUser('key-user1')).toEqual([])
  }
]);
