import fs from 'node:fs';
import path from 'node:path';
import { pseudonymize } from '../../src/bot/pseudonym';
import { readConfig } from '../../src/config';
import { loadContent } from '../../src/content';
import { FieldCipher, openStorage } from '../../src/storage';
import { startChildApp, type ChildApp } from '../support/childApp';
import { ChatDriver } from '../support/chatDriver';
import { FakeConnector, visibleText } from '../support/fakeConnector';
import { RoundRobinProxy } from '../support/roundRobinProxy';
import { describeEachStorage } from '../support/storageTargets';
import { messageActivity, postJson, tempDataDir } from '../support/testApp';

/**
 * Two Passerelle processes (node .test-build/src/index.js) on one database, behind a
 * round-robin load balancer: SQLite (one file in a shared DATA_DIR) and MongoDB.
 */
const SECRET = 'a-pseudonym-secret-shared-by-both-instances';
const ROOT = path.resolve(__dirname, '..', '..');

describeEachStorage('two instances on one database', (target) => {
  let connector: FakeConnector;
  let instances: ChildApp[];
  let proxy: RoundRobinProxy;
  let dataDir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    connector = await FakeConnector.start();
    dataDir = tempDataDir();
    env = { ...target.env(), DATA_DIR: dataDir, LOCAL_DIRECTLINE: 'off', PSEUDONYM_SECRET: SECRET };
    instances = await Promise.all([startChildApp(env), startChildApp(env)]);
    proxy = await RoundRobinProxy.start(instances.map((i) => i.url));
  }, 60_000);

  afterAll(async () => {
    await proxy?.close();
    const exits = await Promise.all((instances ?? []).map((i) => i.stop()));
    await connector?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    expect(exits.map((e) => e.code)).toEqual([0, 0]);
  }, 30_000);

  it('ten messages at once in one conversation, spread over both: every answer applied once, no reply lost or doubled', async () => {
    const chat = new ChatDriver(proxy.url, connector, 'conv-burst', { locale: 'en-US', userId: 'user-burst' });
    await chat.start();
    await chat.tap(1); // English
    await chat.say('yes'); // consent
    await chat.tap(3); // test my skills
    await chat.tap(1); // DIGI@TER, 19 items
    expect(chat.lastTexts().join('\n')).toMatch(/Question 1 of 19/);

    const sent = ['1', '2', '3', '4', '1', '2', '3', '4', '2', '3'];
    const before = connector.messagesFor('conv-burst').length;
    const servedBefore = [...proxy.served];
    const responses = await Promise.all(
      sent.map((text) =>
        postJson(`${proxy.url}/api/messages`, messageActivity({ serviceUrl: connector.serviceUrl, conversationId: 'conv-burst', userId: 'user-burst', locale: 'en-US', text }))
      )
    );
    expect(responses.map((r) => r.status)).toEqual(sent.map(() => 200));
    expect(proxy.served.map((n, i) => n - servedBefore[i]!)).toEqual([5, 5]);

    const replies = connector.messagesFor('conv-burst').slice(before).map(visibleText);
    const asked = replies.map((t) => /Question (\d+) of 19/.exec(t)?.[1]).filter((n): n is string => n !== undefined);
    // Each turn asked the next question: questions 2 to 11, each exactly once.
    expect(asked.map(Number).sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(replies).toHaveLength(10);
    expect(replies.join('\n')).not.toMatch(/something went wrong|did not understand/i);

    // The stored assessment holds the ten answers, one per item, values as sent.
    const userKey = pseudonymize(SECRET, 'user', 'webchat', 'user-burst');
    const stored = await readAssessment(env, userKey);
    expect(Object.keys(stored.answers)).toHaveLength(10);
    expect(Object.values(stored.answers).map(String).sort()).toEqual([...sent].sort());
    expect(stored.currentItemId).toBe(stored.itemIds[10]);

    // The conversation goes on normally through either instance.
    await chat.say('4');
    expect(chat.lastTexts().join('\n')).toMatch(/Question 12 of 19/);
  });

  it('the same activity delivered to both instances at once gets one turn', async () => {
    const chat = new ChatDriver(proxy.url, connector, 'conv-dup', { locale: 'en-US', userId: 'user-dup' });
    await chat.start();
    await chat.tap(1);
    await chat.say('yes');
    await chat.tap(1); // check eligibility
    expect(chat.lastTexts().join('\n')).toMatch(/How old are you\?/);
    const activity = messageActivity({ serviceUrl: connector.serviceUrl, conversationId: 'conv-dup', userId: 'user-dup', locale: 'en-US', text: '22' });
    const before = connector.messagesFor('conv-dup').length;
    const responses = await Promise.all(instances.map((i) => postJson(`${i.url}/api/messages`, activity)));
    expect(responses.map((r) => r.status)).toEqual([200, 200]);
    const replies = connector.messagesFor('conv-dup').slice(before).map(visibleText);
    // The country question, from the turn and sent again for the second delivery; never the question after it.
    expect(replies.filter((t) => /In which country/.test(t))).toHaveLength(2);
    expect(replies.join('\n')).not.toMatch(/What are you doing now|did not understand/);
    await chat.say('France');
    expect(chat.lastTexts().join('\n')).toMatch(/What are you doing now\?/);
  });
});

/**
 * The person's assessment, read through the app's own storage adapter (a third client of the
 * same database), with the questionnaire's item order.
 */
async function readAssessment(env: Record<string, string>, userKey: string): Promise<{ answers: Record<string, unknown>; currentItemId: string | null; itemIds: string[] }> {
  const config = readConfig({ ...env, CONTENT_DIR: path.join(ROOT, 'content') }, ROOT);
  const storage = await openStorage({ mongodbUri: config.mongodbUri, mongodbDb: config.mongodbDb, sqliteFile: config.sqliteFile, cipher: new FieldCipher(config.dataKeys) });
  try {
    const [record, ...others] = await storage.assessments.listByUser(userKey);
    expect(others).toEqual([]);
    const itemIds = loadContent(config.contentDir).questionnaires.questionnaires.digiter.items.map((i) => i.id);
    return { answers: record!.answers as Record<string, unknown>, currentItemId: record!.currentItemId, itemIds };
  } finally {
    await storage.close();
  }
}
