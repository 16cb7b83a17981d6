import { MongoClient } from 'mongodb';
import { pseudonymize } from '../../src/bot/pseudonym';
import { conversationKeyOf } from '../../src/bot/pseudonymousState';
import { ChatDriver } from '../support/chatDriver';
import { DirectLineClient } from '../support/directLineClient';
import { FakeConnector } from '../support/fakeConnector';
import { describeEachStorage } from '../support/storageTargets';
import { everythingStored } from '../support/storageScan';
import { startApp } from '../support/testApp';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

let connector: FakeConnector;
beforeAll(async () => {
  connector = await FakeConnector.start();
});
afterAll(() => connector.close());


const where = (stored: Record<string, string>, needle: string): string[] => Object.keys(stored).filter((table) => stored[table]!.includes(needle)).sort();

describeEachStorage('retention that happens', (target) => {
  it('the sweep deletes, with a fake clock: after a day the conversation of a person who refused (answers half-way); after the retention period everything of a person who agreed', async () => {
    let now = new Date();
    const start = now;
    const running = await startApp({ ...target.env(), TRANSIENT_KEEP_HOURS: '24' }, () => now);
    try {
      const person = (who: string) => {
        const userId = `user-retention-${who}-${Math.random().toString(36).slice(2, 8)}`;
        const conversationId = `conv-retention-${who}-${Math.random().toString(36).slice(2, 8)}`;
        return {
          userKey: pseudonymize(running.config.pseudonymSecret, 'user', 'webchat', userId),
          conversationKey: conversationKeyOf(running.config.pseudonymSecret, 'webchat', conversationId),
          chat: new ChatDriver(running.url, connector, conversationId, { locale: 'fr-FR', userId })
        };
      };
      const agreed = person('agreed');
      const refused = person('refused');
      for (const [p, consent] of [[agreed, 'oui'], [refused, 'non']] as const) {
        await p.chat.start();
        await p.chat.say('français');
        await p.chat.say(consent);
        await p.chat.say('Savoir si je peux participer');
        await p.chat.say('03/03/2004');
        await p.chat.say('France');
      }
      // The person who agreed finishes; the one who refused stops half-way.
      for (const answer of ['rien', 'aucun', 'Lille', 'non']) await agreed.chat.say(answer);
      expect(agreed.chat.lastTexts().join('\n')).toMatch(/Voici votre résultat/);

      let stored = await everythingStored(running, target);
      const botState = target.kind === 'sqlite' ? 'bot_state' : 'botState';
      expect(where(stored, refused.conversationKey)).toEqual([botState]);
      expect(where(stored, agreed.userKey).length).toBeGreaterThanOrEqual(4);

      // A day and an hour later: the conversation of the person who refused is gone (their
      // answers given half-way with it); everything of the person who agreed stays.
      now = new Date(start.getTime() + 25 * HOUR);
      const first = await running.app.privacy.sweep();
      expect(first[botState]).toBeGreaterThanOrEqual(1);
      stored = await everythingStored(running, target);
      expect(where(stored, refused.conversationKey)).toEqual([]);
      expect(where(stored, agreed.conversationKey)).toEqual([botState]);
      expect((await running.app.storage.eligibilityChecks.listByUser(agreed.userKey)).length).toBe(1);

      // The day before the retention period ends, nothing more goes.
      now = new Date(start.getTime() + 364 * DAY);
      await running.app.privacy.sweep();
      expect((await running.app.storage.eligibilityChecks.listByUser(agreed.userKey)).length).toBe(1);
      expect((await running.app.storage.profiles.get(agreed.userKey))?.language).toBe('fr');

      // After the retention period the notice states (365 days): nothing identifies them; their
      // consent decision stays for the audit under a random key.
      now = new Date(start.getTime() + 366 * DAY);
      const last = await running.app.privacy.sweep();
      expect(Object.values(last).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(4);
      stored = await everythingStored(running, target);
      expect([agreed.userKey, agreed.conversationKey, refused.userKey].flatMap((needle) => where(stored, needle).map((table) => `${table}: ${needle}`))).toEqual([]);
      expect(stored[target.kind === 'sqlite' ? 'consents' : 'consents']).toMatch(/erased:/);
    } finally {
      await running.close();
    }
  });

  it('RETENTION_DAYS sets the period the sweep applies and the notice states', async () => {
    let now = new Date();
    const start = now;
    const running = await startApp({ ...target.env(), RETENTION_DAYS: '30' }, () => now);
    try {
      const userId = 'user-retention-30';
      const chat = new ChatDriver(running.url, connector, 'conv-retention-30', { locale: 'en-US', userId });
      await chat.say('hello');
      await chat.tap(1);
      expect(chat.lastTexts().join('\n')).toMatch(/For how long: 30 days, then it is deleted/);
      await chat.tap(1);
      const userKey = pseudonymize(running.config.pseudonymSecret, 'user', 'webchat', userId);
      now = new Date(start.getTime() + 29 * DAY);
      await running.app.privacy.sweep();
      expect(await running.app.storage.profiles.get(userKey)).not.toBeNull();
      now = new Date(start.getTime() + 31 * DAY);
      await running.app.privacy.sweep();
      expect(await running.app.storage.profiles.get(userKey)).toBeNull();
      expect(await running.app.storage.consents.latest(userKey)).toBeNull();
    } finally {
      await running.close();
    }
  });

  it('web chat transcripts: of a person who refused, gone a day after their last message; of one who erased everything, emptied at once', async () => {
    let now = new Date();
    const start = now;
    const running = await startApp({ ...target.env(), TRANSIENT_KEEP_HOURS: '24' }, () => now);
    try {
      const transcript = async (client: DirectLineClient) => (await running.app.storage.botState.read([`directline/${client.conversationId}`]))[`directline/${client.conversationId}`];
      const refused = await DirectLineClient.start(running.url, { locale: 'en-US' });
      await refused.say('English');
      await refused.say('No');
      await refused.say('my name is Zéphyrine Okonkwo');
      expect(JSON.stringify(await transcript(refused))).toContain('Zéphyrine Okonkwo');
      expect((await transcript(refused))?.keepUntil).toBeDefined();

      const erased = await DirectLineClient.start(running.url, { locale: 'en-US' });
      await erased.say('English');
      await erased.say('Yes');
      await erased.say('my name is Amadou Quillfeather');
      expect((await transcript(erased))?.keepUntil).toBeUndefined(); // kept for the retention period
      await erased.say('delete my data');
      // The page sees the last replies live (its stream), before the transcript is emptied.
      const stream = await erased.openStream();
      try {
        await erased.post({ type: 'message', text: 'yes', locale: 'en-US', from: { id: erased.userId } });
        await stream.waitFor((activities) => activities.some((a) => /everything about you is deleted/.test(a.text ?? '')));
      } finally {
        await stream.close();
      }
      expect(JSON.stringify(await transcript(erased))).not.toMatch(/Amadou|Quillfeather|delete my data/);

      now = new Date(start.getTime() + 25 * HOUR);
      await running.app.privacy.sweep();
      expect(await transcript(refused)).toBeUndefined();
      expect(await transcript(erased)).toBeUndefined();
    } finally {
      await running.close();
    }
  });

  if (target.kind === 'mongodb') {
    it('MongoDB: short-lived state carries a TTL index where the server has them, else the sweep alone deletes it', async () => {
      const running = await startApp(target.env());
      const client = new MongoClient(running.config.mongodbUri!);
      try {
        const indexes = await client.db(running.config.mongodbDb).collection('botState').indexes();
        const ttl = indexes.find((index) => index.name === 'keepUntilTtl');
        if (running.app.storage.capabilities.expiresRecords) expect(ttl?.expireAfterSeconds).toBe(0);
        else expect(indexes.map((index) => index.name)).toContain('byKeepUntil');
      } finally {
        await client.close();
        await running.close();
      }
    });
  }
});
