import { pseudonymize } from '../../src/bot/pseudonym';
import { useAppWithConnector } from '../support/appWithConnector';
import { ChatDriver } from '../support/chatDriver';
import { messageActivity, postJson } from '../support/testApp';

const setup = useAppWithConnector({}, () => new Date('2026-11-29T10:00:00Z'));

describe('two turns of one conversation arriving together', () => {
  it('loses neither update', async () => {
    const chat = new ChatDriver(setup.running.url, setup.connector, 'conv-concurrent', { locale: 'en-US', userId: 'user-concurrent' });
    await chat.start();
    await chat.tap(1); // English
    await chat.say('yes');
    await chat.tap(1); // eligibility
    await chat.say('22');
    await chat.say('France');
    expect(chat.lastTexts().join('\n')).toMatch(/What are you doing now\?/);

    // Two answers at once: "1" answers the situation question, then the qualification question.
    const send = (text: string) =>
      postJson(
        `${setup.running.url}/api/messages`,
        messageActivity({ serviceUrl: setup.connector.serviceUrl, conversationId: 'conv-concurrent', userId: 'user-concurrent', text, locale: 'en-US' })
      );
    const before = setup.connector.messagesFor('conv-concurrent').length;
    const responses = await Promise.all([send('1'), send('1')]);
    expect(responses.map((r) => r.status)).toEqual([200, 200]);
    const replies = setup.connector.messagesFor('conv-concurrent').slice(before).map((a) => a.text ?? '');
    expect(replies.join('\n')).toMatch(/highest diploma/);
    expect(replies.join('\n')).toMatch(/region or city/);
    expect(replies.join('\n')).not.toMatch(/something went wrong/);

    await chat.say('Skip');
    await chat.say('no');
    const userKey = pseudonymize(setup.running.config.pseudonymSecret, 'user', 'webchat', 'user-concurrent');
    const [check] = await setup.running.app.storage.eligibilityChecks.listByUser(userKey);
    expect(check?.answers).toMatchObject({ age: 22, country: 'FR', situation: 'studying', qualification: 'none', livesInCamp: false });
  });

  it('serves many conversations at once without mixing them up', async () => {
    const chats = Array.from({ length: 8 }, (_, i) => new ChatDriver(setup.running.url, setup.connector, `conv-many-${i}`, { locale: i % 2 ? 'fr-FR' : 'en-US' }));
    await Promise.all(chats.map((c) => c.start()));
    await Promise.all(chats.map((c) => c.tap(1)));
    chats.forEach((c, i) => {
      expect(c.lastTexts().join('\n')).toMatch(i % 2 ? /je vous parle en français/ : /I will talk to you in English/);
    });
  });
});
