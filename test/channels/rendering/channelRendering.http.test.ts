import { capabilitiesOf } from '../../../src/channels/rendering/channelCapabilities';
import { HERO_CARD_CONTENT_TYPE } from '../../../src/channels/rendering/renderForChannel';
import { ChatDriver } from '../../support/chatDriver';
import { FakeConnector, type SentActivity } from '../../support/fakeConnector';
import { startApp, type RunningApp } from '../../support/testApp';

const NOW = new Date('2026-11-29T10:00:00Z');

let connector: FakeConnector;
let running: RunningApp;
beforeAll(async () => {
  connector = await FakeConnector.start();
  running = await startApp({}, () => NOW);
});
afterAll(async () => {
  await running.close();
  await connector.close();
});

function chatOn(channelId: string): ChatDriver {
  return new ChatDriver(running.url, connector, `conv-render-${channelId}`, { locale: 'en-US', userId: `user-render-${channelId}`, channelId });
}

/** The reply that asks the question: the last message of the turn. */
function question(replies: SentActivity[]): SentActivity {
  const last = replies[replies.length - 1];
  if (!last) throw new Error('the bot did not reply');
  return last;
}

/** The language choices as offered to an en-US person: English first, then every other one, each named in itself. */
function languageNames(): string[] {
  const { localizer } = running.app;
  return ['en', ...localizer.languages.filter((l) => l !== 'en')].map((l) => localizer.t(l, 'language:name'));
}

function numbered(labels: readonly string[]): string {
  return labels.map((label, i) => `${i + 1}. ${label}`).join('\n');
}

function expectNumbered(reply: SentActivity, questionText: RegExp, labels: readonly string[]): void {
  expect(reply.suggestedActions).toBeUndefined();
  expect(reply.attachments ?? []).toEqual([]);
  expect(reply.text).toMatch(questionText);
  expect(reply.text!.endsWith(`\n\n${numbered(labels)}`)).toBe(true);
}

describe('questions through /api/messages, per channel', () => {
  it.each(['webchat', 'telegram'])('%s: suggested actions, tapped', async (channel) => {
    const chat = chatOn(channel);
    const reply = question(await chat.start());
    expect(reply.text).toMatch(/Which language do you want to use\?$/);
    expect(reply.suggestedActions?.actions.map((a) => a.title)).toEqual(languageNames());
    expect(reply.attachments ?? []).toEqual([]);
    expect(reply.inputHint).toBe('expectingInput');

    const consent = question(await chat.tap(1));
    expect(consent.text).toMatch(/Do you agree that I keep your answers\?$/);
    expect(consent.suggestedActions?.actions.map((a) => a.title)).toEqual(['Yes', 'No']);
  });

  it('msteams: hero cards where the buttons fit (6 at most), numbered text beyond', async () => {
    const chat = chatOn('msteams');
    const languages = question(await chat.start());
    const names = languageNames();
    if (names.length <= capabilitiesOf('msteams').maxButtons) {
      expect(languages.attachments?.map((a) => a.contentType)).toEqual([HERO_CARD_CONTENT_TYPE]);
      expect(chat.lastButtons()).toEqual(names);
    } else {
      expectNumbered(languages, /^Which language do you want to use\?/, names);
    }

    const consent = question(await chat.say('1'));
    expect(consent.text).toMatch(/Do you agree that I keep your answers\?$/);
    expect(consent.suggestedActions).toBeUndefined();
    expect(consent.attachments?.map((a) => a.contentType)).toEqual([HERO_CARD_CONTENT_TYPE]);
    expect(chat.lastButtons()).toEqual(['Yes', 'No']);

    // Seven menu items: more than a Teams card shows.
    const menu = question(await chat.tap(1));
    expect(menu.attachments ?? []).toEqual([]);
    expect(menu.text).toMatch(/What would you like to do\?\n\n1\. Check if I can join\n2\. .*\n7\. [^\n]+$/s);
    expect(chat.lastButtons()).toEqual([]);

    const age = question(await chat.say('1'));
    expect(age.text).toMatch(/How old are you\?/);
  });

  it('sms: numbered plain text, answered by numbers all the way to a result without markdown', async () => {
    const chat = chatOn('sms');
    expectNumbered(question(await chat.start()), /^Which language do you want to use\?/, languageNames());
    expect(chat.lastButtons()).toEqual([]);

    const steps: [answer: string, expected: RegExp][] = [
      ['1', /Do you agree that I keep your answers\?\n\n1\. Yes\n2\. No$/],
      ['1', /What would you like to do\?\n\n1\. Check if I can join/],
      ['1', /How old are you\?/],
      ['22', /In which country do you live now\?\n\n1\. France\n/],
      ['1', /What are you doing now\?\n\n1\. /],
      ['4', /highest diploma.*\n\n1\. /s],
      ['1', /region or city.*\n\n1\. Skip$/s],
      ['1', /Do you live in a camp.*\n\n1\. Yes\n2\. No$/s],
      ['2', /DIGI@TER: you can join\./]
    ];
    for (const [answer, expected] of steps) {
      const replies = await chat.say(answer);
      const texts = replies.map((r) => r.text ?? '').join('\n');
      expect(texts).toMatch(expected);
      expect(texts).not.toContain('**');
      for (const r of replies) {
        expect(r.suggestedActions).toBeUndefined();
        expect(r.attachments ?? []).toEqual([]);
        expect(r.text!.length).toBeLessThanOrEqual(capabilitiesOf('sms').maxTextLength);
      }
    }
    const result = chat.lastTexts().join('\n');
    expect(result).toMatch(/CAMPLUS: you cannot join\./);
    expect(result).toMatch(/I have saved your answers/);
  });
});
