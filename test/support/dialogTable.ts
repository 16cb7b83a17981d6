import type { Dialog } from 'botbuilder-dialogs';
import { DialogTurnStatus } from 'botbuilder-dialogs';
import { DialogTestClient } from 'botbuilder-testing';
import { visibleText, type SentActivity } from './fakeConnector';
import { dialogHarness, type DialogHarness, type KnownPerson } from './dialogHarness';

/** One exchange: what the person says, and what the bot's replies to it must show (all of it). */
export type DialogStep = [utterance: string, expected: RegExp, ...more: RegExp[]];

export interface DialogCase {
  name: string;
  lang: string;
  person?: KnownPerson;
  /** The harness's day (10:00 UTC) and "talk to a person" opening hours (default: always). */
  today?: string;
  handoffHours?: string;
  steps: DialogStep[];
  /** The dialog's status after the last step (default: complete). */
  status?: DialogTurnStatus;
  /** Checks after the last step: the dialog's result, what was stored. */
  then?: (outcome: { result: unknown; harness: DialogHarness }) => Promise<void> | void;
}

/** Every reply of one turn, as a person sees them (texts, cards, buttons). */
function repliesOf(first: unknown, client: DialogTestClient): string {
  const all: unknown[] = [first];
  for (let reply = client.getNextReply(); reply; reply = client.getNextReply()) all.push(reply);
  return all
    .filter((a): a is SentActivity => typeof a === 'object' && a !== null)
    .map((a) => [visibleText(a), ...(a.suggestedActions?.actions.map((x) => `[${String(x.title ?? x.value)}]`) ?? [])].join('\n'))
    .join('\n');
}

/**
 * A table-driven dialog test, as BotBuilder-Samples' core-bot writes them: each case a list of
 * [utterance, expected reply] steps run through `DialogTestClient`, then the end status and,
 * if given, checks of the result and of what was stored. Real services on in-memory SQLite.
 */
export function describeDialogTable(title: string, makeDialog: (harness: DialogHarness) => Dialog, cases: DialogCase[]): void {
  describe(title, () => {
    it.each(cases)('$name', async (c) => {
      const harness = await dialogHarness({ lang: c.lang, person: c.person, today: c.today, handoffHours: c.handoffHours });
      try {
        const client = new DialogTestClient('test', makeDialog(harness), undefined, harness.middlewares);
        for (const [index, [utterance, ...expected]] of c.steps.entries()) {
          const replies = repliesOf(await client.sendActivity(utterance), client);
          for (const pattern of expected) {
            if (!pattern.test(replies)) throw new Error(`step ${index + 1} ("${utterance}"): expected ${pattern} in the replies:\n${replies}`);
          }
        }
        expect(client.dialogTurnResult.status).toBe(c.status ?? DialogTurnStatus.complete);
        await c.then?.({ result: client.dialogTurnResult.result, harness });
      } finally {
        await harness.storage.close();
      }
    });
  });
}
