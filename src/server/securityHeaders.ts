import type { Request, Response } from 'restify';

/**
 * Paths whose answers may hold personal data or credentials: never cached by the browser or a
 * proxy (`Cache-Control: no-store`).
 */
export const PRIVATE_PATHS = /^\/(api|profile|console|v3\/directline|directline-connector|webchat\/token|metrics)(\/|$)/;

/**
 * Headers every answer carries, set before any route runs (a route's own value wins):
 * - `X-Content-Type-Options: nosniff`: a JSON answer is never read as a script or a page;
 * - `Content-Security-Policy: default-src 'none'; frame-ancestors 'none'` (a page replaces it
 *   with its own policy, which `formatCsp` always ends with `frame-ancestors 'none'`) and
 *   `X-Frame-Options: DENY` for older browsers: nothing of this server is shown in a frame;
 * - `Referrer-Policy: no-referrer` on private paths (their URLs can hold a token);
 * - `Cache-Control: no-store` on `PRIVATE_PATHS`.
 */
export function securityHeaders(): (req: Request, res: Response, next: () => void) => void {
  return (req, res, next) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const defaults: [string, string][] = [
      ['X-Content-Type-Options', 'nosniff'],
      ['Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'"],
      ['X-Frame-Options', 'DENY'],
      ...(PRIVATE_PATHS.test(path)
        ? ([
            ['Cache-Control', 'no-store'],
            ['Referrer-Policy', 'no-referrer']
          ] as [string, string][])
        : [])
    ];
    // Set when the head is written, unless the route set its own (restify's `res.header`
    // appends to a value already there, so defaults set now would be doubled).
    const writeHead = res.writeHead;
    res.writeHead = function withDefaults(this: Response, ...args: unknown[]) {
      if (!this.headersSent) {
        for (const [name, value] of defaults) if (!this.hasHeader(name)) this.setHeader(name, value);
      }
      return (writeHead as (...a: unknown[]) => Response).apply(this, args);
    } as typeof res.writeHead;
    next();
  };
}
