import { ConsentDialog } from '../../dialogs';
import type { DialogHarness } from '../support/dialogHarness';
import { describeDialogTable } from '../support/dialogTable';

const consentDialog = (h: DialogHarness) => new ConsentDialog({ lexicons: h.services.lexicons, people: h.services.people, notice: h.services.consent.notice, transientHours: h.services.privacy.transientHours });

/** The decision is recorded once, with the notice version and the language it was shown in. */
const recorded = (decision: 'granted' | 'refused', lang: string) => async ({ result, harness }: { result: unknown; harness: DialogHarness }) => {
  expect(result).toEqual({ granted: decision === 'granted' });
  const history = await harness.storage.consents.history('key-user1');
  expect(history.map((r) => [r.decision, r.language, r.noticeVersion])).toEqual([[decision, lang, harness.services.consent.notice.version]]);
  expect((await harness.services.people.load('key-user1')).consent.mayKeep).toBe(decision === 'granted');
};

describeDialogTable('ConsentDialog', consentDialog, [
  {
    name: 'shows the notice with its retention period and records a yes',
    lang: 'en',
    steps: [
      ['hi', /What I keep/, /365 days/, /I keep nothing about you after this conversation: it is deleted 24 hours after your last message/, /Do you agree that I keep your answers\?/],
      ['yes', /Thank you. You can change your mind/]
    ],
    then: recorded('granted', 'en')
  },
  {
    name: 'records a no and says nothing will be kept',
    lang: 'en',
    steps: [
      ['hi', /Do you agree/],
      ['no thanks', /I will not keep anything about you/]
    ],
    then: recorded('refused', 'en')
  },
  {
    name: 'asks again for yes or no, in Arabic, and understands Arabic words',
    lang: 'ar',
    steps: [
      ['مرحبا', /[\u0600-\u06FF]/],
      ['ربما', /[\u0600-\u06FF]/],
      ['نعم', /[\u0600-\u06FF]/]
    ],
    then: recorded('granted', 'ar')
  },
  {
    name: 'understands the number of a button on text-only channels (2 = no)',
    lang: 'fr',
    steps: [
      ['bonjour', /Acceptez-vous que je garde vos réponses/],
      ['2', /je ne garde rien sur vous/]
    ],
    then: recorded('refused', 'fr')
  }
]);
