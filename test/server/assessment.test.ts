import { pseudonymize } from '../../src/bot/pseudonym';
import type { AssessmentProfile } from '../../src/domain';
import { hashProfileLinkToken } from '../../src/storage';
import { FakeConnector } from '../support/fakeConnector';
import { ChatDriver } from '../support/chatDriver';
import { describeEachStorage } from '../support/storageTargets';
import { startApp, tempDataDir, type RunningApp } from '../support/testApp';

const DAY = 24 * 60 * 60 * 1000;
let now = new Date('2026-11-29T10:00:00Z');
const clock = () => now;

let connector: FakeConnector;
beforeAll(async () => {
  connector = await FakeConnector.start();
});
afterAll(() => connector.close());

const joined = (chat: ChatDriver) => chat.lastTexts().join('\n');

/** Starts a conversation and reaches the assessment's first question (language tapped first, consent given). */
async function startAssessment(chat: ChatDriver, languageButton: string, questionnaireButton: number): Promise<void> {
  await chat.start();
  await chat.say(languageButton);
  await chat.tap(1); // consent: yes
  await chat.tap(3); // menu: test my skills
  await chat.tap(questionnaireButton);
}

describeEachStorage('skills self-assessment through /api/messages', (target) => {
  it('DIGI@TER in French: pause, server restart, resume; the stored profile follows the scoring table; the printable page and its JSON', async () => {
    now = new Date('2026-11-29T10:00:00Z');
    const dataDir = tempDataDir();
    const storage = target.env();
    let running: RunningApp = await startApp({ DATA_DIR: dataDir, ...storage }, clock);
    expect(running.app.storage.kind).toBe(target.kind);
    const chat = new ChatDriver(running.url, connector, 'conv-assess-fr', { locale: 'fr-FR', userId: 'user-assess-fr' });
    await startAssessment(chat, 'Français', 1);
    expect(joined(chat)).toMatch(/Question 1 sur 19/);

    // LifeComp (items 1-9): "I could show others" (4); DigComp (items 10-19): "with help" (2).
    for (let i = 1; i <= 9; i++) await chat.say('4');
    await chat.say('2');
    await chat.say('2');
    expect(joined(chat)).toMatch(/Question 12 sur 19/);
    await chat.say('pause');
    expect(joined(chat)).toMatch(/vous pourrez continuer plus tard|continuer plus tard/i);

    await running.close();
    now = new Date(now.getTime() + 3 * DAY); // days later
    running = await startApp({ DATA_DIR: dataDir, ...storage }, clock);
    chat.retarget(running.url);

    await chat.say('menu');
    await chat.tap(3);
    await chat.tap(1);
    expect(joined(chat)).toMatch(/11 questions sur 19|11 sur 19/);
    await chat.say('oui');
    expect(joined(chat)).toMatch(/Question 12 sur 19/);
    for (let i = 12; i <= 19; i++) await chat.say('2');
    const result = joined(chat);
    expect(result).toMatch(/Niveau de formation que nous proposons : Niveau 3/);
    const link = /(http:\/\/localhost:\d+\/profile\/[A-Za-z0-9_-]{43})/.exec(result)?.[1];
    expect(link).toBeDefined();

    const userKey = pseudonymize(running.config.pseudonymSecret, 'user', 'webchat', 'user-assess-fr');
    const [stored] = await running.app.storage.assessments.listByUser(userKey);
    expect(stored?.status).toBe('completed');
    const profile = stored?.profile as AssessmentProfile;
    expect(Object.fromEntries(profile.frameworks.map((f) => [f.framework, f.level]))).toEqual({ lifecomp: 4, digcomp: 2 });
    expect(profile.recommendation).toMatchObject({ eqf: 3, reasonKey: 'recommendation.eqf3.belowThreshold', params: { framework: 'digcomp' } });
    expect(profile.answered).toBe(19);

    // The printable page, in French, from the link in the chat (the server listens on another port after the restart).
    const pageUrl = link!.replace(/^http:\/\/localhost:\d+/, running.url);
    const page = await fetch(pageUrl);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    const html = await page.text();
    expect(html).toMatch(/<html lang="fr" dir="ltr">/);
    expect(html).toMatch(/Mon profil de compétences/);
    const json = (await (await fetch(`${pageUrl}/json`)).json()) as { profile: AssessmentProfile; answers: Record<string, unknown> };
    expect(json.profile.recommendation.eqf).toBe(3);
    expect(Object.keys(json.answers)).toHaveLength(19);

    // Tampered or unknown tokens open nothing.
    const tampered = pageUrl.slice(0, -1) + (pageUrl.endsWith('A') ? 'B' : 'A');
    expect((await fetch(tampered)).status).toBe(404);
    expect((await fetch(`${running.url}/profile/not-a-token`)).status).toBe(404);

    // A link whose record says it was issued to another person opens nothing, even with a valid token.
    const stray = 'x'.repeat(43);
    await running.app.storage.profileLinks.create({
      tokenHash: hashProfileLinkToken(stray),
      userKey: 'someone-else',
      assessmentId: stored!.id,
      createdAt: now,
      expiresAt: new Date(now.getTime() + DAY)
    });
    expect((await fetch(`${running.url}/profile/${stray}`)).status).toBe(404);

    // After the link's validity (7 days), it stops working.
    now = new Date(now.getTime() + 8 * DAY);
    const expired = await fetch(pageUrl);
    expect(expired.status).toBe(404);
    expect(await expired.text()).toMatch(/expiré|expired/);
    await running.close();
  });

  it('CAMPLUS in Arabic with Arabic digits: pause, restart, resume; level 4', async () => {
    now = new Date('2026-11-29T10:00:00Z');
    const dataDir = tempDataDir();
    const storage = target.env();
    let running: RunningApp = await startApp({ DATA_DIR: dataDir, ...storage }, clock);
    expect(running.app.storage.kind).toBe(target.kind);
    const chat = new ChatDriver(running.url, connector, 'conv-assess-ar', { locale: 'ar', userId: 'user-assess-ar' });
    await startAssessment(chat, 'العربية', 2);
    for (let i = 1; i <= 5; i++) await chat.say('٣');
    await chat.tap(7); // the pause button
    await running.close();
    running = await startApp({ DATA_DIR: dataDir, ...storage }, clock);
    chat.retarget(running.url);
    await chat.say('menu');
    await chat.tap(3);
    await chat.tap(2);
    await chat.say('نعم');
    for (let i = 6; i <= 10; i++) await chat.say('٣');
    expect(joined(chat)).toMatch(/المستوى ٤/);
    expect(joined(chat)).toMatch(/[\u0600-\u06FF]/);

    const userKey = pseudonymize(running.config.pseudonymSecret, 'user', 'webchat', 'user-assess-ar');
    const [stored] = await running.app.storage.assessments.listByUser(userKey);
    const profile = stored?.profile as AssessmentProfile;
    expect(stored?.language).toBe('ar');
    expect(profile.questionnaireId).toBe('camplus');
    expect(Object.fromEntries(profile.frameworks.map((f) => [f.framework, f.level]))).toEqual({ lifecomp: 3, entrecomp: 3 });
    expect(profile.recommendation).toMatchObject({ eqf: 4, reasonKey: 'recommendation.eqf4.ready' });
    const link = /(http:\/\/localhost:\d+\/profile\/[A-Za-z0-9_-]{43})/.exec(joined(chat))?.[1];
    const html = await (await fetch(link!.replace(/^http:\/\/localhost:\d+/, running.url))).text();
    expect(html).toMatch(/<html lang="ar" dir="rtl">/);
    await running.close();
  });

  it('keeps nothing without consent and gives no link', async () => {
    now = new Date('2026-11-29T10:00:00Z');
    const running = await startApp(target.env(), clock);
    const chat = new ChatDriver(running.url, connector, 'conv-assess-noconsent', { locale: 'en-US', userId: 'user-assess-nc' });
    await chat.start();
    await chat.say('English');
    await chat.say('no');
    await chat.tap(3);
    await chat.tap(2);
    for (let i = 1; i <= 10; i++) await chat.say('1');
    expect(joined(chat)).toMatch(/no link to your profile/);
    expect(joined(chat)).toMatch(/Training level we suggest: Level 3/);
    const userKey = pseudonymize(running.config.pseudonymSecret, 'user', 'webchat', 'user-assess-nc');
    expect(await running.app.storage.assessments.listByUser(userKey)).toEqual([]);
    await running.close();
  });
});
