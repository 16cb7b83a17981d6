import type { OutboxMessage, Partner } from '../domain';
import type { Clock } from '../services/clock';
import type { Deliverer, DeliveryOutcome } from './deliverer';
import { SIGNATURE_HEADER, signWebhook } from './webhookSignature';

/** Statuses worth trying again: the partner's system is busy or down for a while. */
const RETRYABLE = new Set([408, 425, 429]);

/**
 * POSTs a referral event to the partner's webhook: the JSON body prepared when the change was
 * made, signed (`Passerelle-Signature`), with the message id as `Idempotency-Key` so that the
 * partner can ignore a second delivery. A 2xx is delivered; 408, 425, 429, 5xx, a timeout or a
 * network failure are tried again later; any other answer (a 4xx: the partner refuses it) is put
 * aside at once, for an administrator to look at. Redirects are not followed.
 */
export class WebhookDeliverer implements Deliverer {
  constructor(
    private readonly deps: {
      partner: (id: string) => Partner | undefined;
      /** Signing secrets by variable name (`config.partnerSecrets`). */
      secrets: Readonly<Record<string, string>>;
      timeoutMs: number;
      clock: Clock;
      fetch?: typeof fetch;
    }
  ) {}

  async deliver(message: OutboxMessage): Promise<DeliveryOutcome> {
    const { partnerId, event, body } = message.payload as { partnerId?: string; event?: string; body?: unknown };
    const partner = partnerId ? this.deps.partner(partnerId) : undefined;
    if (!partner) return { kind: 'failed', error: `unknown partner "${String(partnerId)}"` };
    const url = partner.delivery.webhookUrl;
    if (!url) return { kind: 'failed', error: `partner "${partner.id}" has no webhook URL` };
    const secretName = partner.delivery.signingSecretEnv;
    const secret = secretName ? this.deps.secrets[secretName] : undefined;
    if (!secret) return { kind: 'retry', error: `no signing secret: set ${secretName ?? 'the partner\'s signingSecretEnv'} (at least 32 characters)` };
    const json = JSON.stringify(body);
    const signature = signWebhook(secret, json, Math.floor(this.deps.clock().getTime() / 1000));
    try {
      const response = await (this.deps.fetch ?? fetch)(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'Passerelle-Webhook/1',
          'Idempotency-Key': message.id,
          'Passerelle-Event': String(event),
          [SIGNATURE_HEADER]: signature
        },
        body: json,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.deps.timeoutMs)
      });
      await response.arrayBuffer().catch(() => undefined);
      if (response.status >= 200 && response.status < 300) return { kind: 'delivered' };
      const error = `partner "${partner.id}" answered HTTP ${response.status}`;
      return response.status >= 500 || RETRYABLE.has(response.status) ? { kind: 'retry', error } : { kind: 'failed', error };
    } catch (err) {
      const name = (err as Error).name;
      const reason = name === 'TimeoutError' ? `no answer within ${this.deps.timeoutMs} ms` : `${name}: ${(err as Error).message}`;
      return { kind: 'retry', error: `partner "${partner.id}" unreachable (${reason})` };
    }
  }
}
