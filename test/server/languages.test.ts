import { SHIPPED_LANGUAGES } from '../../src/config';
import { FakeConnector } from '../support/fakeConnector';
import { ChatDriver } from '../support/chatDriver';
import { startApp, type RunningApp } from '../support/testApp';

/** A channel locale as channels send it, for each language Passerelle may ship. */
const CHANNEL_LOCALE: Record<string, string> = {
  fr: 'fr-FR',
  en: 'en-GB',
  de: 'de-DE',
  nl: 'nl-BE',
  pt: 'pt-PT',
  ro: 'ro-RO',
  ar: 'ar-EG',
  fa: 'fa-AF',
  ps: 'ps-AF',
  ckb: 'ckb-IQ',
  so: 'so-SO',
  ti: 'ti-ER',
  tr: 'tr-TR',
  uk: 'uk-UA'
};

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

describe('every shipped language, from the first reply', () => {
  it('knows a channel locale for every shipped language', () => {
    for (const lang of SHIPPED_LANGUAGES) expect(CHANNEL_LOCALE[lang]).toBeDefined();
  });

  it.each(SHIPPED_LANGUAGES.map((lang) => [lang, CHANNEL_LOCALE[lang] ?? lang]))(
    '%s (%s): greeting, language question and consent in that language; "٢٢" and "۲۲" are 22',
    async (lang, locale) => {
      const { localizer } = running.app;
      const t = (key: string, params?: Record<string, unknown>) => localizer.t(lang, key, params);
      const chat = new ChatDriver(running.url, connector, `conv-lang-all-${lang}`, { locale, userId: `user-lang-${lang}` });
      const first = await chat.start();
      expect(first[0]?.text).toBe(t('common:greeting'));
      expect(first[0]?.locale ?? lang).toBe(lang);
      expect(chat.lastTexts().join('\n')).toContain(t('language:ask'));
      expect(chat.lastButtons()[0]).toBe(t('language:name'));

      await chat.tap(1);
      expect(chat.lastTexts().join('\n')).toContain(t('language:confirmed'));
      expect(chat.lastTexts().join('\n')).toContain(t('consent:ask'));
      await chat.tap(1); // yes
      await chat.tap(1); // check eligibility
      expect(chat.lastTexts().join('\n')).toContain(t('eligibility:askAge'));
      await chat.say('٢٢');
      expect(chat.lastTexts().join('\n')).toContain(t('eligibility:askCountry'));
      await chat.say('restart');
      await chat.tap(1);
      await chat.say('۲۲');
      expect(chat.lastTexts().join('\n')).toContain(t('eligibility:askCountry'));
    }
  );
});
