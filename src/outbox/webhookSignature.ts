import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header that carries the signature: `t=<unix seconds>,v1=<hex HMAC-SHA256>`. */
export const SIGNATURE_HEADER = 'Passerelle-Signature';

/**
 * Signs a webhook body: HMAC-SHA256, keyed by the partner's secret, over `<t>.<body>` where `t`
 * is the time of sending in Unix seconds (so a receiver can refuse old replays). The same
 * computation is documented for partners in docs/partners.md.
 */
export function signWebhook(secret: string, body: string, unixSeconds: number): string {
  const v1 = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${v1}`;
}

/**
 * Checks a signature header against `body` (what a partner's receiver does): true when it was
 * made with `secret` for this very body less than `toleranceSeconds` ago.
 */
export function verifyWebhook(secret: string, body: string, header: string | undefined, nowUnixSeconds: number, toleranceSeconds = 300): boolean {
  const parts = Object.fromEntries((header ?? '').split(',').map((p) => p.trim().split('=', 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || !parts.v1 || Math.abs(nowUnixSeconds - t) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, body, t).split('v1=')[1]!, 'hex');
  const given = Buffer.from(parts.v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
