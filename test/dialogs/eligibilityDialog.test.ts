import { EligibilityDialog } from '../../dialogs';
import type { EligibilityResult } from '../../src/domain';
import { consented } from '../support/dialogHarness';
import { describeDialogTable, type DialogCase } from '../support/dialogTable';

const outcomesOf = (outcome: unknown): Record<string, string> =>
  Object.fromEntries((outcome as { result: EligibilityResult }).result.programmes.map((p) => [p.programme, p.outcome]));

/** The check is stored once, in the person's language, when they agreed. */
const storedIn = (lang: string): DialogCase['then'] => async ({ harness }) => {
  const stored = await harness.storage.eligibilityChecks.listByUser('key-user1');
  expect(stored.map((s) => s.language)).toEqual([lang]);
};

const CASES: DialogCase[] = [
  {
    name: 'young NEET in France, by words',
    lang: 'en',
    person: consented('en'),
    steps: [
      ['go', /How old are you\?/],
      ['twenty two', /In which country/],
      ['france', /What are you doing now\?/],
      ['nothing', /highest diploma/],
      ['primary school', /region or city/],
      ['Lyon', /live in a camp/],
      ['nope', /DIGI@TER/, /I have saved your answers/]
    ],
    then: async (outcome) => {
      expect(outcomesOf(outcome.result)).toEqual({ digiter: 'eligible', camplus: 'not_eligible' });
      await storedIn('en')!(outcome);
    }
  },
  {
    name: 'retries on answers that are not understood, saying what was not understood',
    lang: 'en',
    person: consented('en'),
    steps: [
      ['go', /How old are you\?/],
      ['banana', /I did not understand “banana”.*type your age as a number/s],
      ['I was born on 3 March 2004', /In which country/],
      ['Atlantis', /did not understand “Atlantis”/],
      ['6', /What are you doing now\?/],
      ['7', /did not understand “7”/],
      ['2', /highest diploma/],
      ['7', /region|live in a camp/],
      ['yes', /lead a project/],
      ['I want to start one', /I have saved your answers/]
    ],
    then: ({ result }) => expect(outcomesOf(result)).toEqual({ digiter: 'not_eligible', camplus: 'eligible' })
  },
  {
    name: 'French camp resident over 29 with a vocational certificate',
    lang: 'fr',
    person: consented('fr'),
    steps: [
      ['go', /Quel âge avez-vous/],
      ['35', /Dans quel pays/],
      ['Portugal', /Que faites-vous/],
      ['rien', /diplôme le plus élevé/],
      ['CAP', /région ou quelle ville/],
      ['passer', /camp/],
      ['oui', /projet/],
      ['non', /J'ai enregistré/]
    ],
    then: async (outcome) => {
      expect(outcomesOf(outcome.result)).toEqual({ digiter: 'not_eligible', camplus: 'not_eligible' });
      await storedIn('fr')!(outcome);
    }
  },
  {
    name: 'Arabic, digits in Arabic script',
    lang: 'ar',
    person: consented('ar'),
    steps: [
      ['go', /[\u0600-\u06FF]/],
      ['١٧', /[\u0600-\u06FF]/],
      ['6', /[\u0600-\u06FF]/],
      ['4', /[\u0600-\u06FF]/],
      ['1', /[\u0600-\u06FF]/],
      ['نعم', /[\u0600-\u06FF]/],
      ['1', /[\u0600-\u06FF]/]
    ],
    then: ({ result }) => expect(outcomesOf(result)).toEqual({ digiter: 'not_eligible', camplus: 'needs_adviser' })
  },
  {
    name: 'stores nothing for a person who refused consent, and says so',
    lang: 'en',
    person: { language: 'en', consent: 'refused' },
    steps: [['go', /How old are you\?/], ['22', /country/], ['FR', /doing now/], ['4', /diploma/], ['1', /region/], ['skip', /camp/], ['no', /not saved|did not save|not keep/i]],
    then: async ({ harness }) => expect(await harness.storage.eligibilityChecks.listByUser('key-user1')).toEqual([])
  },
  {
    name: 'a 14-year-old in France needs a guardian; the guardian refuses, nothing is kept',
    lang: 'en',
    person: consented('en'),
    steps: [
      ['go', /How old are you\?/],
      ['14', /country/],
      ['France', /parent or guardian/, /Does your parent or guardian agree/],
      ['no', /I will not keep your answers/, /What are you doing now\?/],
      ['nothing', /diploma/],
      ['none', /region/],
      ['skip', /camp/],
      ['no', /DIGI@TER/]
    ],
    then: async ({ harness }) => {
      expect(await harness.storage.eligibilityChecks.listByUser('key-user1')).toEqual([]);
      expect((await harness.storage.consents.latest('key-user1'))?.guardianConfirmed).toBe(false);
    }
  },
  {
    name: 'a 14-year-old whose guardian agrees is kept, with the guardian recorded',
    lang: 'en',
    person: consented('en'),
    steps: [
      ['go', /How old/],
      ['14', /country/],
      ['France', /Does your parent or guardian agree/],
      ['yes', /Your parent or guardian agreed/, /What are you doing now\?/],
      ['nothing', /diploma/],
      ['none', /region/],
      ['skip', /camp/],
      ['no', /I have saved your answers/]
    ],
    then: async ({ harness }) => {
      expect(await harness.storage.eligibilityChecks.listByUser('key-user1')).toHaveLength(1);
      expect((await harness.storage.consents.latest('key-user1'))?.guardianConfirmed).toBe(true);
    }
  }
];

describeDialogTable('EligibilityDialog', (h) => new EligibilityDialog({ ...h.services }), CASES);
