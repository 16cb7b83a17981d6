import type { Request, Response, Server } from 'restify';
import type { VNode } from 'preact';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { mayUse, type Account, type AuditAction, type ConsoleRole } from '../domain';
import { CONSOLE_LANGUAGES, matchLanguage, type Localizer, type Texts } from '../i18n';
import type { AccountService } from '../services/accountService';
import type { AuditFacts, AuditService } from '../services/auditService';
import { csrfMatches, type ConsoleSessionService, type SignedIn } from '../services/consoleSessionService';
import type { Clock } from '../services/clock';
import { cookie, queryParam } from '../server/http';
import { formatCsp, renderPage, sendHtml } from '../web';
import { ConsoleLayout, type NavItem } from './pages/consoleLayout';
import { MessagePage } from './pages/messagePage';

/** Where the console lives. */
export const CONSOLE_PATH = '/console';

/** The form field (or `X-CSRF-Token` header) every state-changing request carries. */
export const CSRF_FIELD = '_csrf';

/** What the console needs from the composition root. */
export interface ConsoleDeps {
  accounts: AccountService;
  sessions: ConsoleSessionService;
  audit: AuditService;
  localizer: Localizer;
  clock: Clock;
  /** `Secure` cookies (behind HTTPS). */
  secureCookie: boolean;
  /** Failed sign-ins allowed per address and per e-mail in 15 minutes. */
  signInAttempts: number;
  /** The bot's languages by their own names (`locales/languages.json`). */
  languageNames: Readonly<Record<string, string>>;
}

/** What a console page's handler is given. */
export interface ConsolePageContext {
  req: Request;
  res: Response;
  /** The signed-in account (its role already checked). */
  account: Account;
  /** The console's language for this request, and its texts (`console:…` keys). */
  lang: string;
  texts: Texts;
  /** The session's CSRF token: put it in every form (`<CsrfField token={…} />`). */
  csrfToken: string;
  /** The submitted form fields (POST, `application/x-www-form-urlencoded`); empty for GET. */
  form: Readonly<Record<string, string>>;
  /** The bot's languages by their own names. */
  languageNames: Readonly<Record<string, string>>;
  /** Writes one audit line for this account (await it before answering). */
  audit(action: AuditAction, facts?: AuditFacts): Promise<void>;
  /** Answers 200 (or `status`) with `body` inside the console's layout. */
  render(title: string, body: VNode, options?: { status?: number; scripts?: readonly string[] }): void;
  /** Answers 303 to a console path (after a POST). */
  redirect(path: string): void;
  /** Answers with a short message page (404 for something this account may not see, 400 for bad input…). */
  message(status: number, titleKey: string, textKey: string, params?: Record<string, unknown>): void;
}

/** One console page: its method, path (under /console), the roles allowed (empty: any signed-in account) and its handler. */
export interface ConsolePageSpec {
  method?: 'GET' | 'POST';
  path: string;
  roles: readonly ConsoleRole[];
  /** The navigation entry, if the page has one: its text key and the roles that see it (default: `roles`). */
  nav?: { key: string; order: number };
  handler(ctx: ConsolePageContext): Promise<void>;
}

const mounted = new WeakMap<Server, ConsoleMount>();

/**
 * The headers of every console response: never cached, never framed, no referrer, scripts and
 * styles only from this server (no inline script or style at all).
 */
export const CONSOLE_HEADERS: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  'Content-Security-Policy': formatCsp({
    'default-src': ["'none'"],
    'script-src': ["'self'"],
    'style-src': ["'self'"],
    'img-src': ["'self'"],
    'connect-src': ["'self'"],
    'form-action': ["'self'"],
    'base-uri': ["'none'"],
    'frame-ancestors': ["'none'"]
  })
};

/** The console mounted on one server: sessions, languages, CSRF, roles, and the pages registered. */
export class ConsoleMount {
  readonly nav: (NavItem & { roles: readonly ConsoleRole[] })[] = [];
  readonly signInLimiter: { byAddress: RateLimiterMemory; byEmail: RateLimiterMemory };

  constructor(
    readonly server: Server,
    readonly deps: ConsoleDeps
  ) {
    const points = deps.signInAttempts;
    this.signInLimiter = {
      byAddress: new RateLimiterMemory({ keyPrefix: 'console-signin-ip', points: points * 4, duration: 15 * 60 }),
      byEmail: new RateLimiterMemory({ keyPrefix: 'console-signin-email', points, duration: 15 * 60 })
    };
  }

  get cookieName(): string {
    return this.deps.secureCookie ? '__Host-passerelle-console' : 'passerelle-console';
  }

  /** `Set-Cookie` for a session secret (empty and expired to clear it). */
  sessionCookie(secret: string | undefined): string {
    const parts = [`${this.cookieName}=${secret ?? ''}`, 'Path=/', 'HttpOnly', 'SameSite=Strict'];
    if (this.deps.secureCookie) parts.push('Secure');
    if (secret === undefined) parts.push('Max-Age=0');
    return parts.join('; ');
  }

  /** The console's language for a request: `?lang=` (remembered in a cookie), the cookie, the browser's, else English. */
  language(req: Request, res: Response): string {
    const asked = queryParam(req, 'lang');
    const languages: readonly string[] = CONSOLE_LANGUAGES;
    if (asked && languages.includes(asked)) {
      res.header('Set-Cookie', `passerelle-console-lang=${asked}; Path=/console; SameSite=Strict${this.deps.secureCookie ? '; Secure' : ''}`);
      return asked;
    }
    const kept = cookie(req, 'passerelle-console-lang');
    if (kept && languages.includes(kept)) return kept;
    for (const part of (req.header('accept-language') ?? '').split(',')) {
      const match = matchLanguage(part.split(';')[0]?.trim(), languages);
      if (match) return match;
    }
    return 'en';
  }

  /** The signed-in session behind the request's cookie, if any. */
  signedIn(req: Request): Promise<SignedIn | undefined> {
    return this.deps.sessions.resume(cookie(req, this.cookieName));
  }

  /** Registers a page: signed out → sign-in page (GET) or 401; wrong role → 403; POST without the session's CSRF token → 403, nothing done. */
  page(spec: ConsolePageSpec): void {
    if (!spec.path.startsWith(`${CONSOLE_PATH}/`) && spec.path !== CONSOLE_PATH) throw new Error(`console pages live under ${CONSOLE_PATH}/: ${spec.path}`);
    const method = spec.method ?? 'GET';
    if (spec.nav) this.nav.push({ href: spec.path, key: spec.nav.key, order: spec.nav.order, roles: spec.roles });
    const handler = async (req: Request, res: Response): Promise<void> => {
      const lang = this.language(req, res);
      const texts = this.deps.localizer.textsIn(lang);
      const signed = await this.signedIn(req);
      if (!signed) {
        if (method === 'GET') {
          res.header('Location', `${CONSOLE_PATH}/sign-in?next=${encodeURIComponent(req.url ?? CONSOLE_PATH)}`);
          res.send(303);
        } else {
          this.sendMessage(req, res, texts, undefined, 401, 'console:signIn.title', 'console:errors.signedOut');
        }
        return;
      }
      const { account, session } = signed;
      if (!mayUse(account, spec.roles)) {
        this.sendMessage(req, res, texts, signed, 403, 'console:errors.forbiddenTitle', 'console:errors.forbidden');
        return;
      }
      const form = method === 'POST' ? parseForm(req) : {};
      if (method === 'POST' && !csrfMatches(session, form[CSRF_FIELD] ?? req.header('x-csrf-token'))) {
        this.sendMessage(req, res, texts, signed, 403, 'console:errors.forbiddenTitle', 'console:errors.csrf');
        return;
      }
      await spec.handler({
        req,
        res,
        account,
        lang,
        texts,
        csrfToken: session.csrfToken,
        form,
        languageNames: this.deps.languageNames,
        audit: async (action, facts) => {
          await this.deps.audit.record(account, action, facts);
        },
        render: (title, body, options) => this.sendPage(req, res, texts, signed, options?.status ?? 200, title, body, options?.scripts),
        redirect: (path) => {
          res.header('Location', path);
          res.send(303);
        },
        message: (status, titleKey, textKey, params) => this.sendMessage(req, res, texts, signed, status, titleKey, textKey, params)
      });
    };
    if (method === 'GET') this.server.get(spec.path, handler);
    else this.server.post(spec.path, handler);
  }

  /** A whole console page in the layout. */
  sendPage(req: Request, res: Response, texts: Texts, signed: SignedIn | undefined, status: number, title: string, body: VNode, scripts?: readonly string[]): void {
    const nav = signed ? this.nav.filter((item) => mayUse(signed.account, item.roles)).sort((a, b) => a.order - b.order) : [];
    const html = renderPage(
      ConsoleLayout({ texts, title, account: signed?.account, csrfToken: signed?.session.csrfToken, nav, currentPath: new URL(req.url ?? '/', 'http://x').pathname, ...(scripts ? { scripts } : {}), children: body })
    );
    sendHtml(req, res, status, html, CONSOLE_HEADERS);
  }

  sendMessage(req: Request, res: Response, texts: Texts, signed: SignedIn | undefined, status: number, titleKey: string, textKey: string, params?: Record<string, unknown>): void {
    const title = texts.t(titleKey);
    this.sendPage(req, res, texts, signed, status, title, MessagePage({ title, text: texts.t(textKey, params) }));
  }
}

/** Mounts the console on a server (once); `registerConsolePage` then adds pages to it. */
export function mountConsole(server: Server, deps: ConsoleDeps): ConsoleMount {
  if (mounted.has(server)) throw new Error('the console is already mounted on this server');
  const mount = new ConsoleMount(server, deps);
  mounted.set(server, mount);
  return mount;
}

/**
 * Adds a page to the console of `server` (mounted by the app): the handler runs only for a
 * signed-in account whose role is in `roles`, and for a POST only with the session's CSRF
 * token; it gets the account, its texts and the token (see docs/console.md).
 */
export function registerConsolePage(server: Server, spec: ConsolePageSpec): void {
  const mount = mounted.get(server);
  if (!mount) throw new Error('the console is not mounted on this server (mountConsole first)');
  mount.page(spec);
}

/** The fields of an `application/x-www-form-urlencoded` body (the last of repeated names wins; `getAll` for lists). */
export function parseForm(req: Request): Record<string, string> {
  return Object.fromEntries(formParams(req));
}

/** The body as URLSearchParams (empty for another content type). */
export function formParams(req: Request): URLSearchParams {
  const type = (req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') return new URLSearchParams();
  const body: unknown = req.body;
  const text = typeof body === 'string' ? body : Buffer.isBuffer(body) ? body.toString('utf8') : '';
  return new URLSearchParams(text);
}
