import { DialogTestClient } from 'botbuilder-testing';
import { DialogTurnStatus } from 'botbuilder-dialogs';
import { EligibilityDialog } from '../../dialogs';
import type { EligibilityResult } from '../../src/domain';
import { CONSENTED, dialogHarness } from '../support/dialogHarness';

/** Each case: what the person says, and a fragment of the bot's last reply to it. */
type Step = [utterance: string, expectedReply: RegExp];

interface Case {
  name: string;
  lang: string;
  steps: Step[];
  outcomes: Record<string, string>;
}

const CASES: Case[] = [
  {
    name: 'young NEET in France, by words',
    lang: 'en',
    steps: [
      ['go', /How old are you\?/],
      ['twenty two', /In which country/],
      ['france', /What are you doing now\?/],
      ['nothing', /highest diploma/],
      ['primary school', /region or city/],
      ['Lyon', /live in a camp/],
      ['nope', /I have saved your answers/]
    ],
    outcomes: { digiter: 'eligible', camplus: 'not_eligible' }
  },
  {
    name: 'retries on answers that are not understood, saying what was not understood',
    lang: 'en',
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
    outcomes: { digiter: 'not_eligible', camplus: 'eligible' }
  },
  {
    name: 'French camp resident over 29 with a vocational certificate',
    lang: 'fr',
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
    outcomes: { digiter: 'not_eligible', camplus: 'not_eligible' }
  },
  {
    name: 'Arabic, digits in Arabic script',
    lang: 'ar',
    steps: [
      ['go', /[\u0600-\u06FF]/],
      ['١٧', /[\u0600-\u06FF]/],
      ['6', /[\u0600-\u06FF]/],
      ['4', /[\u0600-\u06FF]/],
      ['1', /[\u0600-\u06FF]/],
      ['نعم', /[\u0600-\u06FF]/],
      ['1', /[\u0600-\u06FF]/]
    ],
    outcomes: { digiter: 'not_eligible', camplus: 'needs_adviser' }
  }
];

describe('EligibilityDialog', () => {
  it.each(CASES)('$name', async ({ lang, steps, outcomes }) => {
    const harness = await dialogHarness({ lang, user: { ...CONSENTED, language: lang } });
    const client = new DialogTestClient('test', new EligibilityDialog(harness.deps), undefined, harness.middlewares);
    for (const [utterance, expected] of steps) {
      // sendActivity returns the first reply of the turn; getNextReply gives the others.
      const first = (await client.sendActivity(utterance)) as { text?: string } | undefined;
      const replies: string[] = [first?.text ?? ''];
      for (let reply = client.getNextReply(); reply; reply = client.getNextReply()) replies.push(reply.text ?? '');
      expect(replies.join('\n')).toMatch(expected);
    }
    expect(client.dialogTurnResult.status).toBe(DialogTurnStatus.complete);
    const result = client.dialogTurnResult.result as EligibilityResult;
    expect(Object.fromEntries(result.programmes.map((p) => [p.programme, p.outcome]))).toEqual(outcomes);
    const stored = await harness.storage.eligibilityChecks.listByUser('key-user1');
    expect(stored).toHaveLength(1);
    expect(stored[0]!.language).toBe(lang);
    await harness.storage.close();
  });

  it('stores nothing without consent', async () => {
    const harness = await dialogHarness({ lang: 'en', user: { language: 'en', consent: { ...CONSENTED.consent!, decision: 'refused' } } });
    const client = new DialogTestClient('test', new EligibilityDialog(harness.deps), undefined, harness.middlewares);
    for (const text of ['go', '22', 'FR', '4', '1', 'skip', 'no']) await client.sendActivity(text);
    expect(client.dialogTurnResult.status).toBe(DialogTurnStatus.complete);
    expect(await harness.storage.eligibilityChecks.listByUser('key-user1')).toEqual([]);
    await harness.storage.close();
  });
});
