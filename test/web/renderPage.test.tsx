import fs from 'node:fs';
import path from 'node:path';
import { css, formatCsp, InlineMarkup, jsonForScript, JsonScript, Layout, pageAssets, renderPage } from '../../src/web';
import { tagsOf } from '../support/renderedHtml';

describe('renderPage and Layout', () => {
  it('writes one document: doctype, <html lang dir>, the head once, then the body', () => {
    const html = renderPage(
      <Layout lang="fr" title="Titre" robots="noindex, nofollow" stylesheets={['/s.css']} scripts={['/a.js', '/b.js']}>
        <main>Bonjour</main>
      </Layout>
    );
    expect(html).toBe(
      '<!doctype html>\n<html lang="fr" dir="ltr"><head><meta charset="utf-8"/><meta name="viewport" content="width=device-width, initial-scale=1"/>' +
        `<meta name="robots" content="noindex, nofollow"/><link rel="icon" href="${pageAssets().icon.url}" type="image/svg+xml"/><title>Titre</title><link rel="stylesheet" href="/s.css"/>` +
        '<script defer src="/a.js"></script><script defer src="/b.js"></script></head><body><main>Bonjour</main></body></html>'
    );
  });

  it.each([
    ['ar', 'rtl'],
    ['fa', 'rtl'],
    ['ps', 'rtl'],
    ['ckb', 'rtl'],
    ['fr', 'ltr'],
    ['ti', 'ltr']
  ])('%s is written %s unless the page says otherwise', (lang, dir) => {
    expect(renderPage(<Layout lang={lang} title="t" />)).toContain(`<html lang="${lang}" dir="${dir}">`);
    expect(renderPage(<Layout lang={lang} dir="ltr" title="t" />)).toContain(`<html lang="${lang}" dir="ltr">`);
  });

  it('escapes text and attribute values', () => {
    const evil = `<a href="x">'&'</a>`;
    const html = renderPage(
      <Layout lang={evil} title={evil}>
        <p title={evil}>{evil}</p>
      </Layout>
    );
    const escaped = '&lt;a href=&quot;x&quot;>\'&amp;\'&lt;/a>';
    expect(html).toContain(`<html lang="${escaped}" dir="ltr">`);
    expect(html).toContain(`<title>${escaped}</title>`);
    expect(html).toContain(`<p title="${escaped}">${escaped}</p>`);
    expect(tagsOf(html).filter((t) => t.name === 'a')).toEqual([]);
  });

  it('never writes event handler attributes, even when given as strings', () => {
    const props = { onclick: 'alert(1)', onError: 'alert(2)' } as Record<string, string>;
    expect(renderPage(<button type="button" {...props} />)).toBe('<!doctype html>\n<button type="button"></button>');
  });

  it('puts the page nonce on the style it inlines', () => {
    const html = renderPage(<Layout lang="en" title="t" inlineCss={css`body{margin:0}`} nonce="abc" />);
    expect(html).toContain('<style nonce="abc">body{margin:0}</style>');
  });
});

describe('trusted markup', () => {
  it('css`…` takes constant stylesheets only', () => {
    expect(css`a{color:red}`).toBe('a{color:red}');
    const interpolate = css as unknown as (strings: TemplateStringsArray, ...values: unknown[]) => string;
    const value = 'red}</style><script>alert(1)</script>';
    expect(() => interpolate`a{color:${value}}`).toThrow(/constant/);
    expect(() => css`</style><script>alert(1)</script>`).toThrow(/must not contain/);
  });

  it('writes JSON that no value can close, and that parses back to the value', () => {
    const value = { a: '</script><!--\u2028&', b: [1, null] };
    expect(jsonForScript({ a: '</script><!--\u2028' })).toBe('{"a":"\\u003c/script\\u003e\\u003c!--\\u2028"}');
    const html = renderPage(<JsonScript id="data" value={value} />);
    const block = /^<!doctype html>\n<script type="application\/json" id="data">([^<]*)<\/script>$/.exec(html)![1]!;
    expect(JSON.parse(block)).toEqual(value);
  });
});

describe('InlineMarkup', () => {
  const render = (text: string): string => renderPage(<p><InlineMarkup text={text} /></p>).replace('<!doctype html>\n', '');

  it.each([
    ['plain text', '<p>plain text</p>'],
    ['a **bold** word and **another**', '<p>a <strong>bold</strong> word and <strong>another</strong></p>'],
    ['**<img src=x onerror=alert(1)>**', '<p><strong>&lt;img src=x onerror=alert(1)></strong></p>'],
    ['an unmatched ** stays', '<p>an unmatched ** stays</p>'],
    ['', '<p></p>']
  ])('%j → %s', (text, html) => {
    expect(render(text)).toBe(html);
  });
});

describe('formatCsp', () => {
  it('joins directives in order, and always forbids framing', () => {
    expect(formatCsp({ 'default-src': ["'none'"], 'script-src': ["'self'", 'https://x.example'] })).toBe("default-src 'none'; script-src 'self' https://x.example; frame-ancestors 'none'");
    expect(formatCsp({ 'default-src': ["'none'"], 'frame-ancestors': ["'none'"] })).toBe("default-src 'none'; frame-ancestors 'none'");
  });
});

describe('the escape hatch', () => {
  it('is used in src/web/trustedMarkup.tsx only', () => {
    const root = path.resolve(__dirname, '..', '..', 'src');
    const files = fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f));
    const users = files.filter((f) => fs.readFileSync(path.join(root, f), 'utf8').includes('dangerouslySetInnerHTML'));
    expect(users.map((f) => f.split(path.sep).join('/'))).toEqual(['web/trustedMarkup.tsx']);
  });
});
