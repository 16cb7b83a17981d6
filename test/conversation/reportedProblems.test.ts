import { warmUp } from '../../src/understanding';
import { ChatDriver } from '../support/chatDriver';
import { FakeConnector, visibleText } from '../support/fakeConnector';
import { startApp, type RunningApp } from '../support/testApp';
import { consented } from '../support/dialogHarness';
import { botConversation, type BotConversation } from './botConversation';

/**
 * The problems quoted in issue 8 ("A conversation that works for the people it is for"), each
 * replayed through the whole bot as the person met it. The everyday answers of every language
 * are in the corpus (test/conversation/corpus).
 */

beforeAll(() => warmUp(['fr', 'en', 'pt']), 120_000);

const ETHIOPIC = /\p{Script=Ethiopic}/u;

/** A person who chose `lang` and agreed to keep their answers, at the main menu. */
async function atMenu(lang: string, person = consented(lang)): Promise<BotConversation> {
  const chat = await botConversation({ lang, person });
  await chat.say('hi');
  return chat;
}

describe('3. switching language during the skills test', () => {
  it('the question is asked again in the new language, not in the old one', async () => {
    const chat = await atMenu('ti');
    await chat.say('3'); // test my skills
    await chat.say('1'); // digital and everyday skills: 19 questions
    await chat.say('1');
    expect(await chat.say('1')).toMatch(/3/);
    expect(await chat.say('language')).toMatch(/\[English\]/);
    const reply = await chat.say('English');
    expect(reply).toMatch(/OK, I will talk to you in English\./);
    expect(reply).toMatch(/Question 3 of 19/);
    expect(reply).not.toMatch(ETHIOPIC);
  });

  it('typing "language" twice asks once: after the choice, the conversation goes on', async () => {
    const chat = await atMenu('en');
    await chat.say('1'); // eligibility
    expect(await chat.say('language')).toMatch(/Which language/);
    expect(await chat.say('language')).toMatch(/Which language/);
    const reply = await chat.say('Français');
    expect(reply).toMatch(/je vous parle en français/);
    expect(reply).toMatch(/Quel âge avez-vous/);
    expect(reply).not.toMatch(/Dans quelle langue/);
  });
});

describe('4. words people really use', () => {
  it.each([
    ['عربي', /[\u0600-\u06FF]/, 'ar'],
    ['بالعربي', /[\u0600-\u06FF]/, 'ar'],
    ['arabe', /[\u0600-\u06FF]/, 'ar'],
    ['turc', /Türkçe/, 'tr'],
    ['kurdî', /کوردی/, 'ckb']
  ])('"%s" names a language, whatever language the question is asked in', async (said, confirmation, lang) => {
    const chat = await botConversation({ locale: 'en-US', lang: 'en' });
    expect(await chat.say('hello')).toMatch(/Which language/);
    const reply = await chat.say(said);
    expect(reply).not.toMatch(/did not understand/);
    expect(reply).toMatch(confirmation);
    expect((await chat.harness.storage.profiles.get('key-user1'))?.language).toBe(lang);
  });

  it.each([['bonjour'], ['hi'], ['مرحبا'], ['سلام']])('a greeting ("%s") at the language question is greeted, not a retry', async (said) => {
    const chat = await botConversation({ locale: 'fr-FR', lang: 'fr' });
    await chat.say('salut');
    const reply = await chat.say(said);
    expect(reply).not.toMatch(/pas compris|did not understand|لم أفهم/);
    expect(reply).toMatch(/\[Français\]/);
    expect((await chat.harness.storage.profiles.get('key-user1'))?.language).toBeUndefined();
  });

  it.each([
    ['en', '2004', /21 or 22 years old/],
    ['en', 'born in 2004', /21 or 22 years old/],
    ['ar', 'ولدت سنة 2004', /٢١ أو ٢٢/]
  ])('a birth year alone (%s "%s") is an age the rules can use', async (lang, said, noted) => {
    const chat = await atMenu(lang);
    await chat.say('1');
    const reply = await chat.say(said);
    expect(reply).toMatch(noted);
    expect(reply).not.toMatch(/did not understand|لم أفهم/);
  });

  it('"Lisbon" in the training search looks in Portugal', async () => {
    const chat = await atMenu('en');
    await chat.say('2');
    expect(await chat.say('Lisbon')).toMatch(/Your search: Portugal/);
  });

  it('"I want to learn coding" in the training search finds the programming trainings', async () => {
    const chat = await atMenu('en');
    await chat.say('2');
    const reply = await chat.say('I want to learn coding');
    expect(reply).toMatch(/Your search: programming/i);
    expect(reply).toMatch(/Coding bootcamp/i);
  });

  it('a country outside the five ("یونان", Greece) is "another country", not a retry', async () => {
    const chat = await atMenu('fa');
    await chat.say('1');
    await chat.say('22');
    const reply = await chat.say('یونان');
    expect(reply).not.toMatch(/متوجه نشدم/);
    expect(reply).toMatch(/الان چه کار می‌کنید|چه کار/);
  });
});

describe('5. numbers found where there are none', () => {
  it('"Trouver une formation" at the age question is not an age of 1', async () => {
    const chat = await atMenu('fr');
    await chat.say('1');
    const reply = await chat.say('Trouver une formation');
    expect(reply).toMatch(/pas compris/);
    expect(reply).not.toMatch(/parent ou tuteur|Dans quel pays/);
  });

  it.each([['1'], ['5'], ['105']])('an implausible age ("%s") is confirmed before it is used', async (said) => {
    const chat = await atMenu('fr');
    await chat.say('1');
    const reply = await chat.say(said);
    expect(reply).toMatch(/c'est bien ça/);
    expect(await chat.say('non')).toMatch(/Quel âge avez-vous/);
    expect(await chat.say('22')).toMatch(/Dans quel pays/);
  });
});

describe('6. dates in one calendar, digits in one system', () => {
  it.each([
    ['fa', /۱۴ دسامبر ۲۰۲۶/, /۱۴۰۵|آذر/],
    ['ps', /۱۴/, /AP|۱۴۰۵/]
  ])('%s shows the Gregorian date of a course starting on 14 December 2026', async (lang, shown, wrong) => {
    const chat = await atMenu(lang);
    await chat.say('2');
    await chat.say('4'); // filter: on site or online
    const reply = await chat.say('2'); // online: the Portuguese course starting on 14 December 2026 is among them
    expect(reply).toMatch(shown);
    expect(reply).not.toMatch(wrong);
  });

  it('a Persian reply does not mix Persian and Latin digits', async () => {
    const chat = await atMenu('fa');
    await chat.say('2');
    const reply = await chat.say('6'); // show all
    expect(reply).toMatch(/[۰-۹]/);
    expect(reply).not.toMatch(/[0-9]/);
  });
});

describe('7. plurals and grammar', () => {
  it('Arabic: "10 جمل", not "10 جملة"', async () => {
    const chat = await atMenu('ar');
    await chat.say('3');
    const reply = await chat.say('2'); // CAMPLUS: 10 statements
    expect(reply).not.toMatch(/(10|١٠) جملة/);
    expect(reply).toMatch(/١٠ جمل /);
  });

  it('French: the first of the month is "1er"', async () => {
    const chat = await atMenu('fr');
    await chat.say('2');
    const reply = await chat.say('niveau 4 en France');
    expect(reply).toMatch(/1er février 2027/);
  });

  it('skipped questions are not counted as answered when resuming', async () => {
    const chat = await atMenu('fr');
    await chat.say('3');
    await chat.say('1');
    await chat.say('2');
    await chat.say('passer');
    await chat.say('2');
    await chat.say('arrêter');
    await chat.say('3');
    const reply = await chat.say('1');
    expect(reply).not.toMatch(/répondu à 3 questions/);
    expect(reply).toMatch(/Vous avez répondu à 2 questions sur 19\. Vous en avez passé 1\./);
  });

  it('Arabic: two answers are a dual, not "2 من الأسئلة"', async () => {
    const chat = await atMenu('ar');
    await chat.say('3');
    await chat.say('1');
    await chat.say('2');
    await chat.say('2');
    await chat.say('توقف');
    await chat.say('3');
    const reply = await chat.say('1');
    expect(reply).not.toMatch(/(2|٢) من الأسئلة/);
    expect(reply).toMatch(/أجبت عن سؤالين من ١٩/);
  });
});

describe('8. plain words for people who read little', () => {
  it('the eligibility result names the diploma in the second person, without acronyms', async () => {
    const chat = await atMenu('fr');
    for (const said of ['1', '22', 'France', 'rien', 'Collège (brevet)', 'passer']) await chat.say(said);
    const reply = await chat.say('non');
    expect(reply).not.toMatch(/Collège \(brevet\)\)/);
    expect(reply).not.toMatch(/\bCEC\b|\bEQF\b/);
  });

  it('Turkish: "Diplomam yok" is not dropped into "En yüksek diplomanız (…)"', async () => {
    const chat = await atMenu('tr');
    for (const said of ['1', '22', 'Fransa', '4', 'Diplomam yok', 'geç']) await chat.say(said);
    expect(await chat.say('hayır')).not.toMatch(/\(Diplomam yok\)/);
  });

  it.each([
    ['en', /Meet a partner/],
    ['de', /Einen Partner treffen/]
  ])('%s: the referral menu item does not read like dating', async (lang, dating) => {
    const chat = await botConversation({ lang, person: consented(lang) });
    expect(await chat.say('hi')).not.toMatch(dating);
  });

  it('a training level is said in plain words: no "Niveau : Niveau CEC 4"', async () => {
    const chat = await atMenu('fr');
    await chat.say('2');
    await chat.say('niveau 4 en France');
    const reply = await chat.say('1');
    expect(reply).not.toMatch(/Niveau : Niveau|CEC/);
    expect(reply).toMatch(/[Nn]iveau 4/);
  });

  it('Romanian: the result does not repeat "dumneavoastră"', async () => {
    const chat = await atMenu('ro');
    for (const said of ['1', '22', 'Franța', '4', '1', 'sari']) await chat.say(said);
    const reply = await chat.say('nu');
    // The reasons and outcomes (the "next step" lines are the referral work's).
    const reasons = reply.split('\n').filter((line) => !line.startsWith('➡️'));
    expect(reasons.join('\n')).toMatch(/DIGI@TER/);
    expect(reasons.join('\n').match(/dumneavoastră/g) ?? []).toEqual([]);
  });
});

describe('9. channel-true wording', () => {
  it('the next-step arrow points forward in right-to-left text', async () => {
    const chat = await atMenu('ar');
    for (const said of ['1', '22', '1', '4', '1', 'تخطي']) await chat.say(said);
    const reply = await chat.say('لا');
    expect(reply).not.toMatch(/➡️/);
    expect(reply).toMatch(/⬅️/);
  });

  it('city names are written in the script of the sentence where a usual spelling exists', async () => {
    const chat = await atMenu('ar');
    await chat.say('2');
    const reply = await chat.say('فرنسا');
    expect(reply).not.toMatch(/Lille|Roubaix/);
    expect(reply).toMatch(/ليل/);
  });
});

describe('11. the consent text matches what happens', () => {
  it('a person who refused consent is not told they can stop and continue later', async () => {
    const chat = await atMenu('fr', { language: 'fr', consent: 'refused' });
    await chat.say('3');
    const reply = await chat.say('1');
    expect(reply).not.toMatch(/continuer plus tard/);
    expect(reply).toMatch(/effacées|ne sont pas gardées|perdues/);
  });
});

describe('9. texts sent to SMS', () => {
  let connector: FakeConnector;
  let running: RunningApp;
  beforeAll(async () => {
    connector = await FakeConnector.start();
    running = await startApp({}, () => new Date('2026-11-29T10:00:00Z'));
  });
  afterAll(async () => {
    await running.close();
    await connector.close();
  });

  it.each([['en-US', /\b(tap|click|press|button)/i], ['fr-FR', /touchez|appuyez|cliquez|bouton/i]])('never say "tap a button" (%s)', async (locale, tap) => {
    const chat = new ChatDriver(running.url, connector, `conv-sms-${locale}`, { locale, channelId: 'sms', userId: `sms-${locale}` });
    const seen: string[] = [];
    const say = async (text: string) => seen.push(...(await chat.say(text)).map(visibleText));
    await say('hi');
    await say('1'); // the first language offered: the channel's
    await say('yes');
    await say('banana'); // not a menu item: the retry says how to answer
    await say('1');
    await say('banana');
    expect(seen.join('\n')).toMatch(/banana/);
    expect(seen.filter((text) => tap.test(text))).toEqual([]);
  });
});
