import { CONSOLE_PATH, type ConsoleMount } from './consoleContext';
import { Typed } from './pages/consoleLayout';

/** `/console/account`: who is signed in, with which role and organisation (every role). */
export function addAccountPage(mount: ConsoleMount): void {
  mount.page({
    path: `${CONSOLE_PATH}/account`,
    roles: [],
    handler: async (ctx) => {
      const { t } = ctx.texts;
      ctx.render(
        t('console:account.title'),
        <section>
          <h1>{t('console:account.title')}</h1>
          <dl class="card">
            <dt>{t('console:accounts.email')}</dt>
            <dd>
              <Typed text={ctx.account.email} />
            </dd>
            <dt>{t('console:accounts.role')}</dt>
            <dd>{t(`console:role.${ctx.account.role}`)}</dd>
            {ctx.account.partnerId && (
              <>
                <dt>{t('console:accounts.partner')}</dt>
                <dd>{ctx.account.partnerId}</dd>
              </>
            )}
          </dl>
        </section>
      );
    }
  });
}
