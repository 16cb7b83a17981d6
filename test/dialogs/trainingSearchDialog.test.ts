import { DialogTurnStatus } from 'botbuilder-dialogs';
import { TrainingSearchDialog } from '../../dialogs';
import { consented, type DialogHarness } from '../support/dialogHarness';
import { describeDialogTable } from '../support/dialogTable';

const trainingSearch = (h: DialogHarness) =>
  new TrainingSearchDialog({
    lexicons: h.services.lexicons,
    trainings: h.services.trainings,
    assessment: h.services.assessment,
    trainingQueries: h.services.trainingQueries,
    partnerName: (id) => h.services.referrals.partner(id)?.name ?? id
  });

describeDialogTable('TrainingSearchDialog', trainingSearch, [
  {
    name: 'a sentence ("online in Portugal") filters; details; "I\'m interested" is recorded',
    lang: 'en',
    person: consented('en'),
    steps: [
      ['look', /What kind of training are you looking for\?/, /\[Show all\]/],
      ['online in Portugal', /Your search: Portugal, Online/, /I found 1 training\./, /Choose a training/],
      ['1', /What do you want to do\?/, /\[I'm interested\]/],
      ["I'm interested", /I noted your interest/]
    ],
    then: async ({ result, harness }) => {
      const interests = await harness.storage.trainingInterests.listByUser('key-user1');
      expect(interests.map((i) => i.trainingId)).toEqual([(result as { interestedIn: string }).interestedIn]);
      expect(result).toMatchObject({ followUp: { dialogId: 'referralDialog', options: { source: 'training', programme: 'digiter' } } });
    }
  },
  {
    name: 'filter buttons: country, then a new search',
    lang: 'fr',
    person: consented('fr'),
    status: DialogTurnStatus.waiting,
    steps: [
      ['chercher', /Quel type de formation/],
      ['Pays', /Dans quel pays/],
      ['France', /Votre recherche : France/, /J'ai trouvé 3 formations/, /\[Nouvelle recherche\]/],
      ['Nouvelle recherche', /Quel type de formation/]
    ]
  },
  {
    name: 'results three at a time, with "More"',
    lang: 'en',
    person: consented('en'),
    status: DialogTurnStatus.waiting,
    steps: [
      ['look', /What kind of training/],
      ['Show all', /Trainings 1 to 3 of \d+/, /\[More\]/],
      ['More', /Trainings 4 to 6 of \d+/]
    ]
  },
  {
    name: 'interest is not kept for a person who refused consent',
    lang: 'en',
    person: { language: 'en', consent: 'refused' },
    steps: [
      ['look', /What kind of training/],
      ['Show all', /I found \d+ trainings/],
      ['1', /What do you want to do/],
      ["I'm interested", /I did not note your interest/]
    ],
    then: async ({ harness }) => expect(await harness.storage.trainingInterests.listByUser('key-user1')).toEqual([])
  },
  {
    name: 'no match says so and asks again',
    lang: 'en',
    person: consented('en'),
    status: DialogTurnStatus.waiting,
    steps: [
      ['look', /What kind of training/],
      ['level 3 in Germany online', /No training matches this search|I found/, /What kind of training|Choose a training/]
    ]
  }
]);
