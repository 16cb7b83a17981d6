import type { Request, Response } from 'restify';
import { compressSmall } from './assets';

/**
 * Sends a rendered page: `text/html; charset=utf-8`, compressed (brotli or gzip) when the
 * client accepts it, with the page's own headers (CSP, caching, referrer policy…). `Vary`
 * defaults to `Accept-Encoding`; a page that varies on more names them all.
 */
export function sendHtml(req: Request, res: Response, status: number, html: string, headers: Readonly<Record<string, string>>): void {
  const { body, encoding } = compressSmall(Buffer.from(html, 'utf8'), req.header('accept-encoding'));
  res.sendRaw(status, body, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': String(body.length),
    ...(encoding ? { 'Content-Encoding': encoding } : {}),
    Vary: 'Accept-Encoding',
    'X-Content-Type-Options': 'nosniff',
    ...headers
  });
}
