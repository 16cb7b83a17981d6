import type { Request, Response, Server } from 'restify';
import { cookie, queryParam } from '../../server/http';
import { assetHandler, createNonce, formatCsp, sendHtml } from '../../web';
import { allWebChatAssets, loadWebChatAssets, WEBCHAT_ASSETS_PATH, type WebChatAssets } from './webChatAssets';
import { renderWebChatPage } from './webChatPage';
import { languageFromAcceptLanguage, loadWebChatCatalogue, type WebChatCatalogue } from './webChatTexts';

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
  return formatCsp({
    'default-src': ["'none'"],
    'script-src': ["'self'"],
    'style-src': ["'self'", `'nonce-${nonce}'`, EMPTY_STYLE_HASH],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'media-src': ["'self'", 'data:', 'blob:'],
    'connect-src': directLineOrigin ? ["'self'", directLineOrigin, directLineOrigin.replace(/^https:/, 'wss:')] : ["'self'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'none'"]
  });
}

export interface WebChatRouteDeps {
  localesDir: string;
  defaultLanguage: string;
  /** Where the page gets its tokens, and the Direct Line API it talks to (see `WebChatPageInput`). */
  directLine: { tokenUrl: string; domain: string };
}

/**
 * `GET /`: the page in the language asked for (`?lang=`, then the language cookie), else the
 * browser's, else the default; the browser's language is proposed first in the picker.
 */
export function webChatPageHandler(deps: {
  catalogue: WebChatCatalogue;
  assets: WebChatAssets;
  defaultLanguage: string;
  directLine: { tokenUrl: string; domain: string };
}): (req: Request, res: Response) => Promise<void> {
  const { catalogue, assets, directLine } = deps;
  const directLineOrigin = /^https:\/\//.test(directLine.domain) ? new URL(directLine.domain).origin : undefined;
  const codes = catalogue.languages.map((l) => l.code);
  const fallback = codes.includes(deps.defaultLanguage) ? deps.defaultLanguage : codes[0]!;
  const bundleUrls = Object.fromEntries(Object.entries(assets.languages).map(([code, asset]) => [code, asset.url]));
  return async (req, res) => {
    const browser = languageFromAcceptLanguage(req.header('accept-language'), codes);
    const chosen = [queryParam(req, 'lang'), cookie(req, LANGUAGE_COOKIE)].find((c): c is string => c !== undefined && codes.includes(c));
    const lang = chosen ?? browser ?? fallback;
    const first = browser ?? lang;
    const languages = [...catalogue.languages.filter((l) => l.code === first), ...catalogue.languages.filter((l) => l.code !== first)];
    const nonce = createNonce();
    const html = renderWebChatPage({
      lang,
      languages,
      bundle: catalogue.bundles[lang]!,
      bundleUrls,
      nonce,
      assets: { webChat: assets.webChat.url, script: assets.script.url, style: assets.style.url },
      directLine
    });
    sendHtml(req, res, 200, html, {
      'Cache-Control': 'no-cache',
      Vary: 'Accept-Encoding, Accept-Language, Cookie',
      'Content-Security-Policy': contentSecurityPolicy(nonce, directLineOrigin),
      'Referrer-Policy': 'no-referrer',
      'X-Frame-Options': 'DENY'
    });
  };
}

/**
 * `GET /`: the web chat page (Bot Framework Web Chat, served from the npm package, connected
 * to the local Direct Line or Azure's), and `GET /webchat/assets/*`: its content-hashed files
 * (scripts, styles, and each language's texts).
 */
export function addWebChatRoutes(server: Server, deps: WebChatRouteDeps): void {
  const catalogue = loadWebChatCatalogue(deps.localesDir);
  const assets = loadWebChatAssets(catalogue);
  server.get('/', webChatPageHandler({ catalogue, assets, defaultLanguage: deps.defaultLanguage, directLine: deps.directLine }));
  server.get(`${WEBCHAT_ASSETS_PATH}:file`, assetHandler(WEBCHAT_ASSETS_PATH, allWebChatAssets(assets)));
}
