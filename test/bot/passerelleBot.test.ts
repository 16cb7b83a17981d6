import { TestAdapter, type Activity } from 'botbuilder';
import { languagesFromScript } from '../../src/i18n';
import { dialogHarness } from '../support/dialogHarness';
import { testBot } from '../support/testBot';

async function botAdapter(locale = 'en-US') {
  const harness = await dialogHarness({ lang: 'en' });
  const bot = testBot(harness);
  const adapter = new TestAdapter((context) => bot.run(context), { locale } as Partial<Activity>);
  return { adapter, harness };
}

const texts = (activities: Partial<Activity>[]) => activities.map((a) => a.text ?? '').join('\n');

/** Sends `text` and returns the text of every reply of that turn. */
async function say(adapter: TestAdapter, text: string): Promise<string> {
  adapter.activeQueue.splice(0);
  await adapter.receiveActivity(text);
  return texts(adapter.activeQueue.splice(0));
}

async function untilEligibilityAgeQuestion(adapter: TestAdapter): Promise<void> {
  await say(adapter, 'hi'); // greeting + language
  await say(adapter, 'English'); // consent
  await say(adapter, 'yes'); // menu
  expect(await say(adapter, '1')).toMatch(/How old are you\?/);
}

describe('global commands, anywhere in a conversation', () => {
  it('"help" explains and asks the current question again', async () => {
    const { adapter } = await botAdapter();
    await untilEligibilityAgeQuestion(adapter);
    const reply = await say(adapter, 'help');
    expect(reply).toMatch(/At any time you can type/);
    expect(reply).toMatch(/How old are you\?/);
    expect(await say(adapter, '22')).toMatch(/In which country/); // the question still works
  });

  it.each([['aide'], ['مساعدة'], ['HELP!']])('"%s" works whatever the language', async (word) => {
    const { adapter } = await botAdapter();
    await untilEligibilityAgeQuestion(adapter);
    expect(await say(adapter, word)).toMatch(/At any time you can type/);
  });

  it('"language" switches language and asks the current question again in the new language', async () => {
    const { adapter } = await botAdapter();
    await untilEligibilityAgeQuestion(adapter);
    await say(adapter, '22');
    expect(await say(adapter, 'langue')).toMatch(/Which language do you want to use\?/);
    const reply = await say(adapter, 'Français');
    expect(reply).toMatch(/je vous parle en français/);
    expect(reply).toMatch(/Dans quel pays vivez-vous/);
    expect(await say(adapter, 'France')).toMatch(/Que faites-vous en ce moment/);
  });

  it('"menu" leaves the current journey for the main menu', async () => {
    const { adapter } = await botAdapter();
    await untilEligibilityAgeQuestion(adapter);
    const reply = await say(adapter, 'menu');
    expect(reply).toMatch(/What would you like to do\?/);
    expect(await say(adapter, '5')).toMatch(/This is what I keep about you/); // "My information"
    await say(adapter, 'menu');
    expect(await say(adapter, '6')).toMatch(/A person from our team will answer you here/); // "Talk to a person"
  });

  it('"my data" in the middle of a question, then its answer "Withdraw my consent" (also a command): one confirmation, and after it nothing from before comes back', async () => {
    const { adapter, harness } = await botAdapter();
    await untilEligibilityAgeQuestion(adapter);
    expect(await say(adapter, 'my data')).toMatch(/This is what I keep about you/);
    const confirm = await say(adapter, 'Withdraw my consent');
    expect(confirm).toMatch(/^Withdraw your consent\?/);
    expect(await say(adapter, 'yes')).toBe('Done: your consent is withdrawn and your information is deleted. You can still ask questions and look at trainings.');
    expect((await harness.storage.consents.latest('key-user1'))?.decision).toBe('withdrawn');
    // The next message starts afresh: the language is asked again (it was erased), not the age.
    const next = await say(adapter, 'hello');
    expect(next).toMatch(/Which language do you want to use\?/);
    expect(next).not.toMatch(/How old are you/);
  });

  it('"delete my data", "no": nothing is deleted and the question in progress is asked again', async () => {
    const { adapter } = await botAdapter();
    await untilEligibilityAgeQuestion(adapter);
    expect(await say(adapter, 'delete my data')).toMatch(/Delete everything I keep about you\?/);
    const kept = await say(adapter, 'no');
    expect(kept).toMatch(/Nothing was deleted/);
    expect(kept).toMatch(/How old are you\?/);
  });

  it('"restart" starts again from the menu without asking language and consent again', async () => {
    const { adapter } = await botAdapter();
    await untilEligibilityAgeQuestion(adapter);
    const reply = await say(adapter, 'recommencer');
    expect(reply).toMatch(/let's start again/);
    expect(reply).toMatch(/What would you like to do\?/);
    expect(reply).not.toMatch(/Do you agree/);
  });

  it.each([['سلام، کمک می‌خواهم'], ['مرحبا'], ['Привіт']])(
    'with no channel locale, proposes languages from the script of the first message (%s)',
    async (text) => {
      const { adapter, harness } = await botAdapter('');
      const { localizer } = harness.services;
      const expected = languagesFromScript(text, localizer.languages)[0] ?? localizer.defaultLanguage;
      adapter.activeQueue.splice(0);
      await adapter.receiveActivity({ type: 'message', text, locale: undefined });
      const replies = adapter.activeQueue.splice(0);
      expect(replies[0]?.text).toBe(localizer.t(expected, 'common:greeting'));
      // The proposed language is offered first, whatever form the choices take on this channel.
      const shown = replies.map((r) => [r.text ?? '', ...(r.suggestedActions?.actions.map((a) => a.title) ?? [])].join('\n')).join('\n');
      const position = (lang: string) => shown.indexOf(localizer.t(lang, 'language:name'));
      expect(position(expected)).toBeGreaterThanOrEqual(0);
      for (const other of localizer.languages.filter((l) => l !== expected)) expect(position(other)).toBeGreaterThan(position(expected));
    }
  );

  it('greets on a first "/start" (Telegram) instead of announcing a restart', async () => {
    const { adapter } = await botAdapter();
    const reply = await say(adapter, '/start');
    expect(reply).toMatch(/Hello! I am Passerelle/);
    expect(reply).not.toMatch(/let's start again/);
  });

  it('remembers the chosen language for the user across conversations', async () => {
    const { adapter } = await botAdapter('fr-FR');
    await say(adapter, 'salut');
    await say(adapter, 'العربية');
    const reply = await say(adapter, 'نعم');
    expect(reply).toMatch(/[\u0600-\u06FF]/);
    adapter.template.conversation = { id: 'another-conversation', isGroup: false, conversationType: 'personal', name: '' };
    expect(await say(adapter, 'salut')).toMatch(/[\u0600-\u06FF]/);
  });
});

describe('where a person can be reached later', () => {
  it('keeps the latest conversation of a person who agreed, and nothing for one who refused', async () => {
    const { adapter, harness } = await botAdapter();
    await say(adapter, 'hi');
    await say(adapter, 'English');
    expect(await harness.storage.conversationReferences.latest('key-user1')).toBeNull();
    await say(adapter, 'yes');
    const kept = await harness.storage.conversationReferences.latest('key-user1');
    expect(kept).toMatchObject({ channelId: 'test', conversationId: 'Convo1', userId: 'user1', locale: 'en-US' });
    adapter.template.conversation = { id: 'a-later-conversation', isGroup: false, conversationType: 'personal', name: '' };
    await say(adapter, 'menu');
    expect((await harness.storage.conversationReferences.latest('key-user1'))?.conversationId).toBe('a-later-conversation');

    const refusing = await botAdapter();
    for (const text of ['hi', 'English', 'no', 'menu']) await say(refusing.adapter, text);
    expect(await refusing.harness.storage.conversationReferences.latest('key-user1')).toBeNull();
  });
});

describe('conversation starts (the funnel\'s first stage)', () => {
  it('counts a conversation once, on its first message, with its day and language and no user key', async () => {
    const { adapter, harness } = await botAdapter('fr-FR');
    await say(adapter, 'bonjour');
    await say(adapter, 'Français');
    await say(adapter, 'non');
    const month = harness.now.toISOString().slice(0, 7);
    expect(await harness.storage.conversationStarts.countByMonthAndLanguage()).toEqual([{ month, language: 'fr', count: 1 }]);
  });

  it('counts each new conversation, whoever refused consent', async () => {
    const first = await botAdapter('en-US');
    await say(first.adapter, 'hi');
    await say(first.adapter, 'English');
    await say(first.adapter, 'no');
    const second = new TestAdapter((context) => testBot(first.harness).run(context), { locale: 'en-US', conversation: { id: 'another' } } as Partial<Activity>);
    await say(second, 'hello');
    const counts = await first.harness.storage.conversationStarts.countByMonthAndLanguage();
    expect(counts.map((c) => c.count).reduce((a, b) => a + b, 0)).toBe(2);
  });
});
