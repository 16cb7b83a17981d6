import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { verifyWebhook } from '../../src/outbox';
import { startChildApp, type ChildApp } from '../support/childApp';
import { ChatDriver } from '../support/chatDriver';
import { contentWithWebhooks, FakePartnerEndpoint, type ReceivedWebhook } from '../support/fakePartner';
import { FakeConnector } from '../support/fakeConnector';
import { describeEachStorage } from '../support/storageTargets';
import { tempDataDir } from '../support/testApp';

/**
 * The server is killed (SIGKILL) after a referral was committed and before the partner's
 * acknowledgement of the webhook was recorded; after a restart on the same database the partner
 * gets the message, and every copy carries the same idempotency key so that it can drop repeats.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const SECRET = 'partner-webhook-secret-for-tests-0123456789';
const SECRETS = Object.fromEntries(
  ['FR_COORDINATOR', 'BE_TRAINING', 'RO_UNIVERSITY', 'DE_CRAFTS_CHAMBER', 'PT_EMPLOYMENT_ASSOCIATION', 'CAMPLUS_TEAM'].map((name) => [`PARTNER_${name}_SECRET`, SECRET])
);

/** A French person from the greeting to a referral to the French partner; returns its reference. */
async function referInFrench(chat: ChatDriver): Promise<string> {
  await chat.start();
  for (const text of ['français', 'oui', 'Savoir si je peux participer', '22', 'France', 'rien', 'aucun', 'Lille', 'non', 'oui', 'Oui, celui-ci', 'oui']) {
    await chat.say(text);
  }
  const sent = chat.lastTexts().join('\n');
  const reference = /\*\*([2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4})\*\*/.exec(sent)?.[1];
  if (!reference) throw new Error(`no reference number in the last reply: ${sent}`);
  return reference;
}

const forReference = (reference: string) => (received: ReceivedWebhook[]) => received.filter((w) => w.body.referral.reference === reference);

describeEachStorage('a crash between the referral and its delivery', (target) => {
  let connector: FakeConnector;
  let partner: FakePartnerEndpoint;
  let contentDir: string;
  let dataDir: string;
  let env: Record<string, string>;
  const children: ChildApp[] = [];

  beforeAll(async () => {
    connector = await FakeConnector.start();
    partner = await FakePartnerEndpoint.start();
    contentDir = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-content-'));
    contentWithWebhooks(path.join(ROOT, 'content'), contentDir, partner.url);
  });

  beforeEach(() => {
    partner.recover();
    dataDir = tempDataDir();
    // One database for the killed process and the one started after it.
    env = { ...target.env(), ...SECRETS, DATA_DIR: dataDir, CONTENT_DIR: contentDir, LOCAL_DIRECTLINE: 'off', PSEUDONYM_SECRET: 'a-pseudonym-secret-kept-across-restarts' };
  });

  afterEach(async () => {
    await Promise.all(children.splice(0).map((child) => (child.process.exitCode === null && child.process.signalCode === null ? child.stop() : child.exited)));
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  afterAll(async () => {
    await Promise.all([connector.close(), partner.close()]);
    fs.rmSync(contentDir, { recursive: true, force: true });
  });

  async function start(extra: Record<string, string>): Promise<ChildApp> {
    const child = await startChildApp({ ...env, ...extra });
    children.push(child);
    return child;
  }

  async function kill(child: ChildApp): Promise<void> {
    child.process.kill('SIGKILL');
    expect((await child.exited).signal).toBe('SIGKILL');
  }

  it('killed after the referral was committed, before the outbox looked at it: delivered once after the restart', async () => {
    // The worker looks at start (nothing yet), then not for a minute: the referral stays undelivered.
    const first = await start({ OUTBOX_POLL_MS: '60000' });
    const chat = new ChatDriver(first.url, connector, `conv-crash-a-${target.kind}`, { locale: 'fr-FR', userId: `user-crash-a-${target.kind}` });
    const reference = await referInFrench(chat);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(forReference(reference)(partner.received)).toHaveLength(0);
    await kill(first);

    await start({ OUTBOX_POLL_MS: '50' });
    await partner.waitFor((received) => forReference(reference)(received).length > 0, 60_000);
    await new Promise((resolve) => setTimeout(resolve, 500)); // time for a wrong second copy to arrive
    const copies = forReference(reference)(partner.received);
    expect(copies.map((w) => w.body.event)).toEqual(['referral.routed']);
    const [hook] = copies;
    expect(hook!.headers['idempotency-key']).toBe(hook!.body.id);
    expect(verifyWebhook(SECRET, hook!.raw, hook!.headers['passerelle-signature'] as string, Math.floor(Date.now() / 1000))).toBe(true);
  }, 180_000); // generous: twelve turns on a child process of a loaded CI machine

  it('killed while the partner was receiving the webhook: sent again after the restart with the same idempotency key', async () => {
    partner.hold(); // the partner receives the call and does not answer before the sender dies
    const first = await start({ OUTBOX_POLL_MS: '50', WEBHOOK_TIMEOUT_MS: '2000' });
    const chat = new ChatDriver(first.url, connector, `conv-crash-b-${target.kind}`, { locale: 'fr-FR', userId: `user-crash-b-${target.kind}` });
    const reference = await referInFrench(chat);
    await partner.waitFor((received) => forReference(reference)(received).length === 1, 60_000);
    await kill(first);
    partner.recover();

    // The dead worker's claim runs out (webhook timeout + 30 s); then the new process sends it.
    await start({ OUTBOX_POLL_MS: '50', WEBHOOK_TIMEOUT_MS: '2000' });
    await partner.waitFor((received) => forReference(reference)(received).length === 2, 120_000);
    const copies = forReference(reference)(partner.received);
    const keys = copies.map((w) => w.headers['idempotency-key']);
    expect(keys[0]).toBeTruthy();
    expect(new Set(keys).size).toBe(1); // the receiver keeps the first and drops the repeat
    expect(copies[1]!.body).toEqual(copies[0]!.body);
    for (const hook of copies) {
      expect(verifyWebhook(SECRET, hook.raw, hook.headers['passerelle-signature'] as string, Math.floor(Date.now() / 1000))).toBe(true);
    }
  }, 240_000);
});
