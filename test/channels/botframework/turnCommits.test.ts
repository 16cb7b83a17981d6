import type { StoreItems } from 'botbuilder';
import { conversationKeyOf } from '../../../src/bot/pseudonymousState';
import { pseudonymize } from '../../../src/bot/pseudonym';
import { StorageUnavailableError } from '../../../src/storage';
import { useAppWithConnector } from '../../support/appWithConnector';
import { visibleText } from '../../support/fakeConnector';
import { ChatDriver } from '../../support/chatDriver';
import { messageActivity, postJson } from '../../support/testApp';

/**
 * A turn's replies are held until its state is committed; a conflicting commit runs the turn
 * again as a whole; an activity delivered twice gets one turn; records written during a turn are
 * written once however many times it runs.
 */
const setup = useAppWithConnector({}, () => new Date('2026-11-29T10:00:00Z'));

const stateKey = (conversationId: string) => `conversation/${conversationKeyOf(setup.running.config.pseudonymSecret, 'webchat', conversationId)}`;
const userKey = (userId: string) => pseudonymize(setup.running.config.pseudonymSecret, 'user', 'webchat', userId);
const texts = (conversationId: string, from = 0) => setup.connector.messagesFor(conversationId).slice(from).map(visibleText);

/**
 * Makes the next `times` commits of one conversation's state conflict the way another instance
 * would make them: just before the write, "another turn" saves the state (a new eTag), so the
 * turn's eTag-checked write is refused by storage itself. Returns how many writes were refused.
 */
function competingWrites(conversationId: string, times: number): { refused: () => number; restore: () => void } {
  const botState = setup.running.app.storage.botState;
  const original = botState.write.bind(botState);
  const key = stateKey(conversationId);
  let left = times;
  let refused = 0;
  botState.write = async (changes: StoreItems) => {
    if (key in changes && left > 0) {
      left -= 1;
      const stored = (await botState.read([key]))[key];
      if (stored) await original({ [key]: { ...stored } });
      try {
        return await original(changes);
      } catch (err) {
        refused += 1;
        throw err;
      }
    }
    return original(changes);
  };
  return { refused: () => refused, restore: () => void (botState.write = original) };
}

/** Reaches the eligibility questions in English with consent given; returns the driver. */
async function toAgeQuestion(conversationId: string): Promise<ChatDriver> {
  const chat = new ChatDriver(setup.running.url, setup.connector, conversationId, { locale: 'en-US', userId: `user-${conversationId}` });
  await chat.start();
  await chat.tap(1); // English
  await chat.say('yes');
  await chat.tap(1); // check eligibility
  expect(chat.lastTexts().join('\n')).toMatch(/How old are you\?/);
  return chat;
}

describe('a turn whose commit conflicts with another turn', () => {
  it('runs again from the state as it now is, and its replies go out once, after the commit', async () => {
    const chat = await toAgeQuestion('conv-conflict');
    const conflicts = competingWrites('conv-conflict', 2);
    try {
      const replies = await chat.say('22');
      expect(conflicts.refused()).toBe(2);
      // Three runs of the turn, one set of replies: the country question, once.
      expect(replies.map(visibleText).join('\n').match(/In which country do you live now\?/g)).toHaveLength(1);
      expect(replies.map(visibleText).join('\n')).not.toMatch(/something went wrong/i);
    } finally {
      conflicts.restore();
    }
    await chat.say('France');
    expect(chat.lastTexts().join('\n')).toMatch(/What are you doing now\?/);
  });

  it('writes its records once however many times it runs (consent, eligibility check)', async () => {
    const chat = new ChatDriver(setup.running.url, setup.connector, 'conv-records', { locale: 'en-US', userId: 'user-records' });
    await chat.start();
    await chat.tap(1);
    let conflicts = competingWrites('conv-records', 2);
    await chat.say('yes'); // consent, recorded during the turn, before its commit conflicts
    conflicts.restore();
    expect(conflicts.refused()).toBe(2);
    expect(await setup.running.app.storage.consents.history(userKey('user-records'))).toHaveLength(1);

    await chat.tap(1);
    await chat.say('22');
    await chat.say('France');
    await chat.tap(4);
    await chat.tap(1);
    await chat.say('Skip');
    conflicts = competingWrites('conv-records', 2);
    await chat.say('no'); // the last answer: the check is stored, then the commit conflicts twice
    conflicts.restore();
    expect(conflicts.refused()).toBe(2);
    expect(chat.lastTexts().join('\n').match(/I have saved your answers/g)).toHaveLength(1);
    expect(await setup.running.app.storage.eligibilityChecks.listByUser(userKey('user-records'))).toHaveLength(1);
  });

  it('starts one assessment and makes one profile link however many times its turns run', async () => {
    const chat = new ChatDriver(setup.running.url, setup.connector, 'conv-assess-once', { locale: 'en-US', userId: 'user-assess-once' });
    await chat.start();
    await chat.tap(1);
    await chat.say('yes');
    await chat.tap(3); // test my skills
    let conflicts = competingWrites('conv-assess-once', 2);
    await chat.tap(2); // CAMPLUS: the assessment is stored, then the commit conflicts twice
    conflicts.restore();
    expect(conflicts.refused()).toBe(2);
    expect(await setup.running.app.storage.assessments.listByUser(userKey('user-assess-once'))).toHaveLength(1);
    for (let i = 1; i < 10; i++) await chat.say('3');
    conflicts = competingWrites('conv-assess-once', 2);
    await chat.say('3'); // the last item: completed, a link is made, then the commit conflicts twice
    conflicts.restore();
    expect(conflicts.refused()).toBe(2);
    const [assessment, ...others] = await setup.running.app.storage.assessments.listByUser(userKey('user-assess-once'));
    expect(others).toEqual([]);
    expect(assessment?.status).toBe('completed');
    expect(Object.keys(assessment?.answers ?? {})).toHaveLength(10);
    const links = chat.lastTexts().join('\n').match(/\/profile\/[A-Za-z0-9_-]{43}/g) ?? [];
    expect(links).toHaveLength(1);
    expect((await fetch(`${setup.running.url}${links[0]}`)).status).toBe(200);
    expect(await setup.running.app.storage.profileLinks.deleteAllForUser(userKey('user-assess-once'))).toBe(1);
  });

  it('gives up after five runs: the person gets an apology, and nothing else of the turn', async () => {
    const chat = await toAgeQuestion('conv-conflict-forever');
    const conflicts = competingWrites('conv-conflict-forever', 5);
    try {
      const replies = await chat.say('22');
      expect(conflicts.refused()).toBe(5);
      const said = replies.map(visibleText).join('\n');
      expect(said).toMatch(/something went wrong/i);
      expect(said).not.toMatch(/In which country/);
    } finally {
      conflicts.restore();
    }
    // Nothing of the turn was kept: the same answer again is understood.
    await chat.say('22');
    expect(chat.lastTexts().join('\n')).toMatch(/In which country do you live now\?/);
  });
});

describe('a turn whose state cannot be saved', () => {
  it('sends none of its replies (only the apology), so the person answers the same question again', async () => {
    const chat = await toAgeQuestion('conv-unsaved');
    const botState = setup.running.app.storage.botState;
    const original = botState.write.bind(botState);
    const key = stateKey('conv-unsaved');
    botState.write = async (changes: StoreItems) => {
      if (key in changes) throw new StorageUnavailableError('the database went away');
      return original(changes);
    };
    let said: string;
    try {
      said = (await chat.say('22')).map(visibleText).join('\n');
    } finally {
      botState.write = original;
    }
    expect(said).toMatch(/something went wrong/i);
    expect(said).not.toMatch(/In which country/);
    await chat.say('22');
    expect(chat.lastTexts().join('\n')).toMatch(/In which country do you live now\?/);
  });
});

describe('an activity delivered twice (same id)', () => {
  it('is processed once: the second delivery gets the same replies again, and no second turn', async () => {
    await toAgeQuestion('conv-twice');
    const activity = messageActivity({ serviceUrl: setup.connector.serviceUrl, conversationId: 'conv-twice', userId: 'user-conv-twice', text: '22' });
    const before = setup.connector.messagesFor('conv-twice').length;
    expect((await postJson(`${setup.running.url}/api/messages`, activity)).status).toBe(200);
    const first = texts('conv-twice', before);
    expect(first.join('\n')).toMatch(/In which country/);
    const middle = setup.connector.messagesFor('conv-twice').length;
    expect((await postJson(`${setup.running.url}/api/messages`, activity)).status).toBe(200);
    expect(texts('conv-twice', middle)).toEqual(first);
    // Re-sent replies are addressed like the first ones.
    const [original, again] = [setup.connector.messagesFor('conv-twice')[before]!, setup.connector.messagesFor('conv-twice')[middle]!];
    expect(again.replyToId).toBe(original.replyToId);
    expect(again.conversation).toEqual(original.conversation);
    // The conversation moved on once: the next answer answers the country question.
    const next = await postJson(
      `${setup.running.url}/api/messages`,
      messageActivity({ serviceUrl: setup.connector.serviceUrl, conversationId: 'conv-twice', userId: 'user-conv-twice', text: 'France' })
    );
    expect(next.status).toBe(200);
    expect(texts('conv-twice').join('\n')).toMatch(/What are you doing now\?/);
  });

  it('gets nothing when newer turns have committed since, and stores its record once', async () => {
    const chat = await toAgeQuestion('conv-late');
    await chat.say('22');
    await chat.say('France');
    await chat.tap(4);
    await chat.tap(1);
    await chat.say('Skip');
    const last = messageActivity({ serviceUrl: setup.connector.serviceUrl, conversationId: 'conv-late', userId: 'user-conv-late', text: 'no' });
    await postJson(`${setup.running.url}/api/messages`, last);
    await postJson(`${setup.running.url}/api/messages`, last); // again at once: same replies
    await chat.say('menu');
    const before = setup.connector.messagesFor('conv-late').length;
    expect((await postJson(`${setup.running.url}/api/messages`, last)).status).toBe(200); // much later: nothing
    expect(setup.connector.messagesFor('conv-late').length).toBe(before);
    expect(await setup.running.app.storage.eligibilityChecks.listByUser(userKey('user-conv-late'))).toHaveLength(1);
  });

  it('many deliveries at once of the same activity give one turn', async () => {
    await toAgeQuestion('conv-burst');
    const activity = messageActivity({ serviceUrl: setup.connector.serviceUrl, conversationId: 'conv-burst', userId: 'user-conv-burst', text: '22' });
    const before = setup.connector.messagesFor('conv-burst').length;
    const responses = await Promise.all(Array.from({ length: 5 }, () => postJson(`${setup.running.url}/api/messages`, activity)));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    const said = texts('conv-burst', before);
    // Each delivery got the country question (the first from its turn, the others re-sent), never the next question.
    expect(said.filter((t) => /In which country/.test(t))).toHaveLength(5);
    expect(said.join('\n')).not.toMatch(/What are you doing now|I did not understand/);
  });
});

describe('what a turn does not hold back', () => {
  it('answers an invoke with its invoke response', async () => {
    const invoke = { ...messageActivity({ serviceUrl: setup.connector.serviceUrl, conversationId: 'conv-invoke' }), type: 'invoke', name: 'unknown/operation' };
    delete (invoke as { text?: string }).text;
    const response = await postJson(`${setup.running.url}/api/messages`, invoke);
    expect(response.status).toBe(501);
  });
});
