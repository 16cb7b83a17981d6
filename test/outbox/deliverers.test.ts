import path from 'node:path';
import { SHIPPED_LANGUAGES } from '../../src/config';
import { loadPartners } from '../../src/content';
import type { OutboxMessage, Partner } from '../../src/domain';
import { Localizer } from '../../src/i18n';
import { EmailDeliverer, signWebhook, verifyWebhook, WebhookDeliverer } from '../../src/outbox';
import { FakePartnerEndpoint, FakeSmtpServer } from '../support/fakePartner';

const ROOT = path.resolve(__dirname, '..', '..');
const SECRET = 'x'.repeat(40);
const partners = loadPartners(path.join(ROOT, 'content')).partners;
const now = new Date('2026-12-04T10:00:00.000Z');

function message(payload: Record<string, unknown>, kind = 'partner.webhook'): OutboxMessage {
  return { id: 'msg-1', kind, aggregateId: 'r1', payload, createdAt: now, status: 'pending', attempts: 1, nextAttemptAt: now, lastError: null, deliveredAt: null, lease: null };
}

describe('webhook signatures', () => {
  it('verify only the body they were made for, with the right secret, recently', () => {
    const header = signWebhook(SECRET, '{"a":1}', 1_000_000);
    expect(verifyWebhook(SECRET, '{"a":1}', header, 1_000_010)).toBe(true);
    expect(verifyWebhook(SECRET, '{"a":2}', header, 1_000_010)).toBe(false);
    expect(verifyWebhook('y'.repeat(40), '{"a":1}', header, 1_000_010)).toBe(false);
    expect(verifyWebhook(SECRET, '{"a":1}', header, 1_000_000 + 301)).toBe(false);
    expect(verifyWebhook(SECRET, '{"a":1}', 'garbage', 1_000_000)).toBe(false);
    expect(verifyWebhook(SECRET, '{"a":1}', undefined, 1_000_000)).toBe(false);
  });
});

describe('the webhook deliverer', () => {
  let endpoint: FakePartnerEndpoint;
  beforeAll(async () => {
    endpoint = await FakePartnerEndpoint.start();
  });
  afterAll(() => endpoint.close());

  const deliverer = (partner: Partial<Partner['delivery']> = {}, secrets: Record<string, string> = { P_SECRET: SECRET }, timeoutMs = 2000) =>
    new WebhookDeliverer({
      partner: (id) => (id === 'p' ? { ...partners[0]!, id: 'p', delivery: { webhookUrl: endpoint.url, signingSecretEnv: 'P_SECRET', email: null, ...partner } } : undefined),
      secrets,
      timeoutMs,
      clock: () => now
    });

  it('POSTs the body, signed, with the message id as idempotency key', async () => {
    expect(await deliverer().deliver(message({ partnerId: 'p', event: 'referral.routed', body: { hello: 'world' } }))).toEqual({ kind: 'delivered' });
    const got = endpoint.received.at(-1)!;
    expect(got.body).toEqual({ hello: 'world' });
    expect(got.headers['idempotency-key']).toBe('msg-1');
    expect(got.headers['passerelle-event']).toBe('referral.routed');
    expect(verifyWebhook(SECRET, got.raw, got.headers['passerelle-signature'] as string, now.getTime() / 1000)).toBe(true);
  });

  it.each([
    [503, 'retry'],
    [429, 'retry'],
    [408, 'retry'],
    [400, 'failed'],
    [410, 'failed'],
    [302, 'failed']
  ])('an answer %i is "%s"', async (status, kind) => {
    endpoint.failWith(status);
    try {
      expect(await deliverer().deliver(message({ partnerId: 'p', event: 'e', body: {} }))).toMatchObject({ kind, error: expect.stringContaining(`HTTP ${status}`) });
    } finally {
      endpoint.recover();
    }
  });

  it('tries again later when the partner cannot be reached or its secret is not set; gives up on an unknown partner', async () => {
    expect(await deliverer({ webhookUrl: 'http://127.0.0.1:1/hook' }).deliver(message({ partnerId: 'p', event: 'e', body: {} }))).toMatchObject({ kind: 'retry', error: expect.stringMatching(/unreachable/) });
    expect(await deliverer({}, {}).deliver(message({ partnerId: 'p', event: 'e', body: {} }))).toMatchObject({ kind: 'retry', error: expect.stringMatching(/set P_SECRET/) });
    expect(await deliverer().deliver(message({ partnerId: 'nobody', event: 'e', body: {} }))).toMatchObject({ kind: 'failed' });
  });
});

/** An e-mail's text with its quoted-printable encoding undone (soft line breaks, =XX bytes). */
function decodeQuotedPrintable(raw: string): string {
  const joined = raw.replace(/=\r?\n/g, '');
  return Buffer.from(joined.replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8');
}

describe('the e-mail deliverer', () => {
  it('sends the partner a short e-mail in its language, with no personal data, to a real SMTP server', async () => {
    const smtp = await FakeSmtpServer.start();
    const localizer = Localizer.load(path.join(ROOT, 'locales'), SHIPPED_LANGUAGES, 'fr');
    const email = new EmailDeliverer({ smtp: { url: smtp.url, from: 'passerelle@example.org' }, partner: (id) => partners.find((p) => p.id === id), localizer, publicBaseUrl: 'https://passerelle.example.org' });
    try {
      const outcome = await email.deliver(message({ partnerId: 'de-crafts-chamber', event: 'referral.routed', referralId: 'r1', reference: 'K7M4-QX2P', programme: 'digiter' }, 'partner.email'));
      expect(outcome).toEqual({ kind: 'delivered' });
      const [mail] = smtp.mails;
      expect(mail!.to).toEqual(['referrals@de-crafts-chamber.example.org']);
      const text = decodeQuotedPrintable(mail!.raw);
      expect(text).toContain(localizer.t('de', 'partnerMail:body.routed', { reference: 'K7M4-QX2P', programme: 'DIGI@TER' }));
      expect(text).toContain('https://passerelle.example.org/console/referrals/r1');
      expect(text).toMatch(/Message-ID: <msg-1@passerelle>/i);
    } finally {
      email.close();
      await smtp.close();
    }
  });

  it('tries again when the SMTP server cannot be reached', async () => {
    const localizer = Localizer.load(path.join(ROOT, 'locales'), SHIPPED_LANGUAGES, 'fr');
    const email = new EmailDeliverer({ smtp: { url: 'smtp://127.0.0.1:1', from: 'p@example.org' }, partner: (id) => partners.find((p) => p.id === id), localizer, publicBaseUrl: 'http://x', timeoutMs: 1000 });
    const outcome = await email.deliver(message({ partnerId: 'fr-coordinator', event: 'referral.routed', referralId: 'r1', reference: 'K7M4-QX2P', programme: 'digiter' }, 'partner.email'));
    email.close();
    expect(outcome).toMatchObject({ kind: 'retry' });
  });
});
