import { z } from 'zod';
import { CONSOLE_ROLES, type Account, type AuditEntry, type Partner, type PartnerApiKey } from '../domain';
import type { AccountService } from '../services/accountService';
import type { AuditService } from '../services/auditService';
import type { PartnerKeyService } from '../services/partnerKeyService';
import type { ReferralService } from '../services/referralService';
import { CONSOLE_PATH, type ConsoleMount, type ConsolePageContext } from './consoleContext';
import { CsrfField, Typed } from './pages/consoleLayout';
import { instant } from './pages/dates';

export interface AdminPagesDeps {
  accounts: AccountService;
  audit: AuditService;
  keys: PartnerKeyService;
  referrals: ReferralService;
  partners: readonly Partner[];
}


/**
 * A partner's own page (`/console/partner`: capacity, API keys made with the same service as
 * `npm run partner:key`), and the administrators' pages: accounts (`/console/accounts`) and the
 * audit log (`/console/audit`). Every change is audited.
 */
export function addAdminPages(mount: ConsoleMount, deps: AdminPagesDeps): void {
  const partnerName = (id: string | null) => (id ? (deps.partners.find((p) => p.id === id)?.name ?? id) : '');

  const partnerPage = async (ctx: ConsolePageContext, shownKey?: string, saved?: boolean): Promise<void> => {
    const partnerId = ctx.account.partnerId!;
    const [keys, partners, open] = await Promise.all([deps.keys.list(partnerId), deps.referrals.currentPartners(), deps.referrals.countOpen()]);
    const capacity = partners.find((p) => p.id === partnerId)?.capacity ?? 0;
    ctx.render(ctx.texts.t('console:partner.title'), <PartnerPage ctx={ctx} name={partnerName(partnerId)} capacity={capacity} open={open.get(partnerId) ?? 0} keys={keys} shownKey={shownKey} saved={saved} />);
  };

  mount.page({ path: `${CONSOLE_PATH}/partner`, roles: ['partner'], nav: { key: 'console:nav.partner', order: 30 }, handler: (ctx) => partnerPage(ctx) });

  mount.page({
    method: 'POST',
    path: `${CONSOLE_PATH}/partner/capacity`,
    roles: ['partner'],
    handler: async (ctx) => {
      const capacity = z.coerce.number().int().min(0).max(10_000).safeParse(ctx.form.capacity);
      if (!capacity.success || (ctx.form.capacity ?? '').trim() === '') return ctx.message(400, 'console:errors.invalidTitle', 'console:errors.invalid');
      await deps.referrals.setCapacity(ctx.account.partnerId!, capacity.data);
      await ctx.audit('partner.capacity', { detail: `capacity=${capacity.data}` });
      await partnerPage(ctx, undefined, true);
    }
  });

  mount.page({
    method: 'POST',
    path: `${CONSOLE_PATH}/partner/keys`,
    roles: ['partner'],
    handler: async (ctx) => {
      const label = (ctx.form.label ?? '').trim();
      if (label.length > 100) return ctx.message(400, 'console:errors.invalidTitle', 'console:errors.invalid');
      const { key, record } = await deps.keys.create(ctx.account.partnerId!, label || 'console');
      await ctx.audit('partner.key.create', { detail: `key=${record.id}` });
      await partnerPage(ctx, key);
    }
  });

  mount.page({
    method: 'POST',
    path: `${CONSOLE_PATH}/partner/keys/:id/revoke`,
    roles: ['partner'],
    handler: async (ctx) => {
      const id = String(ctx.req.params.id);
      const own = (await deps.keys.list(ctx.account.partnerId!)).some((k) => k.id === id);
      if (!own) return ctx.message(404, 'console:errors.notFoundTitle', 'console:errors.notFound');
      await deps.keys.revoke(id);
      await ctx.audit('partner.key.revoke', { detail: `key=${id}` });
      ctx.redirect(`${CONSOLE_PATH}/partner`);
    }
  });

  const accountsPage = async (ctx: ConsolePageContext, problem?: string, done?: boolean): Promise<void> => {
    const accounts = await deps.accounts.list();
    ctx.render(ctx.texts.t('console:accounts.title'), <AccountsPage ctx={ctx} accounts={accounts} partners={deps.partners} problem={problem} done={done} />, { status: problem ? 400 : 200 });
  };

  mount.page({ path: `${CONSOLE_PATH}/accounts`, roles: ['admin'], nav: { key: 'console:nav.accounts', order: 40 }, handler: (ctx) => accountsPage(ctx) });

  mount.page({
    method: 'POST',
    path: `${CONSOLE_PATH}/accounts`,
    roles: ['admin'],
    handler: async (ctx) => {
      const role = (CONSOLE_ROLES as readonly string[]).includes(ctx.form.role ?? '') ? (ctx.form.role as Account['role']) : undefined;
      if (!role) return accountsPage(ctx, 'invalidEmail');
      const result = await deps.accounts.create({ email: ctx.form.email ?? '', role, partnerId: ctx.form.partner || undefined, password: ctx.form.password ?? '' });
      if (!result.ok) return accountsPage(ctx, result.problem);
      await ctx.audit('account.create', { detail: `account=${result.account.id} role=${role}` });
      await accountsPage(ctx, undefined, true);
    }
  });

  mount.page({
    path: `${CONSOLE_PATH}/audit`,
    roles: ['admin'],
    nav: { key: 'console:nav.audit', order: 50 },
    handler: async (ctx) => {
      const url = new URL(ctx.req.url ?? '/', 'http://x');
      const before = url.searchParams.get('before');
      const referral = url.searchParams.get('referral') ?? undefined;
      const [iso, id] = (before ?? '').split('~');
      const cursor = before && id && !Number.isNaN(new Date(iso!).getTime()) ? { at: new Date(iso!), id } : undefined;
      if (before && !cursor) return ctx.message(400, 'console:errors.invalidTitle', 'console:errors.invalid');
      const entries = await deps.audit.list({ limit: 51, referralId: referral && referral.length <= 100 ? referral : undefined, before: cursor });
      await ctx.audit('audit.view', referral ? { referralId: referral } : {});
      const shown = entries.slice(0, 50);
      const last = shown[shown.length - 1];
      const next = entries.length > 50 && last ? `${CONSOLE_PATH}/audit?${new URLSearchParams({ ...(referral ? { referral } : {}), before: `${last.at.toISOString()}~${last.id}` }).toString()}` : undefined;
      ctx.render(ctx.texts.t('console:audit.title'), <AuditPage ctx={ctx} entries={shown} next={next} />);
    }
  });
}

function PartnerPage(props: { ctx: ConsolePageContext; name: string; capacity: number; open: number; keys: PartnerApiKey[]; shownKey?: string | undefined; saved?: boolean | undefined }) {
  const { ctx } = props;
  const { t } = ctx.texts;
  return (
    <section>
      <h1>
        {t('console:partner.title')}: {props.name}
      </h1>
      <section class="card" aria-labelledby="capacity">
        <h2 id="capacity">{t('console:partner.capacity')}</h2>
        {props.saved && (
          <p class="done" role="status">
            {t('console:partner.saved')}
          </p>
        )}
        <p>
          {t('console:partner.open')}: {props.open}
        </p>
        <form method="post" action={`${CONSOLE_PATH}/partner/capacity`} class="stack">
          <CsrfField token={ctx.csrfToken} />
          <label for="capacity-input">{t('console:partner.capacity')}</label>
          <input id="capacity-input" name="capacity" type="number" min="0" max="10000" step="1" required value={String(props.capacity)} />
          <button type="submit">{t('console:partner.save')}</button>
        </form>
      </section>
      <section class="card" aria-labelledby="keys">
        <h2 id="keys">{t('console:partner.keys')}</h2>
        {props.shownKey && (
          <p role="status">
            {t('console:partner.keyShown')}
            <br />
            <code id="new-key">{props.shownKey}</code>
          </p>
        )}
        {props.keys.length === 0 ? (
          <p class="muted">{t('console:partner.noKeys')}</p>
        ) : (
          <div class="table-wrap" tabIndex={0} role="region" aria-label={t('console:partner.keys')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('console:partner.keyLabel')}</th>
                  <th scope="col">{t('console:partner.keyCreated')}</th>
                  <th scope="col">{t('console:partner.keyState')}</th>
                </tr>
              </thead>
              <tbody>
                {props.keys.map((k) => (
                  <tr>
                    <td>
                      <Typed text={k.label} /> <span class="muted">({k.id})</span>
                    </td>
                    <td>{instant(k.createdAt, ctx.lang)}</td>
                    <td>
                      {k.revokedAt ? (
                        `${t('console:partner.keyRevoked')} ${instant(k.revokedAt, ctx.lang)}`
                      ) : (
                        <form method="post" action={`${CONSOLE_PATH}/partner/keys/${encodeURIComponent(k.id)}/revoke`} class="inline">
                          <CsrfField token={ctx.csrfToken} />
                          {t('console:partner.keyActive')}{' '}
                          <button type="submit" class="secondary" aria-label={`${t('console:partner.keyRevoke')} ${k.id}`}>
                            {t('console:partner.keyRevoke')}
                          </button>
                        </form>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <form method="post" action={`${CONSOLE_PATH}/partner/keys`} class="stack">
          <CsrfField token={ctx.csrfToken} />
          <label for="key-label">{t('console:partner.keyLabel')}</label>
          <input id="key-label" name="label" maxLength={100} />
          <button type="submit">{t('console:partner.keyCreate')}</button>
        </form>
      </section>
    </section>
  );
}

function AccountsPage(props: { ctx: ConsolePageContext; accounts: Account[]; partners: readonly Partner[]; problem?: string | undefined; done?: boolean | undefined }) {
  const { ctx } = props;
  const { t } = ctx.texts;
  const partnerName = (id: string | null) => (id ? (props.partners.find((p) => p.id === id)?.name ?? id) : '');
  return (
    <section>
      <h1>{t('console:accounts.title')}</h1>
      <div class="table-wrap" tabIndex={0} role="region" aria-label={t('console:accounts.title')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('console:accounts.email')}</th>
              <th scope="col">{t('console:accounts.role')}</th>
              <th scope="col">{t('console:accounts.partner')}</th>
              <th scope="col">{t('console:accounts.created')}</th>
              <th scope="col">{t('console:accounts.state')}</th>
            </tr>
          </thead>
          <tbody>
            {props.accounts.map((a) => (
              <tr>
                <td>
                  <Typed text={a.email} />
                </td>
                <td>{t(`console:role.${a.role}`)}</td>
                <td>{partnerName(a.partnerId)}</td>
                <td>{instant(a.createdAt, ctx.lang)}</td>
                <td>{a.disabledAt ? t('console:accounts.closed') : t('console:accounts.open')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 id="create">{t('console:accounts.create')}</h2>
      {props.problem && (
        <p class="problem" role="alert">
          {t(`console:accounts.problem.${props.problem}`)}
        </p>
      )}
      {props.done && (
        <p class="done" role="status">
          {t('console:accounts.done')}
        </p>
      )}
      <form method="post" action={`${CONSOLE_PATH}/accounts`} class="stack" aria-labelledby="create">
        <CsrfField token={ctx.csrfToken} />
        <label for="new-email">{t('console:accounts.email')}</label>
        <input id="new-email" name="email" type="email" required autocomplete="off" />
        <label for="new-role">{t('console:accounts.role')}</label>
        <select id="new-role" name="role">
          {CONSOLE_ROLES.map((r) => (
            <option value={r}>{t(`console:role.${r}`)}</option>
          ))}
        </select>
        <label for="new-partner">{t('console:accounts.partner')}</label>
        <select id="new-partner" name="partner">
          <option value="">{t('console:accounts.noPartner')}</option>
          {props.partners.map((p) => (
            <option value={p.id}>{p.name}</option>
          ))}
        </select>
        <label for="new-password">{t('console:accounts.password')}</label>
        <input id="new-password" name="password" type="password" required minLength={12} autocomplete="new-password" />
        <button type="submit">{t('console:accounts.submit')}</button>
      </form>
    </section>
  );
}

/** Where the audit log's action names are: the console's, then each module's that audits actions of its own. */
const AUDIT_ACTION_NAMESPACES = ['console', 'consoleReports'];

function AuditPage(props: { ctx: ConsolePageContext; entries: AuditEntry[]; next: string | undefined }) {
  const { ctx } = props;
  const { t } = ctx.texts;
  const actionLabel = (action: string) => {
    const key = AUDIT_ACTION_NAMESPACES.map((ns) => `${ns}:auditAction.${action.replace(/\./g, '_')}`).find((k) => ctx.texts.has(k));
    return key ? t(key) : action;
  };
  return (
    <section>
      <h1>{t('console:audit.title')}</h1>
      {props.entries.length === 0 ? (
        <p>{t('console:audit.empty')}</p>
      ) : (
        <div class="table-wrap" tabIndex={0} role="region" aria-label={t('console:audit.caption')}>
          <table>
            <caption class="muted">{t('console:audit.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('console:audit.when')}</th>
                <th scope="col">{t('console:audit.who')}</th>
                <th scope="col">{t('console:audit.what')}</th>
                <th scope="col">{t('console:audit.referral')}</th>
                <th scope="col">{t('console:audit.detail')}</th>
              </tr>
            </thead>
            <tbody>
              {props.entries.map((e) => (
                <tr>
                  <td>{instant(e.at, ctx.lang)}</td>
                  <td>
                    <Typed text={e.actorEmail} />
                    {e.actorRole ? ` · ${t(`console:role.${e.actorRole}`)}` : ''}
                  </td>
                  <td>{actionLabel(e.action)}</td>
                  <td>{e.referralId ? <a href={`${CONSOLE_PATH}/referrals/${encodeURIComponent(e.referralId)}`}>{e.referralId.slice(0, 8)}</a> : ''}</td>
                  <td>
                    <Typed text={e.detail} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {props.next && (
        <p>
          <a href={props.next}>{t('console:audit.older')}</a>
        </p>
      )}
    </section>
  );
}
