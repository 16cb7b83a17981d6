import { pseudonymize } from '../../src/bot/pseudonym';
import { FakeConnector } from '../support/fakeConnector';
import { ChatDriver } from '../support/chatDriver';
import { describeEachStorage } from '../support/storageTargets';
import { startApp, tempDataDir, type RunningApp } from '../support/testApp';

const NOW = new Date('2026-11-29T10:00:00Z');
const clock = () => NOW;

let connector: FakeConnector;
beforeAll(async () => {
  connector = await FakeConnector.start();
});
afterAll(() => connector.close());

function joined(texts: string[]): string {
  return texts.join('\n');
}

describeEachStorage('a full eligibility conversation through /api/messages', (target) => {
  it('reaches a result, survives a server restart in the middle, and stores the check with consent', async () => {
    const dataDir = tempDataDir();
    const storage = target.env();
    let running: RunningApp = await startApp({ DATA_DIR: dataDir, ...storage }, clock);
    expect(running.app.storage.kind).toBe(target.kind);
    const chat = new ChatDriver(running.url, connector, 'conv-full-en', { locale: 'en-US', userId: 'user-full-en' });

    await chat.start();
    expect(joined(chat.lastTexts())).toMatch(/Hello! I am Passerelle/);
    expect(chat.lastButtons().slice(0, 2)).toEqual(['English', 'Français']);
    expect(chat.lastButtons()).toHaveLength(14);

    await chat.tap(1);
    expect(joined(chat.lastTexts())).toMatch(/I will talk to you in English/);
    expect(joined(chat.lastTexts())).toMatch(/What I keep/);
    expect(joined(chat.lastTexts())).toMatch(/365 days/);
    expect(joined(chat.lastTexts())).toMatch(/Do you agree that I keep your answers\?/);

    await chat.say('yes');
    expect(joined(chat.lastTexts())).toMatch(/Thank you/);
    expect(joined(chat.lastTexts())).toMatch(/What would you like to do\?/);
    expect(chat.lastButtons()[0]).toBe('Check if I can join');

    await chat.tap(1);
    expect(joined(chat.lastTexts())).toMatch(/How old are you\?/);

    await chat.say('I was born on 3 March 2004');
    expect(joined(chat.lastTexts())).toMatch(/In which country do you live now\?/);

    // Restart the server in the middle of the conversation: same data directory, new process state.
    await running.close();
    running = await startApp({ DATA_DIR: dataDir, ...storage }, clock);
    chat.retarget(running.url);

    await chat.say('France');
    expect(joined(chat.lastTexts())).toMatch(/What are you doing now\?/);

    await chat.say('4');
    expect(joined(chat.lastTexts())).toMatch(/highest diploma/);

    await chat.tap(1); // No diploma
    expect(joined(chat.lastTexts())).toMatch(/region or city/);

    await chat.say('Occitanie');
    expect(joined(chat.lastTexts())).toMatch(/Do you live in a camp/);

    await chat.say('no');
    const result = joined(chat.lastTexts());
    expect(result).toMatch(/\*\*DIGI@TER\*\*: you can join\./);
    expect(result).toMatch(/Your age \(22 years\) is fine\./);
    expect(result).toMatch(/\*\*CAMPLUS\*\*: you cannot join\./);
    expect(result).toMatch(/This programme is for people who live in a camp\./);
    expect(result).not.toMatch(/I don't know if you lead a project/); // not asked, not shown
    expect(result).toMatch(/I have saved your answers/);
    // Someone who can join is offered a referral; "no" goes back to the menu.
    expect(result).toMatch(/Do you want me to put you in touch with an organisation/);
    await chat.say('no');
    expect(joined(chat.lastTexts())).toMatch(/What would you like to do\?/); // back to the menu

    const userKey = pseudonymize(running.config.pseudonymSecret, 'user', 'webchat', 'user-full-en');
    const checks = await running.app.storage.eligibilityChecks.listByUser(userKey);
    expect(checks).toHaveLength(1);
    expect(checks[0]!.answers).toEqual({
      birthDate: '2004-03-03',
      country: 'FR',
      situation: 'none',
      qualification: 'none',
      region: 'Occitanie',
      livesInCamp: false
    });
    expect(checks[0]!.rulesVersion).toBe(running.app.content.eligibilityRules.version);
    expect(checks[0]!.result.programmes.map((p) => [p.programme, p.outcome])).toEqual([
      ['digiter', 'eligible'],
      ['camplus', 'not_eligible']
    ]);
    const consent = await running.app.storage.consents.latest(userKey);
    expect(consent).toMatchObject({ decision: 'granted', language: 'en', noticeVersion: running.app.content.privacyNotice.version });
    await running.close();
  });

  it('understands free French answers and keeps nothing when consent is refused', async () => {
    const running = await startApp(target.env(), clock);
    const chat = new ChatDriver(running.url, connector, 'conv-free-fr', { locale: 'fr-FR', userId: 'user-free-fr' });
    await chat.start();
    await chat.say('français');
    expect(joined(chat.lastTexts())).toMatch(/je vous parle en français/);
    await chat.say('non merci');
    expect(joined(chat.lastTexts())).toMatch(/je ne garde rien sur vous/);
    await chat.say('Savoir si je peux participer');
    await chat.say("j'ai vingt-deux ans");
    expect(joined(chat.lastTexts())).toMatch(/Dans quel pays vivez-vous/);
    await chat.say('Belgique');
    await chat.say('je travaille');
    expect(joined(chat.lastTexts())).toMatch(/diplôme le plus élevé/);
    await chat.say('bac');
    await chat.say('Passer');
    await chat.say('non');
    const result = joined(chat.lastTexts());
    expect(result).toMatch(/\*\*DIGI@TER\*\* : vous ne pouvez pas participer\./);
    expect(result).toMatch(/Vous avez un travail\./);
    expect(result).toMatch(/Je n'ai pas enregistré vos réponses/);
    const userKey = pseudonymize(running.config.pseudonymSecret, 'user', 'webchat', 'user-free-fr');
    expect(await running.app.storage.eligibilityChecks.listByUser(userKey)).toEqual([]);
    expect(await running.app.storage.consents.latest(userKey)).toMatchObject({ decision: 'refused', language: 'fr' });
    await running.close();
  });

  it('understands Arabic digits and words', async () => {
    const running = await startApp(target.env(), clock);
    const chat = new ChatDriver(running.url, connector, 'conv-ar', { locale: 'ar', userId: 'user-ar' });
    await chat.start();
    await chat.tap(1); // العربية
    await chat.say('نعم');
    await chat.tap(1); // eligibility
    await chat.say('٢٢');
    const countryQuestion = joined(chat.lastTexts());
    expect(countryQuestion).toMatch(/[\u0600-\u06FF]/);
    expect(chat.lastButtons()).toHaveLength(6);
    await chat.tap(6); // another country
    await chat.tap(4); // none of these
    await chat.tap(1); // no diploma
    await chat.say('نعم'); // lives in a camp (no region question outside partner countries)
    await chat.tap(1); // leads a project
    const result = joined(chat.lastTexts());
    expect(result).toMatch(/CAMPLUS/);
    const userKey = pseudonymize(running.config.pseudonymSecret, 'user', 'webchat', 'user-ar');
    const [check] = await running.app.storage.eligibilityChecks.listByUser(userKey);
    expect(check?.answers).toMatchObject({ age: 22, country: 'OTHER', livesInCamp: true, project: 'leading' });
    expect(check?.language).toBe('ar');
    expect(check?.result.programmes.find((p) => p.programme === 'camplus')?.outcome).toBe('eligible');
    await running.close();
  });

  it('asks a 15-year-old in Germany for a guardian and keeps nothing when the guardian does not agree', async () => {
    const running = await startApp(target.env(), clock);
    const chat = new ChatDriver(running.url, connector, 'conv-guardian', { locale: 'en-US', userId: 'user-guardian' });
    await chat.start();
    await chat.tap(1);
    await chat.say('yes');
    await chat.tap(1);
    await chat.say('15');
    await chat.say('Germany');
    expect(joined(chat.lastTexts())).toMatch(/people under 16 years need a parent or guardian to agree/);
    await chat.say('no');
    expect(joined(chat.lastTexts())).toMatch(/I will not keep your answers/);
    expect(joined(chat.lastTexts())).toMatch(/What are you doing now\?/);
    await chat.tap(4);
    await chat.tap(1);
    await chat.tap(1); // skip the region
    await chat.say('no');
    expect(joined(chat.lastTexts())).toMatch(/You are 15 years old\. You must be at least 16 years old\./);
    expect(joined(chat.lastTexts())).toMatch(/I have not saved your answers/);
    const userKey = pseudonymize(running.config.pseudonymSecret, 'user', 'webchat', 'user-guardian');
    expect(await running.app.storage.eligibilityChecks.listByUser(userKey)).toEqual([]);
    const history = await running.app.storage.consents.history(userKey);
    expect(history.map((c) => [c.decision, c.guardianConfirmed])).toEqual([
      ['granted', null],
      ['refused', false]
    ]);
    await running.close();
  });
});
