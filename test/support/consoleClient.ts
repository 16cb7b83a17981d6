/**
 * A browser-like client of the console over real HTTP: keeps the session cookie, reads the CSRF
 * token from the pages' forms, posts forms (`application/x-www-form-urlencoded`), never follows
 * redirects (the tests look at them).
 */
export class ConsoleClient {
  private cookies = new Map<string, string>();
  csrf: string | undefined;

  constructor(readonly baseUrl: string, private readonly language = 'en') {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const [name, ...value] = pair!.split('=');
      if (attributes.some((a) => /max-age=0/i.test(a.trim()))) this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value.join('='));
    }
  }

  /** The raw Set-Cookie lines of a response (to check the cookie's attributes). */
  static setCookies(res: Response): string[] {
    return res.headers.getSetCookie();
  }

  async get(path: string): Promise<{ res: Response; html: string }> {
    const res = await fetch(`${this.baseUrl}${path}`, { headers: { cookie: this.cookieHeader(), 'accept-language': this.language }, redirect: 'manual' });
    this.keep(res);
    const html = await res.text();
    const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
    if (token) this.csrf = token;
    return { res, html };
  }

  /** Posts a form; the CSRF token is added unless `withCsrf` is false (or given in `fields`). */
  async post(path: string, fields: Record<string, string>, options: { withCsrf?: boolean; origin?: string } = {}): Promise<{ res: Response; html: string }> {
    const body = new URLSearchParams({ ...(options.withCsrf === false || !this.csrf ? {} : { _csrf: this.csrf }), ...fields });
    const res = await fetch(`${this.baseUrl}${path}`, {
      method: 'POST',
      headers: {
        cookie: this.cookieHeader(),
        'content-type': 'application/x-www-form-urlencoded',
        'accept-language': this.language,
        ...(options.origin ? { origin: options.origin } : {})
      },
      body,
      redirect: 'manual'
    });
    this.keep(res);
    return { res, html: await res.text() };
  }

  /** Signs in (and loads a page to learn the CSRF token); throws unless it worked. */
  async signIn(email: string, password: string, landing = '/console/sign-in'): Promise<void> {
    const { res } = await this.post('/console/sign-in', { email, password, next: '/console/referrals' }, { withCsrf: false });
    if (res.status !== 303) throw new Error(`sign-in of ${email} answered ${res.status}`);
    await this.get(landing);
  }

  get signedIn(): boolean {
    return [...this.cookies.keys()].some((k) => /passerelle-console$/.test(k));
  }
}
