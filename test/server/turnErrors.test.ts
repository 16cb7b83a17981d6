import Database from 'better-sqlite3';
import { conversationKeyOf } from '../../src/bot/pseudonymousState';
import { FakeConnector } from '../support/fakeConnector';
import { ChatDriver } from '../support/chatDriver';
import { startApp, type RunningApp } from '../support/testApp';

let running: RunningApp;
let connector: FakeConnector;

beforeAll(async () => {
  connector = await FakeConnector.start();
  running = await startApp();
});
afterAll(async () => {
  await running.close();
  await connector.close();
});

describe('onTurnError', () => {
  it('apologizes in the user\'s language, clears only a corrupt conversation state, and carries on', async () => {
    const chat = new ChatDriver(running.url, connector, 'conv-corrupt', { locale: 'fr-FR', userId: 'user-corrupt' });
    await chat.start();
    await chat.tap(1); // Français
    await chat.say('oui');
    await chat.tap(1);
    expect(chat.lastTexts().join('\n')).toMatch(/Quel âge avez-vous/);

    // Damage the stored conversation state, as a disk or a bad deploy might.
    const key = `conversation/${conversationKeyOf(running.config.pseudonymSecret, 'webchat', 'conv-corrupt')}`;
    const db = new Database(running.config.sqliteFile);
    expect(db.prepare('UPDATE bot_state SET json = ? WHERE key = ?').run('{"broken', key).changes).toBe(1);
    db.close();

    await chat.say('22');
    const apology = chat.lastTexts().join('\n');
    expect(apology).toMatch(/j'ai dû recommencer notre conversation/);
    expect(apology).not.toMatch(/at .*\.ts:\d+/);

    // The damaged state is gone; the person starts again without losing their language or consent.
    const replies = await chat.say('bonjour');
    expect(replies.map((r) => r.text).join('\n')).toMatch(/Que voulez-vous faire/);
    expect(replies.map((r) => r.text).join('\n')).not.toMatch(/Acceptez-vous/);
  });
});
