import { SHIPPED_LANGUAGES } from '../../src/config';
import { pseudonymize } from '../../src/bot/pseudonym';
import { FakeConnector, visibleText, type SentActivity } from '../support/fakeConnector';
import { ChatDriver } from '../support/chatDriver';
import { startApp, type RunningApp } from '../support/testApp';

let running: RunningApp;
let connector: FakeConnector;

beforeAll(async () => {
  connector = await FakeConnector.start();
  running = await startApp({}, () => new Date('2026-11-29T10:00:00Z'));
});
afterAll(async () => {
  await running.close();
  await connector.close();
});

const t = (lang: string, key: string, params?: Record<string, unknown>) => running.app.localizer.t(lang, key, params);

/** The training hero cards of the replies. */
function cards(replies: SentActivity[]): { title: string; subtitle: string }[] {
  return replies.flatMap((r) => (r.attachments ?? []).filter((a) => a.contentType === 'application/vnd.microsoft.card.hero').map((a) => a.content as { title: string; subtitle: string }));
}

/** Reaches the search question: language tapped, consent given, "Find a training" chosen. */
async function openSearch(chat: ChatDriver, lang: string): Promise<void> {
  await chat.start();
  await chat.say(t(lang, 'language:name'));
  await chat.tap(1); // yes
  await chat.tap(2); // find a training
  expect(chat.lastTexts().join('\n')).toContain(t(lang, 'trainings:search.ask'));
}

describe('training search through /api/messages', () => {
  it('understands "online in Portugal" and shows cards in Web Chat', async () => {
    const chat = new ChatDriver(running.url, connector, 'conv-train-en', { locale: 'en-US' });
    await openSearch(chat, 'en');
    const replies = await chat.say('online in Portugal');
    const found = cards(replies);
    expect(found.length).toBeGreaterThan(0);
    for (const card of found) {
      expect(card.subtitle).toContain('Portugal');
      expect(card.subtitle).toContain('Online');
    }
    expect(chat.lastTexts().join('\n')).toMatch(/Your search: Portugal, Online/);
  });

  it('understands "niveau 4 en France", shows details, and records "I\'m interested"', async () => {
    const chat = new ChatDriver(running.url, connector, 'conv-train-fr', { locale: 'fr-FR', userId: 'user-train-fr' });
    await openSearch(chat, 'fr');
    const found = cards(await chat.say('niveau 4 en France'));
    expect(found.length).toBeGreaterThan(0);
    for (const card of found) expect(card.subtitle).toMatch(/France.*Niveau 4/);
    await chat.tap(1);
    expect(chat.lastTexts().join('\n')).toMatch(/Organisé par/);
    await chat.tap(1); // I'm interested
    expect(chat.lastTexts().join('\n')).toMatch(/J'ai noté votre intérêt/);
    const userKey = pseudonymize(running.config.pseudonymSecret, 'user', 'webchat', 'user-train-fr');
    const interests = await running.app.storage.trainingInterests.listByUser(userKey);
    expect(interests).toHaveLength(1);
    expect(interests[0]).toMatchObject({ language: 'fr', source: 'search' });
  });

  it('pages through all trainings three at a time', async () => {
    const chat = new ChatDriver(running.url, connector, 'conv-train-pages', { locale: 'en-US' });
    await openSearch(chat, 'en');
    const first = cards(await chat.tap(6)); // show all
    expect(first.map((c) => c.title.split('.')[0])).toEqual(['1', '2', '3']);
    expect(chat.lastTexts().join('\n')).toMatch(/Trainings 1 to 3 of (\d+)/);
    const second = cards(await chat.say('more'));
    expect(second.map((c) => c.title.split('.')[0])).toEqual(['4', '5', '6']);
  });

  it.each([['sms'], ['telegram']])('on %s: plain numbered text, answered by numbers', async (channelId) => {
    const chat = new ChatDriver(running.url, connector, `conv-train-${channelId}`, { locale: 'en-US', channelId });
    await chat.start();
    await chat.say('1'); // English, proposed first from the channel locale
    await chat.say('1'); // yes
    await chat.say('2'); // find a training
    await chat.say('1'); // filter: country
    const replies = await chat.say('5'); // Portugal
    expect(replies.every((r) => (r.attachments ?? []).length === 0)).toBe(true);
    const text = replies.map(visibleText).join('\n');
    expect(text).toMatch(/1\. [^\n]+\n[^\n]*Portugal/);
    if (channelId === 'sms') expect(text).not.toMatch(/\*\*/);
    await chat.say('1');
    expect(chat.lastTexts().join('\n')).toMatch(/Organised by/);
  });
});

describe('in every shipped language', () => {
  it.each(SHIPPED_LANGUAGES.map((l) => [l]))('%s: by buttons, and by the words of the language', async (lang) => {
    const chat = new ChatDriver(running.url, connector, `conv-train-all-${lang}`, { locale: lang });
    await openSearch(chat, lang);
    await chat.tap(1); // filter: country
    const byButtons = cards(await chat.tap(5)); // Portugal
    expect(byButtons.length).toBeGreaterThan(0);
    for (const card of byButtons) expect(card.subtitle).toContain(t(lang, 'eligibility:country.PT'));

    await chat.say(t(lang, 'trainings:results.newSearch'));
    const online = running.app.localizer.list(lang, 'trainings:filterWords.format.online')[0]!;
    const portugal = running.app.localizer.list(lang, 'trainings:filterWords.country.PT')[0]!;
    const byWords = cards(await chat.say(`${online} ${portugal}`));
    expect(byWords.length).toBeGreaterThan(0);
    for (const card of byWords) {
      expect(card.subtitle).toContain(t(lang, 'eligibility:country.PT'));
      expect(card.subtitle).toContain(t(lang, 'trainings:format.online'));
    }
  });
});
