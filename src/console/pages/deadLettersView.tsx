import type { Texts } from '../../i18n';
import { formatDay, formatNumber } from '../../i18n';
import type { DeadLetterView } from '../../services/deadLetterService';
import { CsrfField } from './consoleLayout';

/** The text key of a message kind (`partner.webhook` → `partnerWebhook`). */
export function kindKey(kind: string): string {
  switch (kind) {
    case 'partner.webhook':
      return 'partnerWebhook';
    case 'partner.email':
      return 'partnerEmail';
    case 'person.message':
      return 'personMessage';
    default:
      return 'other';
  }
}

export interface DeadLettersViewProps {
  texts: Texts;
  csrfToken: string;
  total: number;
  messages: readonly DeadLetterView[];
  /** What the last retry did, to say so. */
  outcome?: 'retried' | 'notDead';
  partnerNames: ReadonlyMap<string, string>;
  timeZone: string;
}

/** Delivery problems: the dead letters without their content, one card each (readable on a phone) with a button to try it again. */
export function DeadLettersView(props: DeadLettersViewProps) {
  const { texts, messages, total } = props;
  const t = texts.t;
  return (
    <section>
      <h1>{t('consoleReports:deadLetters.title')}</h1>
      <p>{t('consoleReports:deadLetters.intro')}</p>
      {props.outcome && (
        <p role="status" class={props.outcome === 'retried' ? 'done' : 'problem'}>
          {t(`consoleReports:deadLetters.${props.outcome}`)}
        </p>
      )}
      {total === 0 ? (
        <p>{t('consoleReports:deadLetters.none')}</p>
      ) : (
        <>
          <p>
            {t('consoleReports:deadLetters.count', { count: total })}
            {messages.length < total ? ` ${t('consoleReports:deadLetters.shown', { count: messages.length })}` : ''}
          </p>
          <ul class="dead-letters">
            {messages.map((m) => {
              const kind = t(`consoleReports:deadLetters.kindName.${kindKey(m.kind)}`);
              const created = formatDay(m.createdAt, texts.lang, props.timeZone);
              return (
                <li class="card">
                  <h2 id={`dead-${m.id}`}>
                    {kind} · {created}
                  </h2>
                  <dl>
                    <dt>{t('consoleReports:deadLetters.event')}</dt>
                    <dd>
                      <code>{m.event ?? '—'}</code>
                    </dd>
                    <dt>{t('consoleReports:deadLetters.partner')}</dt>
                    <dd>{m.partnerId ? (props.partnerNames.get(m.partnerId) ?? m.partnerId) : '—'}</dd>
                    <dt>{t('consoleReports:deadLetters.attempts')}</dt>
                    <dd>{formatNumber(m.attempts, texts.lang)}</dd>
                    <dt>{t('consoleReports:deadLetters.error')}</dt>
                    <dd>
                      <code class="typed">{m.lastError ?? '—'}</code>
                    </dd>
                    <dt>{t('consoleReports:deadLetters.referral')}</dt>
                    <dd>
                      <a href={`/console/referrals/${encodeURIComponent(m.aggregateId)}`}>
                        <code>{m.aggregateId}</code>
                      </a>
                    </dd>
                  </dl>
                  <form method="post" action={`/console/dead-letters/${encodeURIComponent(m.id)}/retry`}>
                    <CsrfField token={props.csrfToken} />
                    <button type="submit" aria-describedby={`dead-${m.id}`}>
                      {t('consoleReports:deadLetters.retry')}
                    </button>
                  </form>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
