import { TestAdapter, type Activity } from 'botbuilder';
import { LANGUAGE_DIALOG } from '../../dialogs';
import { handoffNotice } from '../../src/bot/handoffNotices';
import { dialogHarness, type DialogHarness } from '../support/dialogHarness';
import { testBot } from '../support/testBot';

async function botAdapter(lang = 'en') {
  const harness = await dialogHarness({ lang });
  const bot = testBot(harness);
  const adapter = new TestAdapter((context) => bot.run(context), { locale: lang } as Partial<Activity>);
  return { adapter, harness, bot };
}

async function say(adapter: TestAdapter, text: string): Promise<string> {
  adapter.activeQueue.splice(0);
  await adapter.receiveActivity(text);
  return adapter.activeQueue
    .splice(0)
    .map((a) => a.text ?? '')
    .join('\n');
}

async function theHandoff(harness: DialogHarness) {
  const [handoff] = await harness.storage.handoffs.list(['requested', 'taken', 'ended'], 10);
  if (!handoff) throw new Error('no handoff was stored');
  return handoff;
}

describe('talk to a person, in words, anywhere in the conversation', () => {
  it('asked for in the middle of a question: the bot stays silent while a person handles it, "end" resumes the question', async () => {
    const { adapter, harness } = await botAdapter();
    await say(adapter, 'hi');
    await say(adapter, 'English');
    await say(adapter, 'yes');
    expect(await say(adapter, '1')).toMatch(/How old are you\?/);
    expect(await say(adapter, 'can I speak to someone please')).toMatch(/A person from our team will answer you here/);
    expect(await say(adapter, 'I am 22 but I have a question')).toMatch(/Your message is kept/);
    // Commands and questions go to the caseworker; the bot says nothing in their place.
    expect(await say(adapter, 'help')).toBe('');
    expect(await say(adapter, 'menu')).toBe('');
    expect(await say(adapter, '22')).toBe('');
    const handoff = await theHandoff(harness);
    expect(handoff.exchange.map((e) => e.text)).toEqual(['I am 22 but I have a question', 'help', 'menu', '22']);
    const back = await say(adapter, 'end');
    expect(back).toMatch(/The conversation with our team has ended/);
    expect(back).toMatch(/How old are you\?/);
    expect(await say(adapter, '22')).toMatch(/In which country/);
  });

  it('"my data" while a person handles the conversation is heard (a right at any point); when it ends, the talk goes on; the export holds the talk', async () => {
    const { adapter, harness } = await botAdapter();
    await say(adapter, 'hi');
    await say(adapter, 'English');
    await say(adapter, 'yes');
    await say(adapter, '1');
    expect(await say(adapter, 'can I speak to someone please')).toMatch(/A person from our team will answer you here/);
    expect(await say(adapter, 'my data')).toMatch(/This is what I keep about you/);
    await say(adapter, 'Nothing, thank you');
    expect(await say(adapter, 'still there?')).toMatch(/Your message is kept/); // back in the talk, kept for the caseworker
    const exported = await harness.services.privacy.exportData((await theHandoff(harness)).userKey);
    expect(JSON.stringify(exported.talksWithAPerson)).toContain('still there?');
  });

  it('a caseworker replies and ends it: the person gets the reply, then the bot resumes where it was', async () => {
    const { adapter, harness, bot } = await botAdapter('fr');
    await say(adapter, 'bonjour');
    await say(adapter, 'Français');
    await say(adapter, 'oui');
    expect(await say(adapter, '1')).toMatch(/Quel âge avez-vous/);
    expect(await say(adapter, "je veux parler à quelqu'un")).toMatch(/Une personne de notre équipe/);
    const { handoffs } = harness.services;
    const id = (await theHandoff(harness)).id;
    expect((await handoffs.take(id, 'cw-1')).ok).toBe(true);
    const replied = await handoffs.reply(id, 'cw-1', 'Bonjour, je suis Awa. Que puis-je faire ?');
    if (!replied.ok) throw new Error(replied.refusal);
    const notify = async (event: 'reply' | 'ended', entryId?: string): Promise<string> => {
      const notice = await handoffNotice({ userKey: replied.handoff.userKey, handoffId: id, event, ...(entryId ? { entryId } : {}) }, handoffs);
      if (!notice) throw new Error('no notice');
      adapter.activeQueue.splice(0);
      // A proactive turn on the same conversation (TestAdapter has no continueConversation).
      await adapter.processActivity({ type: 'event', name: 'continueConversation' }, (context) => bot.notify(context, notice));
      return adapter.activeQueue
        .splice(0)
        .map((a) => a.text ?? '')
        .join('\n');
    };
    expect(await notify('reply', replied.handoff.exchange[0]!.id)).toMatch(/Message de notre équipe :\nBonjour, je suis Awa/);
    expect(await say(adapter, 'Je cherche une formation')).toMatch(/Votre message est gardé/);
    expect((await handoffs.end(id, { kind: 'caseworker', id: 'cw-1' })).ok).toBe(true);
    const ended = await notify('ended');
    expect(ended).toMatch(/Notre équipe a terminé la conversation/);
    expect(ended).toMatch(/Quel âge avez-vous/);
    expect(await say(adapter, '22 ans')).toMatch(/Dans quel pays/);
  });

  it('a dialog pushed on top meanwhile (a notice with something to answer) gives the talk with a person back when it ends', async () => {
    const { adapter, harness, bot } = await botAdapter();
    await say(adapter, 'hi');
    await say(adapter, 'English');
    await say(adapter, 'yes');
    expect(await say(adapter, 'talk to a human')).toMatch(/A person from our team will answer you here/);
    // A notice that opens a question (here the language question) while the person waits.
    adapter.activeQueue.splice(0);
    await adapter.processActivity({ type: 'event', name: 'continueConversation' }, (context) =>
      bot.notify(context, { fallbackLanguage: 'en', text: () => 'A question for you.', dialog: { id: LANGUAGE_DIALOG, options: {} } })
    );
    expect(adapter.activeQueue.splice(0).map((a) => a.text).join('\n')).toMatch(/Which language/);
    const back = await say(adapter, 'English');
    expect(back).toMatch(/You are already waiting for a person from our team/);
    expect(await say(adapter, 'still there?')).toMatch(/Your message is kept/);
    expect((await theHandoff(harness)).exchange.map((e) => e.text)).toEqual(['still there?']);
  });
});
