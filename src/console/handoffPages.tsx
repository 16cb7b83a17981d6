import { z } from 'zod';
import { MAX_ENTRY_LENGTH, type Handoff, type HandoffEntry } from '../domain';
import { formatDayAndTime, type Texts } from '../i18n';
import type { Clock } from '../services/clock';
import type { HandoffActResult, HandoffService } from '../services/handoffService';
import { CONSOLE_PATH, type ConsoleMount, type ConsolePageContext } from './consoleContext';
import { CsrfField, Typed } from './pages/consoleLayout';

export const HANDOFF_PAGES_PATH = `${CONSOLE_PATH}/handoffs`;

/** Caseworkers answer people who asked to talk to a person; administrators may too. */
const ROLES = ['caseworker', 'admin'] as const;

export interface HandoffPagesDeps {
  handoffs: HandoffService;
  clock: Clock;
  /** The time zone dates are shown in (the opening hours'). */
  timeZone: string;
}

const idParam = z.string().uuid().or(z.string().regex(/^[A-Za-z0-9_-]{16,100}$/));
const replyForm = z.object({ text: z.string().trim().min(1).max(MAX_ENTRY_LENGTH) });

function handoffIdOf(ctx: ConsolePageContext): string | undefined {
  const parsed = idParam.safeParse((ctx.req.params as Record<string, unknown> | undefined)?.id);
  return parsed.success ? parsed.data : undefined;
}

/** Minutes between two instants, rounded down, never negative. */
function minutesBetween(from: Date, to: Date): number {
  return Math.max(0, Math.floor((to.getTime() - from.getTime()) / 60_000));
}

/**
 * The "talk to a person" pages: the queue (waiting conversations, longest waiting first, and
 * those in progress), one conversation (the recent exchange, what was said since, take, reply,
 * end). Caseworkers and administrators only; every view and action is audited; everything a
 * person or caseworker typed is shown as text (`Typed`).
 */
export function addHandoffPages(mount: ConsoleMount, deps: HandoffPagesDeps): void {
  const { handoffs } = deps;
  const when = (texts: Texts, at: Date): string => formatDayAndTime(at, texts.lang, deps.timeZone);

  mount.page({
    path: HANDOFF_PAGES_PATH,
    roles: ROLES,
    nav: { key: 'consoleHandoff:nav', order: 20 },
    handler: async (ctx) => {
      const { t } = ctx.texts;
      const [waiting, taken] = await Promise.all([handoffs.list(['requested'], 200), handoffs.list(['taken'], 200)]);
      await ctx.audit('handoff.queue', { detail: `waiting ${waiting.length}, in progress ${taken.length}` });
      const now = deps.clock();
      const rows = (list: Handoff[], kind: 'waiting' | 'taken') =>
        list.length === 0 ? (
          <p class="muted">{t(kind === 'waiting' ? 'consoleHandoff:queue.noneWaiting' : 'consoleHandoff:queue.noneInProgress')}</p>
        ) : (
          <div class="table-wrap">
            <table>
              <caption class="muted">{t(kind === 'waiting' ? 'consoleHandoff:queue.waitingCaption' : 'consoleHandoff:queue.inProgressCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('consoleHandoff:queue.asked')}</th>
                  <th scope="col">{t('consoleHandoff:queue.waited')}</th>
                  <th scope="col">{t('consoleHandoff:queue.language')}</th>
                  <th scope="col">{t('consoleHandoff:queue.status')}</th>
                  <th scope="col">{t('consoleHandoff:queue.open')}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((h) => (
                  <tr>
                    <td>{when(ctx.texts, h.requestedAt)}</td>
                    <td>{t('consoleHandoff:queue.minutes', { count: minutesBetween(h.requestedAt, now) })}</td>
                    <td lang={h.language}>{ctx.languageNames[h.language] ?? h.language}</td>
                    <td>{h.status === 'taken' && h.takenBy === ctx.account.id ? t('consoleHandoff:status.takenByYou') : t(`consoleHandoff:status.${h.status}`)}</td>
                    <td>
                      <a href={`${HANDOFF_PAGES_PATH}/${h.id}`}>{t('consoleHandoff:queue.openLink', { asked: when(ctx.texts, h.requestedAt) })}</a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      ctx.render(
        t('consoleHandoff:queue.title'),
        <section>
          <h1>{t('consoleHandoff:queue.title')}</h1>
          <p>
            <a href={HANDOFF_PAGES_PATH}>{t('consoleHandoff:refresh')}</a>
          </p>
          <h2>{t('consoleHandoff:queue.waiting', { count: waiting.length })}</h2>
          {rows(waiting, 'waiting')}
          <h2>{t('consoleHandoff:queue.inProgress', { count: taken.length })}</h2>
          {rows(taken, 'taken')}
        </section>
      );
    }
  });

  mount.page({
    path: `${HANDOFF_PAGES_PATH}/:id`,
    roles: ROLES,
    handler: async (ctx) => {
      const { t } = ctx.texts;
      const id = handoffIdOf(ctx);
      const handoff = id ? await handoffs.get(id) : null;
      if (!handoff) return ctx.message(404, 'console:errors.notFoundTitle', 'consoleHandoff:notFound');
      await ctx.audit('handoff.view', { userKey: handoff.userKey, detail: `handoff ${handoff.id}` });
      const mine = handoff.status === 'taken' && handoff.takenBy === ctx.account.id;
      const entries = (list: HandoffEntry[]) => (
        <ol class="exchange">
          {list.map((e) => (
            <li class={`from-${e.from}`}>
              <span class="muted">
                {t(`consoleHandoff:from.${e.from}`)} · {when(ctx.texts, e.at)}
              </span>
              <br />
              <Typed text={e.text} class="typed" />
            </li>
          ))}
        </ol>
      );
      ctx.render(
        t('consoleHandoff:detail.title'),
        <section>
          <h1>{t('consoleHandoff:detail.title')}</h1>
          <p>
            <a href={HANDOFF_PAGES_PATH}>{t('consoleHandoff:back')}</a> · <a href={`${HANDOFF_PAGES_PATH}/${handoff.id}`}>{t('consoleHandoff:refresh')}</a>
          </p>
          <div class="card">
            <dl>
              <dt>{t('consoleHandoff:queue.status')}</dt>
              <dd>{mine ? t('consoleHandoff:status.takenByYou') : t(`consoleHandoff:status.${handoff.status}`)}</dd>
              <dt>{t('consoleHandoff:queue.asked')}</dt>
              <dd>{when(ctx.texts, handoff.requestedAt)}</dd>
              <dt>{t('consoleHandoff:queue.language')}</dt>
              <dd lang={handoff.language}>{ctx.languageNames[handoff.language] ?? handoff.language}</dd>
              <dt>{t('consoleHandoff:detail.consent')}</dt>
              <dd>{t(handoff.mayKeep ? 'consoleHandoff:detail.consentYes' : 'consoleHandoff:detail.consentNo')}</dd>
            </dl>
          </div>
          <h2>{t('consoleHandoff:detail.recent')}</h2>
          {handoff.recent.length > 0 ? entries(handoff.recent) : <p class="muted">{t(handoff.mayKeep ? 'consoleHandoff:detail.recentNone' : 'consoleHandoff:detail.recentNotKept')}</p>}
          <h2>{t('consoleHandoff:detail.exchange')}</h2>
          {handoff.exchange.length > 0 ? entries(handoff.exchange) : <p class="muted">{t('consoleHandoff:detail.exchangeNone')}</p>}
          <div class="actions">
            {handoff.status === 'requested' && (
              <form method="post" action={`${HANDOFF_PAGES_PATH}/${handoff.id}/take`}>
                <CsrfField token={ctx.csrfToken} />
                <button type="submit">{t('consoleHandoff:actions.take')}</button>
              </form>
            )}
            {handoff.status === 'taken' && !mine && <p class="muted">{t('consoleHandoff:detail.takenByOther')}</p>}
            {mine && (
              <form method="post" action={`${HANDOFF_PAGES_PATH}/${handoff.id}/reply`} class="stack">
                <CsrfField token={ctx.csrfToken} />
                <label for="reply-text">{t('consoleHandoff:actions.replyLabel')}</label>
                <textarea id="reply-text" name="text" required maxLength={MAX_ENTRY_LENGTH} dir="auto" />
                <button type="submit">{t('consoleHandoff:actions.reply')}</button>
              </form>
            )}
            {(handoff.status === 'requested' || mine) && (
              <form method="post" action={`${HANDOFF_PAGES_PATH}/${handoff.id}/end`}>
                <CsrfField token={ctx.csrfToken} />
                <button type="submit" class="danger">
                  {t('consoleHandoff:actions.end')}
                </button>
              </form>
            )}
            {handoff.status === 'ended' && <p class="done">{t('consoleHandoff:detail.ended', { at: handoff.endedAt ? when(ctx.texts, handoff.endedAt) : '' })}</p>}
          </div>
        </section>
      );
    }
  });

  /** One action: the handoff must exist; refusals and bad input change nothing and say so. */
  const action = (name: 'take' | 'reply' | 'end', act: (ctx: ConsolePageContext, id: string) => Promise<HandoffActResult | 'invalid'>) =>
    mount.page({
      method: 'POST',
      path: `${HANDOFF_PAGES_PATH}/:id/${name}`,
      roles: ROLES,
      handler: async (ctx) => {
        const id = handoffIdOf(ctx);
        const before = id ? await handoffs.get(id) : null;
        if (!id || !before) return ctx.message(404, 'console:errors.notFoundTitle', 'consoleHandoff:notFound');
        const result = await act(ctx, id);
        if (result === 'invalid') return ctx.message(400, 'console:errors.invalidTitle', 'consoleHandoff:invalidReply');
        if (!result.ok) return ctx.message(409, 'console:errors.refusedTitle', `consoleHandoff:refused.${result.refusal}`);
        await ctx.audit(`handoff.${name}`, { userKey: before.userKey, detail: `handoff ${id}` });
        ctx.redirect(`${HANDOFF_PAGES_PATH}/${id}`);
      }
    });
  action('take', (ctx, id) => handoffs.take(id, ctx.account.id));
  action('reply', async (ctx, id) => {
    const form = replyForm.safeParse(ctx.form);
    return form.success ? handoffs.reply(id, ctx.account.id, form.data.text) : 'invalid';
  });
  action('end', (ctx, id) => handoffs.end(id, { kind: 'caseworker', id: ctx.account.id }));
}
