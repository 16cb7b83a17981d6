import { WaterfallDialog } from 'botbuilder-dialogs';
import { DialogTurnStatus } from 'botbuilder-dialogs';
import { ConsentDialog, JourneyRegistry, LanguageDialog, MainDialog } from '../../dialogs';
import { createDialogs } from '../../src/bot/createDialogs';
import type { DialogHarness } from '../support/dialogHarness';
import { describeDialogTable } from '../support/dialogTable';

/** A journey that only says it ran, to show the main dialog routes by its registry. */
const sayJourney = (id: string, text: string) =>
  new WaterfallDialog(id, [
    async (step) => {
      await step.context.sendActivity(text);
      return step.endDialog();
    }
  ]);

/** The main dialog with two stand-in journeys, a coming-soon one, and the real language and consent dialogs. */
function withStandIns(h: DialogHarness): MainDialog {
  const { lexicons, people, localizer } = h.services;
  const notice = h.services.consent.notice;
  const language = new LanguageDialog({ lexicons, people, languages: localizer.languages.map((code) => ({ code, name: localizer.t(code, 'language:name') })) });
  return new MainDialog({
    lexicons,
    language,
    consent: new ConsentDialog({ lexicons, people, notice, transientHours: h.services.privacy.transientHours }),
    journeys: new JourneyRegistry([
      { item: 'trainings', dialog: sayJourney('standIn.trainings', 'TRAININGS RAN') },
      { item: 'eligibility', dialog: sayJourney('standIn.eligibility', 'ELIGIBILITY RAN') },
      { item: 'talkToPerson' }
    ])
  });
}

describeDialogTable('MainDialog, journeys from its registry', withStandIns, [
  {
    name: 'first contact: language, then consent, then the menu in the registry order',
    lang: 'en',
    status: DialogTurnStatus.waiting,
    steps: [
      ['hi', /Which language/],
      ['English', /OK, I will talk to you in English/, /Do you agree/],
      ['yes', /What would you like to do\?/, /\[Find a training\]\n\[Check if I can join\]\n\[Talk to a person\]/],
      ['1', /TRAININGS RAN/, /What would you like to do\?/],
      ['can i join', /ELIGIBILITY RAN/],
      ['3', /“Talk to a person” is coming soon/, /What would you like to do\?/]
    ]
  },
  {
    name: 'a known person who already decided goes straight to the menu',
    lang: 'fr',
    person: { language: 'fr', consent: 'refused' },
    status: DialogTurnStatus.waiting,
    steps: [['bonjour', /Que voulez-vous faire/]]
  }
]);

describeDialogTable('MainDialog, as composed by the app', (h) => createDialogs(h.services).main, [
  {
    name: 'runs the real eligibility journey from the menu and comes back to the menu',
    lang: 'en',
    person: { language: 'en', consent: 'granted' },
    status: DialogTurnStatus.waiting,
    steps: [
      ['hello', /What would you like to do\?/, /\[Check if I can join\]/, /\[Test my skills\]/],
      ['Check if I can join', /How old are you\?/],
      ['22', /country/],
      ['France', /doing now/],
      ['nothing', /diploma/],
      ['none', /region/],
      ['Paris', /camp/],
      ['no', /DIGI@TER/, /Do you want me to put you in touch with an organisation/],
      ['no thanks', /What would you like to do\?/]
    ]
  },
  {
    name: 'the menu\'s "Change language" runs the language dialog',
    lang: 'en',
    person: { language: 'en', consent: 'granted' },
    status: DialogTurnStatus.waiting,
    steps: [
      ['hello', /What would you like to do\?/],
      ['Change language', /Which language/],
      ['Nederlands', /Nederlands|Engels|Nee|Wat/]
    ]
  }
]);
