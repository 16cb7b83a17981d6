import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Request, Response, Server } from 'restify';
import { cookie, queryParam } from '../../server/http';
import { loadAsset, projectRoot, sendAsset, compressSmall, webChatBundlePath, type Asset } from './webChatAssets';
import { renderWebChatPage } from './webChatPage';
import { languageFromAcceptLanguage, loadWebChatCatalogue } from './webChatTexts';

/** The cookie that remembers the page's language (set by the page when the person picks one). */
export const LANGUAGE_COOKIE = 'passerelle_lang';

/**
 * Hash of an empty style element. A component inside Web Chat (react-scroll-to-bottom) creates
 * its `<style>` without the nonce, empty, then adds its rules through the CSSOM (which CSP
 * does not govern): allowing exactly an empty element lets it work without 'unsafe-inline'.
 */
const EMPTY_STYLE_HASH = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

/** The policy of the page: its own scripts only, Web Chat's styles by nonce, API and stream on this origin. */
export function contentSecurityPolicy(nonce: string, directLineOrigin?: string): string {
  const connect = directLineOrigin ? `connect-src 'self' ${directLineOrigin} ${directLineOrigin.replace(/^https:/, 'wss:')}` : "connect-src 'self'";
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}' ${EMPTY_STYLE_HASH}`,
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "media-src 'self' data: blob:",
    connect,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'"
  ].join('; ');
}

/**
 * `GET /`: the web chat page (Bot Framework Web Chat, served from the npm package, connected
 * to the local Direct Line), and `GET /webchat/assets/*`: its content-hashed files.
 */
export function addWebChatRoutes(
  server: Server,
  deps: { localesDir: string; defaultLanguage: string; directLine: { tokenUrl: string; domain: string } }
): void {
  const directLineOrigin = /^https:\/\//.test(deps.directLine.domain) ? new URL(deps.directLine.domain).origin : undefined;
  const catalogue = loadWebChatCatalogue(deps.localesDir);
  const codes = catalogue.languages.map((l) => l.code);
  const publicDir = path.join(projectRoot(), 'public');
  const assets = {
    webChat: loadAsset(webChatBundlePath(), 'webchat-minimal', 'application/javascript; charset=utf-8'),
    script: loadAsset(path.join(publicDir, 'webchat.js'), 'webchat-page', 'application/javascript; charset=utf-8'),
    style: loadAsset(path.join(publicDir, 'webchat.css'), 'webchat-page', 'text/css; charset=utf-8')
  };
  const byUrl = new Map<string, Asset>(Object.values(assets).map((a) => [a.url, a]));
  const fallback = codes.includes(deps.defaultLanguage) ? deps.defaultLanguage : codes[0]!;

  server.get('/', async (req: Request, res: Response) => {
    const query = queryParam(req, 'lang');
    const browser = languageFromAcceptLanguage(req.header('accept-language'), codes);
    const chosen = [query, cookie(req, LANGUAGE_COOKIE)].find((c): c is string => c !== undefined && codes.includes(c));
    const lang = chosen ?? browser ?? fallback;
    const first = browser ?? lang;
    const languages = [...catalogue.languages.filter((l) => l.code === first), ...catalogue.languages.filter((l) => l.code !== first)];
    const nonce = randomBytes(16).toString('base64');
    const html = renderWebChatPage({
      lang,
      languages,
      texts: catalogue.texts,
      nonce,
      assets: { webChat: assets.webChat.url, script: assets.script.url, style: assets.style.url },
      directLine: deps.directLine
    });
    const { body, encoding } = compressSmall(Buffer.from(html, 'utf8'), req.header('accept-encoding'));
    res.sendRaw(200, body, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': String(body.length),
      ...(encoding ? { 'Content-Encoding': encoding } : {}),
      'Cache-Control': 'no-cache',
      Vary: 'Accept-Encoding, Accept-Language, Cookie',
      'Content-Security-Policy': contentSecurityPolicy(nonce, directLineOrigin),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'X-Frame-Options': 'DENY'
    });
  });

  server.get('/webchat/assets/:file', async (req: Request, res: Response) => {
    const asset = byUrl.get(`/webchat/assets/${String(req.params.file)}`);
    if (!asset) {
      res.send(404, { error: 'not_found' });
      return;
    }
    await sendAsset(req, res, asset);
  });
}
