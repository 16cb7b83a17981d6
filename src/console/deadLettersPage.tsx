import type { DeadLetterService } from '../services/deadLetterService';
import { CONSOLE_PATH, type ConsoleMount } from './consoleContext';
import { DeadLettersView } from './pages/deadLettersView';

export const DEAD_LETTERS_PATH = `${CONSOLE_PATH}/dead-letters`;

/**
 * Delivery problems (`/console/dead-letters`), for administrators: the outbox's dead letters,
 * listed without their content (a webhook body or a message to a person carries their data),
 * and "Try again" on one (a POST with the CSRF token, written to the audit log first).
 */
export function addDeadLetterPages(mount: ConsoleMount, deps: { deadLetters: DeadLetterService; partnerNames: ReadonlyMap<string, string>; timeZone: string }): void {
  mount.page({
    path: DEAD_LETTERS_PATH,
    roles: ['admin'],
    nav: { key: 'consoleReports:nav.deadLetters', order: 90 },
    handler: async (ctx) => {
      const { total, messages } = await deps.deadLetters.list(100);
      const done = new URL(ctx.req.url ?? '/', 'http://console').searchParams.get('done');
      const outcome = done === 'retried' || done === 'notDead' ? done : undefined;
      ctx.render(
        ctx.texts.t('consoleReports:deadLetters.title'),
        <DeadLettersView
          texts={ctx.texts}
          csrfToken={ctx.csrfToken}
          total={total}
          messages={messages}
          {...(outcome ? { outcome } : {})}
          partnerNames={deps.partnerNames}
          timeZone={deps.timeZone}
        />
      );
    }
  });
  mount.page({
    path: `${DEAD_LETTERS_PATH}/:id/retry`,
    method: 'POST',
    roles: ['admin'],
    handler: async (ctx) => {
      const id = String(ctx.req.params?.id ?? '').slice(0, 200);
      const message = await deps.deadLetters.get(id);
      if (!message) {
        ctx.redirect(`${DEAD_LETTERS_PATH}?done=notDead`);
        return;
      }
      // Audited before the change: who put which message back (its id and kind, never its content).
      await ctx.audit('outbox.retry', { referralId: message.aggregateId, detail: `${message.kind} ${message.id}` });
      const retried = await deps.deadLetters.retry(id);
      ctx.redirect(`${DEAD_LETTERS_PATH}?done=${retried ? 'retried' : 'notDead'}`);
    }
  });
}
