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

/** Delivery problems: the dead letters without their content, each with a button to try it again. */
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
          <div class="table-wrap" role="region" aria-labelledby="dead-letters-caption" tabIndex={0}>
            <table>
              <caption id="dead-letters-caption">{t('consoleReports:deadLetters.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('consoleReports:deadLetters.created')}</th>
                  <th scope="col">{t('consoleReports:deadLetters.kind')}</th>
                  <th scope="col">{t('consoleReports:deadLetters.event')}</th>
                  <th scope="col">{t('consoleReports:deadLetters.partner')}</th>
                  <th scope="col">{t('consoleReports:deadLetters.attempts')}</th>
                  <th scope="col">{t('consoleReports:deadLetters.error')}</th>
                  <th scope="col">{t('consoleReports:deadLetters.referral')}</th>
                  <th scope="col">{t('consoleReports:deadLetters.action')}</th>
                </tr>
              </thead>
              <tbody>
                {messages.map((m) => (
                  <tr>
                    <td>{formatDay(m.createdAt, texts.lang, props.timeZone)}</td>
                    <td>{t(`consoleReports:deadLetters.kindName.${kindKey(m.kind)}`)}</td>
                    <td>
                      <code>{m.event ?? '—'}</code>
                    </td>
                    <td>{m.partnerId ? (props.partnerNames.get(m.partnerId) ?? m.partnerId) : '—'}</td>
                    <td class="num">{formatNumber(m.attempts, texts.lang)}</td>
                    <td>
                      <code class="typed">{m.lastError ?? '—'}</code>
                    </td>
                    <td>
                      <code>{m.aggregateId}</code>
                    </td>
                    <td>
                      <form method="post" action={`/console/dead-letters/${encodeURIComponent(m.id)}/retry`} class="inline">
                        <CsrfField token={props.csrfToken} />
                        <button type="submit" aria-describedby={`dead-${m.id}`}>
                          {t('consoleReports:deadLetters.retry')}
                        </button>
                        <span id={`dead-${m.id}`} class="visually-hidden">
                          {t(`consoleReports:deadLetters.kindName.${kindKey(m.kind)}`)}, {formatDay(m.createdAt, texts.lang, props.timeZone)}
                        </span>
                      </form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
