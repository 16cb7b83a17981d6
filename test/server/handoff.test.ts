import { ChatDriver } from '../support/chatDriver';
import { FakeConnector, visibleText } from '../support/fakeConnector';
import { describeEachStorage } from '../support/storageTargets';
import { startApp, type RunningApp } from '../support/testApp';

const joined = (texts: string[]): string => texts.join('\n');

let connector: FakeConnector;
beforeAll(async () => {
  connector = await FakeConnector.start();
});
afterAll(() => connector.close());

/** What reached the Connector in a conversation after the first `from` messages. */
async function nextMessages(conversationId: string, from: number, match: RegExp): Promise<string> {
  await connector.waitFor(() => match.test(connector.messagesFor(conversationId).slice(from).map(visibleText).join('\n')));
  return connector.messagesFor(conversationId).slice(from).map(visibleText).join('\n');
}

describeEachStorage('talk to a person through /api/messages', (target) => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startApp({ ...target.env(), HANDOFF_HOURS: 'always', OUTBOX_POLL_MS: '50', OUTBOX_RETRY_BASE_MS: '50', OUTBOX_RETRY_MAX_MS: '200' });
  });
  afterAll(() => running.close());

  it('French, asked in words mid-question: queued; the caseworker takes it and replies, the reply reaches the Connector; the bot stays silent; the caseworker ends it and the question comes back', async () => {
    const conv = `conv-handoff-fr-${target.kind}`;
    const chat = new ChatDriver(running.url, connector, conv, { locale: 'fr-FR', userId: `user-${conv}` });
    await chat.start();
    await chat.say('français');
    await chat.say('oui');
    await chat.say('Savoir si je peux participer');
    expect(joined(chat.lastTexts())).toMatch(/Quel âge avez-vous/);
    await chat.say("Bonjour, je voudrais parler à quelqu'un svp");
    expect(joined(chat.lastTexts())).toMatch(/Une personne de notre équipe va vous répondre ici/);
    expect(chat.lastButtons()).toEqual(["Revenir à l'assistant"]);

    const { handoffs } = running.app;
    const [waiting] = await handoffs.list(['requested']);
    expect(waiting).toMatchObject({ status: 'requested', language: 'fr', mayKeep: true });
    // With consent the caseworker sees the turns before the request.
    expect(waiting!.recent.map((e) => e.text).join('\n')).toMatch(/Savoir si je peux participer[\s\S]*Quel âge avez-vous/);

    await chat.say("J'ai une question sur les horaires");
    expect(joined(chat.lastTexts())).toMatch(/Votre message est gardé/);
    expect((await handoffs.take(waiting!.id, 'cw-awa')).ok).toBe(true);
    const before = connector.messagesFor(conv).length;
    expect((await handoffs.reply(waiting!.id, 'cw-awa', 'Bonjour, je suis Awa. Les cours ont lieu le matin.')).ok).toBe(true);
    const reply = await nextMessages(conv, before, /Les cours ont lieu le matin/);
    expect(reply).toMatch(/Message de notre équipe :\nBonjour, je suis Awa\. Les cours ont lieu le matin\./);
    expect(connector.messagesFor(conv).slice(before)[0]?.locale).toBe('fr');

    // While the caseworker handles it the bot does not answer in their place, not even to a command.
    await chat.say('22');
    expect(chat.lastTexts()).toEqual([]);
    await chat.say('aide');
    expect(chat.lastTexts()).toEqual([]);
    expect((await handoffs.get(waiting!.id))!.exchange.map((e) => `${e.from}: ${e.text}`)).toEqual([
      "person: J'ai une question sur les horaires",
      'caseworker: Bonjour, je suis Awa. Les cours ont lieu le matin.',
      'person: 22',
      'person: aide'
    ]);

    const beforeEnd = connector.messagesFor(conv).length;
    expect((await handoffs.end(waiting!.id, { kind: 'caseworker', id: 'cw-awa' })).ok).toBe(true);
    const ended = await nextMessages(conv, beforeEnd, /Quel âge avez-vous/);
    expect(ended).toMatch(/Notre équipe a terminé la conversation\. Vous êtes de retour avec l'assistant\./);
    await chat.say('22');
    expect(joined(chat.lastTexts())).toMatch(/Dans quel pays vivez-vous/);
  });

  it('Arabic, from the menu: queued, the person ends it with the word of the text, and the menu comes back', async () => {
    const conv = `conv-handoff-ar-${target.kind}`;
    const chat = new ChatDriver(running.url, connector, conv, { locale: 'ar', userId: `user-${conv}` });
    await chat.start();
    await chat.say('العربية');
    await chat.say('نعم');
    expect(chat.lastButtons()).toContain('التكلم مع شخص');
    await chat.say('التكلم مع شخص');
    expect(joined(chat.lastTexts())).toMatch(/سيرد عليك شخص من فريقنا هنا/);
    expect(chat.lastTexts().length).toBeGreaterThan(0);
    const open = (await running.app.handoffs.list(['requested'])).find((h) => h.language === 'ar');
    expect(open).toBeDefined();
    await chat.say('عندي سؤال عن التدريب');
    expect(joined(chat.lastTexts())).toMatch(/رسالتك محفوظة/);
    await chat.say('شكرا');
    expect(chat.lastTexts()).toEqual([]); // acknowledged once only
    await chat.say('إنهاء');
    const back = joined(chat.lastTexts());
    expect(back).toMatch(/انتهت المحادثة مع فريقنا/);
    expect(chat.lastButtons()).toContain('التكلم مع شخص'); // the menu again
    expect((await running.app.handoffs.get(open!.id))).toMatchObject({ status: 'ended', endedBy: { kind: 'person' } });
  });
});

describe('talk to a person outside opening hours', () => {
  let running: RunningApp;
  beforeAll(async () => {
    // Sunday 29 November 2026, 11:00 in Paris; caseworkers answer Monday to Friday.
    running = await startApp({ HANDOFF_HOURS: 'mon-fri 09:00-17:00', HANDOFF_TIME_ZONE: 'Europe/Paris' }, () => new Date('2026-11-29T10:00:00Z'));
  });
  afterAll(() => running.close());

  it('the person is told when someone will answer, day and time in their language (French, Arabic)', async () => {
    const fr = new ChatDriver(running.url, connector, 'conv-closed-fr', { locale: 'fr-FR', userId: 'user-closed-fr' });
    await fr.start();
    await fr.say('français');
    await fr.say('non');
    await fr.say("je veux parler à quelqu'un");
    expect(joined(fr.lastTexts())).toMatch(/Personne de notre équipe n'est disponible en ce moment\. Quelqu'un vous répondra ici le lundi 30 novembre à 09:00\./);

    const ar = new ChatDriver(running.url, connector, 'conv-closed-ar', { locale: 'ar', userId: 'user-closed-ar' });
    await ar.start();
    await ar.say('العربية');
    await ar.say('لا');
    await ar.say('بدي احكي مع حدا');
    expect(joined(ar.lastTexts())).toMatch(/سيرد عليك أحد هنا يوم الاثنين، ٣٠ نوفمبر في ٠٩:٠٠/);
  });
});
