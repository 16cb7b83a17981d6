import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { pseudonymize } from '../../src/bot/pseudonym';
import { FieldCipher } from '../../src/storage';
import { QUALIFICATIONS, SITUATIONS, type EligibilityAnswers } from '../../src/domain/eligibility/types';
import { freePort, startChildApp, type ChildApp } from '../support/childApp';
import { FakeConnector, visibleText } from '../support/fakeConnector';
import { tempDataDir } from '../support/testApp';

/**
 * Crash test: many people walk the eligibility flow through /api/messages at once, against the
 * compiled app in a child process, which is SIGKILLed at two random points and restarted on the
 * same data (and port). The test acts as the Bot Framework channel does: an activity that was
 * not acknowledged (no HTTP 200) is delivered again with the same id until it is, and a person
 * answers only the question they were shown. Then: no acknowledged answer is lost, none was
 * refused or stored in another field, the person was shown each next question, and no record
 * is duplicated.
 */
const PEOPLE = 60;
const AT_ONCE = 12;
const SECRET = 'a-pseudonym-secret-for-the-crash-test-1234';
const COUNTRIES = [
  ['France', 'FR'],
  ['Belgium', 'BE'],
  ['Germany', 'DE'],
  ['Portugal', 'PT'],
  ['Romania', 'RO']
] as const;

interface Step {
  /** What the person sends (undefined: the conversation starts, a conversationUpdate). */
  text?: string;
  /** What the bot must have shown after this step was acknowledged: the next question. */
  then: RegExp;
}

/** A person's walk through the flow, and the answers that must be stored. */
function person(i: number): { steps: Step[]; expected: EligibilityAnswers } {
  const age = 18 + (i % 10);
  const [countryName, country] = COUNTRIES[i % COUNTRIES.length]!;
  const situation = 1 + (i % SITUATIONS.length);
  const qualification = 1 + (i % (QUALIFICATIONS.length - 1));
  const region = `Town ${i}`;
  return {
    steps: [
      { then: /Hello! I am Passerelle/ },
      { text: 'English', then: /Do you agree that I keep your answers\?/ },
      { text: 'yes', then: /What would you like to do\?/ },
      { text: 'Check if I can join', then: /How old are you\?/ },
      { text: String(age), then: /In which country do you live now\?/ },
      { text: countryName, then: /What are you doing now\?/ },
      { text: String(situation), then: /What is the highest diploma you have\?/ },
      { text: String(qualification), then: /In which region or city do you live\?/ },
      { text: region, then: /Do you live in a camp/ },
      { text: 'no', then: /I have saved your answers/ }
    ],
    expected: {
      age,
      country,
      situation: SITUATIONS[situation - 1],
      qualification: QUALIFICATIONS[qualification - 1],
      region,
      livesInCamp: false
    }
  };
}

describe('crash test: SIGKILL under load, restart, carry on', () => {
  let connector: FakeConnector;
  let dataDir: string;
  let app: ChildApp | undefined;

  beforeAll(async () => {
    connector = await FakeConnector.start();
    dataDir = tempDataDir();
  });
  afterAll(async () => {
    if (app) await app.stop();
    await connector.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it(`loses, refuses, misplaces and doubles nothing for ${PEOPLE} people`, async () => {
    const port = await freePort();
    const env = { DATA_DIR: dataDir, PORT: String(port), LOCAL_DIRECTLINE: 'off', PSEUDONYM_SECRET: SECRET, SHUTDOWN_TIMEOUT_MS: '1000' };
    app = await startChildApp(env);
    const url = app.url;
    const total = PEOPLE * person(0).steps.length;
    const killsAt = [0.15 + Math.random() * 0.3, 0.55 + Math.random() * 0.3].map((f) => Math.round(f * total));
    let acknowledged = 0;
    let redeliveries = 0;
    const problems: string[] = [];
    let crashing: Promise<void> | undefined;

    /** SIGKILL, then a new process on the same data and port. */
    let restarts = 0;
    const crashAndRestart = async (): Promise<void> => {
      app!.process.kill('SIGKILL');
      await app!.exited;
      app = await startChildApp(env);
      restarts += 1;
    };

    /** Delivers one activity as a channel does: again, with the same id, until it is acknowledged. */
    const deliver = async (activity: Record<string, unknown>): Promise<void> => {
      for (let attempt = 1; ; attempt++) {
        const status = await fetch(`${url}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(activity)
        }).then(
          (r) => r.status,
          () => 0
        );
        if (status === 200) return;
        if (status !== 0 && status !== 503) problems.push(`${String(activity.id)}: HTTP ${status}`);
        redeliveries += 1;
        if (attempt > 200) throw new Error(`${String(activity.id)} was never acknowledged`);
        await (crashing ?? new Promise((r) => setTimeout(r, 50)));
      }
    };

    const walk = async (i: number): Promise<void> => {
      const conversationId = `crash-conv-${i}`;
      const userId = `crash-user-${i}`;
      for (const [n, step] of person(i).steps.entries()) {
        const seen = connector.messagesFor(conversationId).length;
        const activity: Record<string, unknown> = {
          type: step.text === undefined ? 'conversationUpdate' : 'message',
          id: `crash-${i}-${n}`,
          channelId: 'webchat',
          serviceUrl: connector.serviceUrl,
          locale: 'en-US',
          from: { id: userId, role: 'user' },
          recipient: { id: 'bot', role: 'bot' },
          conversation: { id: conversationId },
          ...(step.text === undefined ? { membersAdded: [{ id: userId }, { id: 'bot' }] } : { text: step.text })
        };
        await deliver(activity);
        acknowledged += 1;
        if (killsAt.includes(acknowledged)) crashing = crashAndRestart().finally(() => (crashing = undefined));
        const shown = connector.messagesFor(conversationId).slice(seen).map(visibleText).join('\n');
        if (/did not understand/i.test(shown)) problems.push(`${conversationId} step ${n} (${step.text}): refused: ${shown}`);
        if (/something went wrong/i.test(shown)) problems.push(`${conversationId} step ${n} (${step.text}): an apology`);
        if (!step.then.test(shown)) problems.push(`${conversationId} step ${n} (${step.text}): the next question was not shown: ${shown.slice(0, 200)}`);
      }
    };

    let next = 0;
    await Promise.all(
      Array.from({ length: AT_ONCE }, async () => {
        while (next < PEOPLE) await walk(next++);
      })
    );
    await crashing;
    expect({ acknowledged, problems }).toEqual({ acknowledged: total, problems: [] });

    // Every record is there once, with the answers in their own fields.
    await app.stop();
    app = undefined;
    const db = new Database(path.join(dataDir, 'passerelle.sqlite'), { readonly: true });
    const cipher = FieldCipher.development();
    try {
      const wrong: string[] = [];
      for (let i = 0; i < PEOPLE; i++) {
        const userKey = pseudonymize(SECRET, 'user', 'webchat', `crash-user-${i}`);
        const checks = db.prepare('SELECT answers FROM eligibility_checks WHERE user_key = ?').all(userKey) as { answers: string }[];
        const consents = db.prepare('SELECT decision FROM consents WHERE user_key = ?').all(userKey) as { decision: string }[];
        if (checks.length !== 1) wrong.push(`person ${i}: ${checks.length} eligibility checks`);
        // Encrypted at rest: the child app runs with the development data key (no DATA_KEYS).
        else if (JSON.stringify(JSON.parse(cipher.decrypt(checks[0]!.answers, userKey))) !== JSON.stringify(person(i).expected)) {
          wrong.push(`person ${i}: stored ${cipher.decrypt(checks[0]!.answers, userKey)}, answered ${JSON.stringify(person(i).expected)}`);
        }
        if (consents.length !== 1 || consents[0]!.decision !== 'granted') wrong.push(`person ${i}: consents ${JSON.stringify(consents)}`);
      }
      expect(wrong).toEqual([]);
      expect(db.prepare('SELECT COUNT(*) FROM eligibility_checks').pluck().get()).toBe(PEOPLE);
      expect(db.prepare('SELECT COUNT(*) FROM consents').pluck().get()).toBe(PEOPLE);
    } finally {
      db.close();
    }
    // The kills happened while people were talking (redeliveries prove it), and the process came back each time.
    expect(redeliveries).toBeGreaterThan(0);
    expect(restarts).toBe(2);
    console.info(`crash test: ${total} turns acknowledged, killed after ${killsAt.join(' and ')}, ${redeliveries} deliveries repeated`);
  }, 300_000); // generous: hundreds of turns on a child process of a loaded CI machine
});
