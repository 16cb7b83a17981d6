import { DialogTurnStatus } from 'botbuilder-dialogs';
import { createDialogs } from '../../src/bot/createDialogs';
import type { DialogHarness } from '../support/dialogHarness';
import { consented } from '../support/dialogHarness';
import { describeDialogTable } from '../support/dialogTable';

async function onlyHandoff(harness: DialogHarness) {
  const all = await harness.storage.handoffs.list(['requested', 'taken', 'ended'], 10);
  expect(all).toHaveLength(1);
  return all[0]!;
}

describeDialogTable('Talk to a person, from the menu', (h) => createDialogs(h.services).main, [
  {
    name: 'French: the menu item puts the conversation in the queue; messages are kept, acknowledged once; "fin" ends it and the menu comes back',
    lang: 'fr',
    person: consented('fr'),
    status: DialogTurnStatus.waiting,
    steps: [
      ['bonjour', /Que voulez-vous faire/, /\[Parler à une personne\]/],
      ['Parler à une personne', /Une personne de notre équipe va vous répondre ici/, /écrivez « fin »/, /\[Revenir à l'assistant\]/],
      ["J'ai une question sur la formation", /Votre message est gardé/],
      ['aide', /^$/],
      ['menu', /^$/],
      ['fin', /La conversation avec notre équipe est terminée/, /Que voulez-vous faire/]
    ],
    then: async ({ harness }) => {
      const handoff = await onlyHandoff(harness);
      expect(handoff).toMatchObject({ status: 'ended', endedBy: { kind: 'person' }, language: 'fr', mayKeep: true });
      expect(handoff.exchange.map((e) => [e.from, e.text])).toEqual([
        ['person', "J'ai une question sur la formation"],
        ['person', 'aide'],
        ['person', 'menu']
      ]);
      // With consent, the caseworker sees the turns before the request.
      expect(handoff.recent.map((e) => e.from)).toEqual(['person', 'bot', 'person']);
      expect(handoff.recent[0]!.text).toBe('bonjour');
    }
  },
  {
    name: 'Arabic, outside opening hours: told when someone will answer, day and time in Arabic; the choice to go back ends it',
    lang: 'ar',
    person: consented('ar'),
    today: '2026-11-29', // a Sunday, 11:00 in Paris
    handoffHours: 'mon-fri 09:00-17:00',
    status: DialogTurnStatus.waiting,
    steps: [
      ['مرحبا', /ماذا تريد أن تفعل|ماذا/],
      ['التكلم مع شخص', /لا يوجد أحد من فريقنا متاح الآن/, /يوم الاثنين، ٣٠ نوفمبر في ٠٩:٠٠/, /\[العودة إلى المساعد\]/],
      ['العودة إلى المساعد', /انتهت المحادثة مع فريقنا/]
    ]
  },
  {
    name: 'without consent: nothing of the conversation before, and what was said is erased when it ends',
    lang: 'en',
    person: { language: 'en', consent: 'refused' },
    status: DialogTurnStatus.waiting,
    steps: [
      ['hello', /What would you like to do/],
      ['Talk to a person', /A person from our team will answer you here/],
      ['my phone number is 0612345678', /Your message is kept/],
      ['end', /The conversation with our team has ended/, /What would you like to do/]
    ],
    then: async ({ harness }) => {
      const handoff = await onlyHandoff(harness);
      expect(handoff).toMatchObject({ status: 'ended', mayKeep: false, recent: [], exchange: [], reach: null });
    }
  }
]);
