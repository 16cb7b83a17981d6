import type { Request, Response, Server } from 'restify';
import { normaliseEmail } from '../domain';
import { queryParam } from '../server/http';
import { assetHandler } from '../web';
import { consoleAssets, CONSOLE_ASSETS_PATH } from './consoleAssets';
import { CONSOLE_PATH, parseForm, type ConsoleMount } from './consoleContext';
import { SignInPage } from './pages/signInPage';
import { addAccountPage } from './accountPage';

/** Where to go after signing in: a console path of this server, else the console's start. */
export function safeNext(next: string | undefined): string {
  return next && next.startsWith(`${CONSOLE_PATH}`) && !next.startsWith('//') && !/[\\\r\n]/.test(next) && !next.startsWith(`${CONSOLE_PATH}/sign-`) ? next : `${CONSOLE_PATH}/referrals`;
}

/** A browser's form posted from another site (no session yet, so no CSRF token): refused. */
function crossSite(req: Request): boolean {
  const origin = req.header('origin');
  if (!origin || origin === 'null') return origin === 'null';
  try {
    return new URL(origin).host !== req.header('host');
  } catch {
    return true;
  }
}

/**
 * The console's own routes: its assets, `/console` (to the queue), the sign-in page and form
 * (rate-limited per address and per e-mail, audited), and sign-out (a POST with the CSRF token).
 * `clientAddress` is the client's address as the server's rate limits see it (behind trusted
 * proxies, the one they saw: otherwise everybody would share the proxy's address and its limit).
 */
export function addConsoleRoutes(server: Server, mount: ConsoleMount, clientAddress: (req: Request) => string = (req) => req.socket.remoteAddress ?? 'unknown'): void {
  const { deps } = mount;
  const assets = consoleAssets();
  server.get(`${CONSOLE_ASSETS_PATH}:file`, assetHandler(CONSOLE_ASSETS_PATH, [assets.css, assets.chartJs, assets.charts]));

  server.get(CONSOLE_PATH, async (req: Request, res: Response) => {
    const signed = await mount.signedIn(req);
    res.header('Location', signed ? `${CONSOLE_PATH}/referrals` : `${CONSOLE_PATH}/sign-in`);
    res.send(303);
  });

  server.get(`${CONSOLE_PATH}/sign-in`, async (req: Request, res: Response) => {
    const texts = deps.localizer.textsIn(mount.language(req, res));
    const next = safeNext(queryParam(req, 'next'));
    if (await mount.signedIn(req)) {
      res.header('Location', next);
      res.send(303);
      return;
    }
    mount.sendPage(req, res, texts, undefined, 200, texts.t('console:signIn.title'), SignInPage({ texts, next }));
  });

  server.post(`${CONSOLE_PATH}/sign-in`, async (req: Request, res: Response) => {
    const texts = deps.localizer.textsIn(mount.language(req, res));
    const form = parseForm(req);
    const next = safeNext(form.next);
    const email = normaliseEmail(form.email ?? '').slice(0, 254);
    const show = (status: number, problem: 'invalid' | 'limited', retryMinutes?: number) =>
      mount.sendPage(req, res, texts, undefined, status, texts.t('console:signIn.title'), SignInPage({ texts, next, problem, email, ...(retryMinutes ? { retryMinutes } : {}) }));
    if (crossSite(req)) {
      mount.sendMessage(req, res, texts, undefined, 403, 'console:errors.forbiddenTitle', 'console:errors.csrf');
      return;
    }
    const address = clientAddress(req);
    const limits = mount.signInLimiter;
    const [byAddress, byEmail] = await Promise.all([limits.byAddress.get(address), limits.byEmail.get(email)]);
    const blocked = [
      { res: byAddress, points: limits.byAddress.points },
      { res: byEmail, points: limits.byEmail.points }
    ].find((r) => r.res !== null && r.res.consumedPoints >= r.points)?.res;
    if (blocked) {
      res.header('Retry-After', String(Math.ceil(blocked.msBeforeNext / 1000)));
      show(429, 'limited', Math.max(1, Math.ceil(blocked.msBeforeNext / 60_000)));
      return;
    }
    const account = email && form.password ? await deps.accounts.verify(email, form.password) : undefined;
    if (!account) {
      await Promise.all([limits.byAddress.consume(address).catch((r: unknown) => r), limits.byEmail.consume(email).catch((r: unknown) => r)]);
      const known = email ? await deps.accounts.findByEmail(email) : undefined;
      await deps.audit.record(known ?? { email: email || '-' }, 'signInRefused');
      show(401, 'invalid');
      return;
    }
    await limits.byEmail.delete(email);
    // Now and then is enough to clear abandoned sessions: at each sign-in.
    await deps.sessions.sweep();
    const { secret } = await deps.sessions.open(account);
    await deps.audit.record(account, 'signIn');
    res.header('Set-Cookie', mount.sessionCookie(secret));
    res.header('Location', next);
    res.send(303);
  });

  addAccountPage(mount);
  mount.page({
    method: 'POST',
    path: `${CONSOLE_PATH}/sign-out`,
    roles: [],
    handler: async (ctx) => {
      await deps.sessions.close(readCookie(ctx.req, mount.cookieName));
      await ctx.audit('signOut');
      ctx.res.header('Set-Cookie', mount.sessionCookie(undefined));
      ctx.redirect(`${CONSOLE_PATH}/sign-in`);
    }
  });
}

function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.header('cookie') ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}
