import { z } from 'zod';
import { REFERRAL_STATUSES, type Partner, type Referral, type ReferralAction, type ReferralStatus, type SharedData } from '../domain';
import { formatNumber, type Texts } from '../i18n';
import type { ReferralConsoleService, QueueFilters } from '../services/referralConsoleService';
import { JsonScript } from '../web';
import { consoleAssets } from './consoleAssets';
import { CONSOLE_PATH, type ConsoleMount, type ConsolePageContext } from './consoleContext';
import { CsrfField, Typed } from './pages/consoleLayout';
import { day, instant } from './pages/dates';

const REFERRALS_PATH = `${CONSOLE_PATH}/referrals`;
const PROGRAMMES = ['digiter', 'camplus'] as const;
const COUNTRIES = ['FR', 'BE', 'RO', 'DE', 'PT', 'OTHER'] as const;
const WAITING_DAYS = [1, 3, 7, 14, 30] as const;

/** The URL words of the console's actions. */
const ACTION_WORDS: Record<string, ReferralAction> = {
  review: 'review',
  route: 'route',
  accept: 'accept',
  decline: 'decline',
  'request-info': 'requestInfo',
  enrol: 'enrol',
  complete: 'complete'
};
const wordOf = (action: ReferralAction): string => Object.keys(ACTION_WORDS).find((w) => ACTION_WORDS[w] === action)!;

export interface ReferralPagesDeps {
  referrals: ReferralConsoleService;
  partners: readonly Partner[];
}

/** A keyset cursor in a URL: `<ISO instant>~<id>`. */
function encodeCursor(cursor: { waitingSince: Date; id: string }): string {
  return `${cursor.waitingSince.toISOString()}~${cursor.id}`;
}

function decodeCursor(text: string): { waitingSince: Date; id: string } | undefined {
  const [iso, id] = text.split('~');
  const at = new Date(iso ?? '');
  return id && !Number.isNaN(at.getTime()) ? { waitingSince: at, id } : undefined;
}

/** The queue's query string, checked: unknown values are refused (400), never passed to storage. */
function queueQuery(partnerIds: readonly string[], languages: readonly string[]) {
  const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' || v === null ? undefined : v), schema.optional());
  return z.object({
    status: optional(z.enum(REFERRAL_STATUSES)),
    programme: optional(z.enum(PROGRAMMES)),
    country: optional(z.enum(COUNTRIES)),
    partner: optional(z.string().refine((p) => p === 'none' || partnerIds.includes(p))),
    language: optional(z.string().refine((l) => languages.includes(l))),
    wait: optional(z.coerce.number().refine((n) => (WAITING_DAYS as readonly number[]).includes(n))),
    sort: optional(z.enum(['oldest', 'newest'])),
    after: optional(z.string().max(200).transform((v, ctx) => decodeCursor(v) ?? (ctx.addIssue({ code: 'custom', message: 'bad cursor' }), z.NEVER)))
  });
}

function daysWaiting(referral: Referral, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - referral.waitingSince.getTime()) / 86_400_000));
}


/**
 * The referral queue (`/console/referrals`: filters, counts per status, longest waiting first,
 * keyset pages) and one referral (`/console/referrals/:id`: what was shared, eligibility and rules
 * version, skills chart, consent, questions, history, notes, and only the actions the state
 * machine and the role allow). Every view and decision is audited before it is answered.
 */
export function addReferralPages(mount: ConsoleMount, deps: ReferralPagesDeps): void {
  const partnerIds = deps.partners.map((p) => p.id);
  const partnerName = (id: string | null) => (id ? (deps.partners.find((p) => p.id === id)?.name ?? id) : '');

  mount.page({
    path: REFERRALS_PATH,
    roles: ['admin', 'caseworker', 'partner'],
    nav: { key: 'console:nav.referrals', order: 10 },
    handler: async (ctx) => {
      const languages = Object.keys(ctx.languageNames);
      const params = Object.fromEntries(new URL(ctx.req.url ?? '/', 'http://x').searchParams);
      delete params.lang;
      const parsed = queueQuery(partnerIds, languages).safeParse(params);
      if (!parsed.success) {
        ctx.message(400, 'console:errors.invalidTitle', 'console:errors.invalid');
        return;
      }
      const q = parsed.data;
      const filters: QueueFilters = {
        status: q.status,
        programme: q.programme,
        country: q.country,
        partner: ctx.account.role === 'partner' ? undefined : q.partner,
        language: q.language,
        minWaitingDays: q.wait,
        sort: q.sort ?? 'oldest',
        after: q.after
      };
      const page = await deps.referrals.queue(ctx.account, filters);
      const shownFilters = Object.entries({ ...q, after: undefined }).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${String(v)}`).join('&');
      await ctx.audit('queue.view', { detail: shownFilters || undefined });
      ctx.render(ctx.texts.t('console:queue.title'), <QueuePage ctx={ctx} page={page} query={q} partners={deps.partners} partnerName={partnerName} />);
    }
  });

  mount.page({
    path: `${REFERRALS_PATH}/:id`,
    roles: ['admin', 'caseworker', 'partner'],
    handler: async (ctx) => {
      const referral = await deps.referrals.get(ctx.account, String(ctx.req.params.id));
      if (!referral) {
        ctx.message(404, 'console:errors.notFoundTitle', 'console:errors.notFound');
        return;
      }
      await ctx.audit('referral.view', { referralId: referral.id, userKey: referral.userKey });
      const assets = consoleAssets();
      ctx.render(
        ctx.texts.t('console:detail.title', { reference: referral.reference }),
        <DetailPage ctx={ctx} referral={referral} allowed={deps.referrals.allowed(ctx.account, referral)} partners={deps.partners} partnerName={partnerName} />,
        { scripts: referral.details.shared.skillsProfile ? [assets.chartJs.url, assets.charts.url] : [] }
      );
    }
  });

  const actionBody = z.object({
    partner: z.string().optional(),
    reason: z.string().trim().max(1000).optional(),
    question: z.string().trim().max(1000).optional()
  });
  mount.page({
    method: 'POST',
    path: `${REFERRALS_PATH}/:id/:action`,
    roles: ['admin', 'caseworker', 'partner'],
    handler: async (ctx) => {
      const id = String(ctx.req.params.id);
      const word = String(ctx.req.params.action);
      if (word === 'note') {
        const text = (ctx.form.text ?? '').trim();
        if (text === '' || text.length > 2000) return ctx.message(400, 'console:errors.invalidTitle', 'console:errors.invalid');
        const saved = await deps.referrals.addNote(ctx.account, id, text);
        if (!saved) return ctx.message(404, 'console:errors.notFoundTitle', 'console:errors.notFound');
        await ctx.audit('referral.note', { referralId: saved.id, userKey: saved.userKey });
        return ctx.redirect(`${REFERRALS_PATH}/${encodeURIComponent(saved.id)}`);
      }
      const action = ACTION_WORDS[word];
      // What this account may not see does not exist for it, whatever the form says.
      const seen = await deps.referrals.get(ctx.account, id);
      if (!seen) return ctx.message(404, 'console:errors.notFoundTitle', 'console:errors.notFound');
      const body = actionBody.safeParse(ctx.form);
      if (!action || !body.success) return ctx.message(action ? 400 : 404, action ? 'console:errors.invalidTitle' : 'console:errors.notFoundTitle', action ? 'console:errors.invalid' : 'console:errors.notFound');
      const { partner, reason, question } = body.data;
      if ((action === 'route' && !(partner && partnerIds.includes(partner))) || (action === 'decline' && !reason) || (action === 'requestInfo' && !question)) {
        return ctx.message(400, 'console:errors.invalidTitle', 'console:errors.invalid');
      }
      // Consent first: the person agreed to share with one organisation, and only it may receive the referral.
      if (action === 'route' && partner !== seen.details.consent.partnerId) {
        return ctx.message(400, 'console:errors.invalidTitle', 'console:errors.consentPartner', { partner: partnerName(seen.details.consent.partnerId) });
      }
      const result = await deps.referrals.act(ctx.account, id, action, {
        ...(action === 'route' ? { partnerId: partner } : {}),
        ...(action === 'decline' ? { reason } : {}),
        ...(action === 'requestInfo' ? { question } : {})
      });
      if (!result || (!result.ok && result.reason === 'notFound')) return ctx.message(404, 'console:errors.notFoundTitle', 'console:errors.notFound');
      if (!result.ok) return ctx.message(409, 'console:errors.refusedTitle', result.reason === 'full' ? 'console:errors.full' : 'console:errors.refused');
      await ctx.audit(`referral.${action}`, { referralId: result.referral.id, userKey: result.referral.userKey, ...(action === 'route' ? { detail: `partner=${partner}` } : {}) });
      ctx.redirect(`${REFERRALS_PATH}/${encodeURIComponent(result.referral.id)}`);
    }
  });
}

type Query = { status?: ReferralStatus | undefined; programme?: string | undefined; country?: string | undefined; partner?: string | undefined; language?: string | undefined; wait?: number | undefined; sort?: string | undefined };

function queueHref(query: Query, change: Partial<Record<keyof Query | 'after', string | number | undefined>>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...query, after: undefined, ...change })) if (v !== undefined && v !== '') params.set(k, String(v));
  const text = params.toString();
  return text ? `${REFERRALS_PATH}?${text}` : REFERRALS_PATH;
}

function Select(props: { name: string; label: string; value: string | undefined; options: [string, string][]; anyLabel?: string }) {
  return (
    <label>
      {props.label}
      <select name={props.name}>
        {props.anyLabel !== undefined && <option value="">{props.anyLabel}</option>}
        {props.options.map(([value, text]) => (
          <option value={value} selected={value === props.value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

function QueuePage(props: { ctx: ConsolePageContext; page: Awaited<ReturnType<ReferralConsoleService['queue']>>; query: Query; partners: readonly Partner[]; partnerName: (id: string | null) => string }) {
  const { ctx, page, query } = props;
  // The same few labels recur on every row: each is translated once per page.
  const seen = new Map<string, string>();
  const t = (key: string, params?: Record<string, unknown>): string => {
    const id = params ? `${key}|${JSON.stringify(params)}` : key;
    let text = seen.get(id);
    if (text === undefined) {
      text = ctx.texts.t(key, params);
      seen.set(id, text);
    }
    return text;
  };
  const lang = ctx.lang;
  const now = new Date();
  const isPartner = ctx.account.role === 'partner';
  return (
    <section>
      <h1>{t('console:queue.title')}</h1>
      <form method="get" action={REFERRALS_PATH} class="filters" aria-label={t('console:queue.filters')}>
        <Select name="status" label={t('console:queue.status')} value={query.status} anyLabel={t('console:any')} options={REFERRAL_STATUSES.map((s) => [s, t(`console:status.${s}`)])} />
        <Select name="programme" label={t('console:queue.programme')} value={query.programme} anyLabel={t('console:any')} options={PROGRAMMES.map((p) => [p, t(`console:programme.${p}`)])} />
        <Select name="country" label={t('console:queue.country')} value={query.country} anyLabel={t('console:any')} options={COUNTRIES.map((c) => [c, t(`console:country.${c}`)])} />
        {!isPartner && (
          <Select
            name="partner"
            label={t('console:queue.partner')}
            value={query.partner}
            anyLabel={t('console:any')}
            options={[['none', t('console:queue.notRouted')], ...props.partners.map((p): [string, string] => [p.id, p.name])]}
          />
        )}
        <Select name="language" label={t('console:queue.language')} value={query.language} anyLabel={t('console:any')} options={Object.entries(ctx.languageNames).map(([code, name]) => [code, name])} />
        <Select name="wait" label={t('console:queue.waiting')} value={query.wait === undefined ? undefined : String(query.wait)} anyLabel={t('console:any')} options={WAITING_DAYS.map((d) => [String(d), t('console:queue.days', { count: d })])} />
        <Select name="sort" label={t('console:queue.sort')} value={query.sort ?? 'oldest'} options={[['oldest', t('console:queue.sortOldest')], ['newest', t('console:queue.sortNewest')]]} />
        <button type="submit">{t('console:queue.apply')}</button>
        <a href={REFERRALS_PATH}>{t('console:queue.reset')}</a>
      </form>
      <h2 id="counts">{t('console:queue.counts')}</h2>
      <ul class="counts" aria-labelledby="counts">
        {REFERRAL_STATUSES.filter((s) => page.counts[s] !== undefined).map((s) => (
          <li>
            <a href={queueHref(query, { status: s })} aria-current={query.status === s ? 'true' : undefined}>
              {t('console:queue.countLine', { status: t(`console:status.${s}`), number: formatNumber(page.counts[s] ?? 0, lang) })}
            </a>
          </li>
        ))}
      </ul>
      {page.referrals.length === 0 ? (
        <p>{t('console:queue.empty')}</p>
      ) : (
        <div class="table-wrap" tabIndex={0} role="region" aria-label={t('console:queue.caption')}>
          <table>
            <caption class="muted">{t('console:queue.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('console:queue.reference')}</th>
                <th scope="col">{t('console:queue.status')}</th>
                <th scope="col">{t('console:queue.programme')}</th>
                <th scope="col">{t('console:queue.country')}</th>
                <th scope="col">{t('console:queue.language')}</th>
                {!isPartner && <th scope="col">{t('console:queue.partner')}</th>}
                <th scope="col">{t('console:queue.waitingSince')}</th>
              </tr>
            </thead>
            <tbody>
              {page.referrals.map((r) => (
                <tr>
                  <td>
                    <a href={`${REFERRALS_PATH}/${encodeURIComponent(r.id)}`}>{r.reference}</a>
                  </td>
                  <td>{t(`console:status.${r.status}`)}</td>
                  <td>{t(`console:programme.${r.programme}`)}</td>
                  <td>{r.country ? t(`console:country.${r.country}`) : ''}</td>
                  <td>
                    <span lang={r.language}>{ctx.languageNames[r.language] ?? r.language}</span>
                  </td>
                  {!isPartner && <td>{r.partnerId ? props.partnerName(r.partnerId) : t('console:queue.notRouted')}</td>}
                  <td>
                    {day(r.waitingSince, lang)} ({t('console:queue.waited', { count: daysWaiting(r, now) })})
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav class="pager" aria-label={t('console:queue.next')}>
        {query.sort !== undefined || page.next ? <a href={queueHref(query, {})}>{t('console:queue.first')}</a> : null}
        {page.next && <a href={queueHref(query, { after: encodeCursor(page.next) })}>{t('console:queue.next')}</a>}
      </nav>
    </section>
  );
}

function Card(props: { title: string; children?: preact.ComponentChildren; id?: string }) {
  return (
    <section class="card" aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.children}
    </section>
  );
}

function sharedRows(shared: SharedData, texts: Texts, languageNames: Readonly<Record<string, string>>): [string, preact.ComponentChildren][] {
  const { t } = texts;
  const rows: [string, preact.ComponentChildren][] = [];
  const label = (ns: string, key: string, value: string) => (texts.has(`${ns}:${key}.${value}`) ? t(`${ns}:${key}.${value}`) : value);
  if (shared.age !== undefined) rows.push([t('console:field.age'), formatNumber(shared.age, texts.lang)]);
  if (shared.ageRange) rows.push([t('console:field.ageRange'), t('console:field.ageRangeValue', { youngest: shared.ageRange.youngest, oldest: shared.ageRange.oldest })]);
  if (shared.country) rows.push([t('console:field.country'), t(`console:country.${shared.country}`)]);
  if (shared.region) rows.push([t('console:field.region'), <Typed text={shared.region} />]);
  if (shared.situation) rows.push([t('console:field.situation'), label('eligibility', 'situation', shared.situation)]);
  if (shared.qualification) rows.push([t('console:field.qualification'), label('eligibility', 'qualification', shared.qualification)]);
  if (shared.camp) {
    rows.push([t('console:field.camp'), t(shared.camp.livesInCamp ? 'console:yes' : 'console:no')]);
    if (shared.camp.project) rows.push([t('console:field.project'), <Typed text={shared.camp.project} class="typed" />]);
  }
  if (shared.training) rows.push([t('console:field.training'), shared.training.id]);
  if (shared.language) rows.push([t('console:field.language'), <span lang={shared.language}>{languageNames[shared.language] ?? shared.language}</span>]);
  return rows;
}

function Rows(props: { rows: [string, preact.ComponentChildren][] }) {
  return (
    <dl>
      {props.rows.map(([k, v]) => (
        <>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </>
      ))}
    </dl>
  );
}

function DetailPage(props: { ctx: ConsolePageContext; referral: Referral; allowed: ReferralAction[]; partners: readonly Partner[]; partnerName: (id: string | null) => string }) {
  const { ctx, referral } = props;
  const { texts } = ctx;
  const { t } = texts;
  const lang = ctx.lang;
  const { details } = referral;
  const withdrawn = details.consent.withdrawnAt !== undefined;
  const shared = withdrawn ? {} : details.shared;
  const rows = sharedRows(shared, texts, ctx.languageNames);
  const profile = shared.skillsProfile;
  const areaName = (id: string) => (texts.has(`assessment:area.${id}`) ? t(`assessment:area.${id}`) : id);
  const chart = profile && {
    type: 'bar',
    data: {
      labels: profile.areas.map((a) => areaName(a.areaId)),
      datasets: [{ label: t('console:detail.level'), data: profile.areas.map((a) => (a.level === 'unknown' ? 0 : a.level)), backgroundColor: '#0b5cad' }]
    },
    options: { indexAxis: 'y', scales: { x: { min: 0, max: 4, ticks: { stepSize: 1 } } }, plugins: { legend: { display: false } } }
  };
  const base = `${REFERRALS_PATH}/${encodeURIComponent(referral.id)}`;
  const ActionForm = (p: { action: ReferralAction; children?: preact.ComponentChildren; danger?: boolean }) => (
    <form method="post" action={`${base}/${wordOf(p.action)}`}>
      <CsrfField token={ctx.csrfToken} />
      {p.children}
      <button type="submit" class={p.danger ? 'danger' : undefined}>
        {t(`console:act.${p.action}`)}
      </button>
    </form>
  );
  return (
    <article>
      <h1>{t('console:detail.title', { reference: referral.reference })}</h1>
      <div class="grid">
        <Card title={t('console:detail.summary')} id="summary">
          <Rows
            rows={[
              [t('console:queue.status'), t(`console:status.${referral.status}`)],
              [t('console:queue.programme'), t(`console:programme.${referral.programme}`)],
              [t('console:queue.partner'), referral.partnerId ? props.partnerName(referral.partnerId) : t('console:queue.notRouted')],
              [t('console:queue.language'), <span lang={referral.language}>{ctx.languageNames[referral.language] ?? referral.language}</span>],
              [t('console:detail.created'), instant(referral.createdAt, lang)],
              [t('console:queue.waitingSince'), `${instant(referral.waitingSince, lang)} (${t('console:queue.waited', { count: daysWaiting(referral, new Date()) })})`],
              [t('console:detail.source'), t(`console:source.${details.source}`)]
            ]}
          />
        </Card>
        <Card title={t('console:detail.answers')} id="answers">
          {rows.length > 0 ? <Rows rows={rows} /> : <p>{t('console:detail.nothingShared')}</p>}
        </Card>
        {shared.eligibility && (
          <Card title={t('console:detail.eligibility')} id="eligibility">
            <Rows
              rows={[
                [t('console:detail.rulesVersion'), shared.eligibility.rulesVersion],
                ...shared.eligibility.programmes.map((p): [string, preact.ComponentChildren] => [t(`console:programme.${p.programme}`), t(`console:outcome.${p.outcome}`)])
              ]}
            />
          </Card>
        )}
        <Card title={t('console:detail.consent')} id="consent">
          <Rows
            rows={[
              [t('console:consent.partner'), props.partnerName(details.consent.partnerId)],
              [t('console:consent.fields'), details.consent.fields.map((f) => t(`console:field.${f}`)).join(', ')],
              [t('console:consent.notice'), details.consent.noticeVersion],
              [t('console:consent.granted'), instant(details.consent.grantedAt, lang)],
              ...(details.consent.withdrawnAt ? [[t('console:consent.withdrawn'), instant(details.consent.withdrawnAt, lang)] as [string, string]] : [])
            ]}
          />
        </Card>
      </div>
      {profile && chart && (
        <section class="card" aria-labelledby="skills">
          <h2 id="skills">{t('console:detail.skills')}</h2>
          <p>{t('console:detail.recommendedLevel', { level: profile.recommendedEqf })}</p>
          <div class="chart-box">
            <canvas data-chart="skills-chart" role="img" aria-label={t('console:detail.chartLabel')} />
          </div>
          <JsonScript id="skills-chart" value={chart} />
          <table>
            <caption class="muted">{t('console:detail.chartLabel')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('console:detail.area')}</th>
                <th scope="col">{t('console:detail.level')}</th>
              </tr>
            </thead>
            <tbody>
              {profile.areas.map((a) => (
                <tr>
                  <td>{areaName(a.areaId)}</td>
                  <td>{a.level === 'unknown' ? t('console:detail.levelUnknown') : formatNumber(a.level, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <section class="card actions" aria-labelledby="actions">
        <h2 id="actions">{t('console:detail.actions')}</h2>
        {props.allowed.length === 0 && <p>{t('console:actions.none')}</p>}
        {props.allowed.includes('review') && <ActionForm action="review" />}
        {props.allowed.includes('route') && (
          <ActionForm action="route">
            <label for="route-partner">{t('console:act.partnerChoice')}</label>{' '}
            <select id="route-partner" name="partner" required>
              {/* Only the organisation the person agreed to share with. */}
              <option value={details.consent.partnerId}>{props.partnerName(details.consent.partnerId)}</option>
            </select>{' '}
          </ActionForm>
        )}
        {props.allowed.includes('accept') && <ActionForm action="accept" />}
        {props.allowed.includes('enrol') && <ActionForm action="enrol" />}
        {props.allowed.includes('complete') && <ActionForm action="complete" />}
        {props.allowed.includes('requestInfo') && (
          <ActionForm action="requestInfo">
            <label for="question">{t('console:act.question')}</label>
            <textarea id="question" name="question" required maxLength={1000} />
          </ActionForm>
        )}
        {props.allowed.includes('decline') && (
          <ActionForm action="decline" danger>
            <label for="reason">{t('console:act.declineReason')}</label>
            <textarea id="reason" name="reason" required maxLength={1000} />
          </ActionForm>
        )}
      </section>
      <section class="card" aria-labelledby="questions">
        <h2 id="questions">{t('console:detail.questions')}</h2>
        {withdrawn || details.infoRequests.length === 0 ? (
          <p class="muted">—</p>
        ) : (
          <dl>
            {details.infoRequests.map((r) => (
              <>
                <dt>
                  {t('console:question.asked')} {instant(r.askedAt, lang)} · {t(`console:actor.${r.askedBy.kind}`)}
                </dt>
                <dd>
                  <Typed text={r.question} class="typed" />
                  <br />
                  {r.answer !== undefined ? (
                    <>
                      {t('console:question.answer')}: <Typed text={r.answer} class="typed" />
                    </>
                  ) : (
                    <span class="muted">{t('console:question.waiting')}</span>
                  )}
                </dd>
              </>
            ))}
          </dl>
        )}
      </section>
      <section class="card" aria-labelledby="history">
        <h2 id="history">{t('console:detail.history')}</h2>
        <div class="table-wrap" tabIndex={0} role="region" aria-label={t('console:detail.history')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('console:history.when')}</th>
                <th scope="col">{t('console:history.who')}</th>
                <th scope="col">{t('console:history.what')}</th>
                <th scope="col">{t('console:history.detail')}</th>
              </tr>
            </thead>
            <tbody>
              {details.history.map((e) => (
                <tr>
                  <td>{instant(e.at, lang)}</td>
                  <td>{e.actor.kind === 'partner' ? props.partnerName(e.actor.id ?? null) : t(`console:actor.${e.actor.kind}`)}</td>
                  <td>
                    {t(`console:event.${e.action}`)} → {t(`console:status.${e.to}`)}
                  </td>
                  <td>{e.partnerId ? props.partnerName(e.partnerId) : <Typed text={e.reason} class="typed" />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section class="card" aria-labelledby="notes">
        <h2 id="notes">{t('console:detail.notes')}</h2>
        {details.notes.length === 0 ? (
          <p class="muted">{t('console:notes.none')}</p>
        ) : (
          <dl>
            {details.notes.map((n) => (
              <>
                <dt>
                  {instant(n.at, lang)} · {n.author.kind === 'partner' ? props.partnerName(n.author.id ?? null) : t(`console:actor.${n.author.kind}`)}
                </dt>
                <dd>
                  <Typed text={n.text} class="typed" />
                </dd>
              </>
            ))}
          </dl>
        )}
        <form method="post" action={`${base}/note`} class="stack">
          <CsrfField token={ctx.csrfToken} />
          <label for="note">{t('console:notes.text')}</label>
          <textarea id="note" name="text" required maxLength={2000} />
          <button type="submit">{t('console:notes.submit')}</button>
        </form>
      </section>
    </article>
  );
}
