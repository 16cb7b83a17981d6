import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { languageFromAcceptLanguage, loadWebChatCatalogue, renderWebChatPage, WEB_CHAT_STRING_IDS, WEBCHAT_TEXT_KEYS, type WebChatTexts } from '../../../src/channels/webchat';
import { webChatBundlePath } from '../../../src/channels/webchat/webChatAssets';
import { acceptedEncodings, jsonForScript } from '../../../src/web';
import { startApp, type RunningApp } from '../../support/testApp';

const LOCALES_DIR = path.resolve(__dirname, '..', '..', '..', 'locales');
const ALL = ['fr', 'en', 'de', 'nl', 'pt', 'ro', 'ar', 'fa', 'ps', 'ckb', 'so', 'ti', 'tr', 'uk'];

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A GET with exactly these headers (fetch would add and undo compression itself). */
function rawGet(url: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

function decoded(res: RawResponse): string {
  const encoding = res.headers['content-encoding'];
  if (encoding === 'br') return zlib.brotliDecompressSync(res.body).toString('utf8');
  if (encoding === 'gzip') return zlib.gunzipSync(res.body).toString('utf8');
  return res.body.toString('utf8');
}

interface PageConfig {
  nonce: string;
  directLine: string;
  bundle: { texts: Record<string, string>; webChat: Record<string, string> };
  languages: { code: string; bundle: string }[];
}

function pageConfig(html: string): PageConfig {
  return JSON.parse(/<script type="application\/json" id="passerelle-config">([^<]*)<\/script>/.exec(html)![1]!) as PageConfig;
}

function assetUrls(html: string): string[] {
  return [...html.matchAll(/(?:src|href)="(\/webchat\/assets\/[^"]+)"/g)].map((m) => m[1]!);
}

let running: RunningApp;
beforeAll(async () => {
  running = await startApp();
});
afterAll(() => running.close());

describe('GET /', () => {
  it('serves the page in the browser language, with a strict Content-Security-Policy', async () => {
    const res = await rawGet(`${running.url}/`, { 'accept-language': 'fr-FR,fr;q=0.9,en;q=0.8', 'accept-encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['cache-control']).toBe('no-cache');
    const html = decoded(res);
    expect(html).toMatch(/<html lang="fr" dir="ltr">/);
    expect(html).toContain('<title>Passerelle – discussion</title>');
    expect(html).toMatch(/<label class="bar__label" for="language" data-text="language">Langue<\/label>/);
    const options = [...html.matchAll(/<option value="([a-z]+)"/g)].map((m) => m[1]);
    expect(options).toEqual(['fr', ...ALL.filter((l) => l !== 'fr')]);
    expect(html).toMatch(/<option value="fr" lang="fr" dir="ltr" selected>Français<\/option>/);

    const csp = String(res.headers['content-security-policy']);
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    const config = pageConfig(html);
    expect(config.nonce).toBe(nonce);
    expect(config.directLine).toBe('/v3/directline');
    // Only the page's language is inline; the others are fetched when chosen.
    expect(config.bundle.texts.title).toBe('Passerelle – discussion');
    expect(config.bundle.webChat.TEXT_INPUT_PLACEHOLDER).toBe('Écrivez votre message');
    expect(config.languages.map((l) => l.code).sort()).toEqual([...ALL].sort());
    for (const l of config.languages) expect(l.bundle).toMatch(new RegExp(`^/webchat/assets/webchat-${l.code}\\.[0-9a-f]{16}\\.json$`));
    // No inline script may run: only external scripts and the JSON data block.
    expect([...html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*type="application\/json")[^>]*>/g)]).toEqual([]);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });

  it.each([
    [{ 'accept-language': 'ar-EG,ar;q=0.9' }, '/', 'ar', 'rtl', 'ar'],
    [{ 'accept-language': 'de-CH, en;q=0.5' }, '/', 'de', 'ltr', 'de'],
    [{ 'accept-language': 'prs-AF' }, '/', 'fa', 'rtl', 'fa'],
    [{ 'accept-language': 'ja-JP' }, '/', 'fr', 'ltr', 'fr'],
    [{ 'accept-language': 'en-GB' }, '/?lang=ckb', 'ckb', 'rtl', 'en'],
    [{ 'accept-language': 'en-GB', cookie: 'passerelle_lang=uk' }, '/', 'uk', 'ltr', 'en'],
    [{ 'accept-language': 'en-GB' }, '/?lang=xx', 'en', 'ltr', 'en']
  ])('%j %s → lang=%s dir=%s, %s proposed first', async (headers, url, lang, dir, first) => {
    const html = decoded(await rawGet(`${running.url}${url}`, headers));
    expect(html).toContain(`<html lang="${lang}" dir="${dir}">`);
    expect(/<option value="([a-z]+)"/.exec(html)![1]).toBe(first);
    expect(html).toMatch(new RegExp(`<option value="${lang}"[^>]* selected>`));
  });

  it('serves its assets content-hashed, long-cached, compressed', async () => {
    const html = decoded(await rawGet(`${running.url}/`));
    const urls = assetUrls(html);
    expect(urls).toHaveLength(3);
    for (const url of urls) {
      expect(url).toMatch(/^\/webchat\/assets\/[a-z-]+\.[0-9a-f]{16}\.(js|css)$/);
      const res = await rawGet(`${running.url}${url}`, { 'accept-encoding': 'gzip' });
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.headers['content-encoding']).toBe('gzip');
      expect(res.headers.vary).toBe('Accept-Encoding');
      expect(res.headers['content-type']).toMatch(url.endsWith('.css') ? /^text\/css/ : /^application\/javascript/);
      const again = await rawGet(`${running.url}${url}`, { 'if-none-match': String(res.headers.etag) });
      expect(again.status).toBe(304);
    }
    // Web Chat itself comes from the npm package, byte for byte.
    const bundleUrl = urls.find((u) => u.includes('webchat-minimal'))!;
    const bundle = await rawGet(`${running.url}${bundleUrl}`);
    expect(bundle.headers['content-encoding']).toBeUndefined();
    expect(bundle.body.equals(fs.readFileSync(webChatBundlePath()))).toBe(true);
  });

  it("serves each language's texts, Web Chat strings and dates as a content-hashed JSON file", async () => {
    const config = pageConfig(decoded(await rawGet(`${running.url}/`, { 'accept-language': 'fr' })));
    const tigrinya = config.languages.find((l) => l.code === 'ti')!;
    const res = await rawGet(`${running.url}${tigrinya.bundle}`, { 'accept-encoding': 'br' });
    expect([res.status, res.headers['content-type'], res.headers['cache-control'], res.headers['content-encoding']]).toEqual([
      200,
      'application/json; charset=utf-8',
      'public, max-age=31536000, immutable',
      'br'
    ]);
    const bundle = JSON.parse(decoded(res)) as { texts: Record<string, string>; webChat: Record<string, string>; dates: { months: string[] } };
    expect(bundle.texts.title).toBe('Passerelle – ዕላል');
    expect(bundle.webChat.TEXT_INPUT_PLACEHOLDER).toBe('መልእኽትኹም ጽሓፉ');
    expect(bundle.dates.months[11]).toBe('ታሕሳስ');
  });

  it('prefers brotli', async () => {
    const html = decoded(await rawGet(`${running.url}/`));
    const css = assetUrls(html).find((u) => u.endsWith('.css'))!;
    const res = await rawGet(`${running.url}${css}`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(res.headers['content-encoding']).toBe('br');
    expect(decoded(res)).toContain('.bar');
  });

  it('answers 404 for an unknown or outdated asset', async () => {
    expect((await rawGet(`${running.url}/webchat/assets/webchat-page.0000000000000000.js`)).status).toBe(404);
    expect((await rawGet(`${running.url}/webchat/assets/..%2F..%2Fpackage.json`)).status).toBe(404);
  });
});

describe('page rendering', () => {
  const catalogue = loadWebChatCatalogue(LOCALES_DIR);

  it('has every text of the page, and every Web Chat string, in all fourteen languages', () => {
    expect(catalogue.languages.map((l) => l.code)).toEqual(ALL);
    const missing = ALL.flatMap((lang) => [
      ...WEBCHAT_TEXT_KEYS.filter((key) => !catalogue.bundles[lang]?.texts[key]?.trim()).map((key) => `${lang}: ${key}`),
      ...WEB_CHAT_STRING_IDS.filter((id) => !catalogue.bundles[lang]?.webChat[id]?.trim()).map((id) => `${lang}: webChat.${id}`)
    ]);
    expect(missing).toEqual([]);
    expect(catalogue.languages.filter((l) => l.dir === 'rtl').map((l) => l.code)).toEqual(['ar', 'fa', 'ps', 'ckb']);
    expect(catalogue.languages.find((l) => l.code === 'ar')!.webChatLocale).toBe('ar-SA');
  });

  it('escapes every interpolated value', () => {
    const evil = '"><script>alert(1)</script>';
    const texts = Object.fromEntries(WEBCHAT_TEXT_KEYS.map((k) => [k, evil])) as WebChatTexts;
    const html = renderWebChatPage({
      lang: 'en',
      languages: [{ code: 'en', name: evil, dir: 'ltr', webChatLocale: 'en-US' }],
      bundle: { ...catalogue.bundles.en!, texts },
      bundleUrls: { en: `/x.json?${evil}` },
      nonce: 'abc',
      assets: { webChat: '/a.js?"x', script: '/b.js', style: '/c.css' },
      directLine: { tokenUrl: '/v3/directline/tokens/generate', domain: '/v3/directline' }
    });
    expect(html).not.toContain('<script>alert(1)</script>');
    // Preact escapes `"`, `&` and `<` (a `>` alone opens nothing); see also test/web/hostilePages.test.ts.
    expect(html).toContain('&quot;>&lt;script>alert(1)&lt;/script>');
    expect(html).toContain('src="/a.js?&quot;x"');
    // Inside the JSON data block, "</script>" cannot close the element.
    const block = /id="passerelle-config">([^]*?)<\/script>/.exec(html)![1]!;
    expect(block).not.toMatch(/<\/?script/i);
    const config = JSON.parse(block) as { bundle: { texts: WebChatTexts }; languages: { bundle: string }[] };
    expect([config.bundle.texts.title, config.languages[0]!.bundle]).toEqual([evil, `/x.json?${evil}`]);
  });

  it('escapes for script blocks', () => {
    expect(jsonForScript({ a: '</script><!--\u2028' })).toBe('{"a":"\\u003c/script\\u003e\\u003c!--\\u2028"}');
  });

  it.each([
    ['fr-FR,fr;q=0.9,en;q=0.8', 'fr'],
    ['en;q=0.2, ar;q=0.9', 'ar'],
    ['zz, tr-TR', 'tr'],
    ['*', undefined],
    ['', undefined],
    ['ar;q=0', undefined]
  ])('Accept-Language %j → %s', (header, lang) => {
    expect(languageFromAcceptLanguage(header, ALL)).toBe(lang);
  });

  it('reads Accept-Encoding', () => {
    expect([...acceptedEncodings('gzip, deflate, br')].sort()).toEqual(['br', 'gzip']);
    expect([...acceptedEncodings('br;q=0, gzip;q=0.5')]).toEqual(['gzip']);
    expect([...acceptedEncodings(undefined)]).toEqual([]);
  });
});
