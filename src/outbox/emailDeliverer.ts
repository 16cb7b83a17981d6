import nodemailer, { type Transporter } from 'nodemailer';
import type { OutboxMessage, Partner } from '../domain';
import type { Localizer } from '../i18n';
import type { Deliverer, DeliveryOutcome } from './deliverer';

/**
 * E-mails a partner that a referral changed, in the partner's notification language, through
 * SMTP (nodemailer). The e-mail carries no personal data: the programme, the reference, what
 * happened and where to look (the console, or the partner API); the details stay behind a
 * sign-in. The outbox message id is the e-mail's Message-ID, so a second delivery can be
 * recognised. A permanent refusal (5xx) is put aside; anything else is tried again.
 */
export class EmailDeliverer implements Deliverer {
  private readonly transport: Transporter;

  constructor(
    private readonly deps: {
      smtp: { url: string; from: string };
      partner: (id: string) => Partner | undefined;
      localizer: Localizer;
      publicBaseUrl: string;
      /** For tests: how long to wait for the SMTP server. */
      timeoutMs?: number;
    }
  ) {
    const timeout = deps.timeoutMs ?? 15_000;
    const url = new URL(deps.smtp.url);
    for (const [name, value] of Object.entries({ connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout })) url.searchParams.set(name, String(value));
    this.transport = nodemailer.createTransport(url.toString());
  }

  async deliver(message: OutboxMessage): Promise<DeliveryOutcome> {
    const { partnerId, event, reference, programme, referralId } = message.payload as Record<string, string | undefined>;
    const partner = partnerId ? this.deps.partner(partnerId) : undefined;
    if (!partner?.delivery.email) return { kind: 'failed', error: `partner "${String(partnerId)}" has no e-mail address` };
    const texts = this.deps.localizer.textsIn(partner.notificationLanguage);
    const eventName = String(event).replace(/^referral\./, '');
    const params = {
      reference,
      programme: texts.t(`eligibility:programme.${programme}`),
      partner: partner.name,
      link: `${this.deps.publicBaseUrl}/console/referrals/${encodeURIComponent(String(referralId))}`
    };
    try {
      await this.transport.sendMail({
        from: this.deps.smtp.from,
        to: partner.delivery.email,
        subject: texts.t(`partnerMail:subject.${eventName}`, params),
        text: [texts.t('partnerMail:greeting', params), texts.t(`partnerMail:body.${eventName}`, params), texts.t('partnerMail:where', params), texts.t('partnerMail:footer')].join('\n\n'),
        messageId: `<${message.id}@passerelle>`,
        headers: { 'X-Passerelle-Event': String(event), 'X-Passerelle-Reference': String(reference) }
      });
      return { kind: 'delivered' };
    } catch (err) {
      const code = (err as { responseCode?: number }).responseCode;
      const error = `e-mail to partner "${partner.id}" refused (${code ? `SMTP ${code}` : (err as Error).name}: ${(err as Error).message.slice(0, 200)})`;
      return code !== undefined && code >= 500 ? { kind: 'failed', error } : { kind: 'retry', error };
    }
  }

  close(): void {
    this.transport.close();
  }
}
