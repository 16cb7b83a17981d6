import type { Browser } from 'playwright-core';
import {
  renderWebChatPage,
  WEB_CHAT_STRING_IDS,
  WEBCHAT_TEXT_KEYS,
  webChatDates,
  type WebChatBundle,
  type WebChatLanguage,
  type WebChatPageInput,
  type WebChatStrings,
  type WebChatTexts
} from '../../src/channels/webchat';
import type { AssessmentRecord } from '../../src/domain';
import { renderExpiredLinkPage } from '../../src/web/pages/expiredLinkPage';
import { renderProfilePage, type ProfilePageProps } from '../../src/web/pages/profilePage';
import { describeInBrowser, launchChromium } from '../support/browser';
import { skeletonOf, tagsOf, textOf } from '../support/renderedHtml';

/**
 * Every page rendered with hostile values in every interpolated field (each text of the
 * localizer, each record field that reaches the page) must show them as text: they add no
 * element, no attribute, no script, and nothing runs.
 */

const HOSTILE = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  `'><svg onload="window.__xss='svg'">`,
  '</title></style></script><script>window.__xss="end tags"</script>',
  '<img src=x onerror="window.__xss=\'img\'">',
  '--><!--<iframe srcdoc="<script>parent.__xss=1</script>">',
  '&lt;b&gt; &amp; {{value}} $& $1'
];

/** The same shapes without markup characters: what the page's structure must look like. */
const neutral = (text: string): string => text.replace(/[<>"'&/=]/g, '_');

type Values = (text: string) => string;

/** A localizer whose every text is hostile (several in turn), with its parameters after it. */
function localizerOf(values: Values) {
  let call = 0;
  return {
    t(_lang: string, _key: string, params?: Record<string, unknown>): string {
      const text = values(HOSTILE[call++ % HOSTILE.length]!);
      return params ? `${text} ${Object.values(params).join(' ')}` : text;
    }
  };
}

function profileProps(values: Values): ProfilePageProps {
  const v = (i: number): string => values(HOSTILE[i % HOSTILE.length]!);
  const itemIds = [v(0), v(1), v(2)];
  const record: AssessmentRecord = {
    id: v(3),
    userKey: v(4),
    questionnaireId: v(5),
    questionnaireVersion: v(6),
    language: v(0),
    answers: { [itemIds[0]!]: 3, [itemIds[1]!]: 'skipped' },
    currentItemId: null,
    status: 'completed',
    profile: {
      areas: [
        { framework: v(1), areaId: v(2), level: 2 },
        { framework: v(3), areaId: v(4), level: v(5) }
      ],
      strengths: [{ kind: 'area', id: v(6), framework: v(0), level: v(1) }],
      toDevelop: [{ kind: 'competence', id: v(2), framework: v(3), level: 1 }],
      recommendation: { eqf: v(4), reasonKey: v(5), params: { framework: v(6), answered: v(0) }, adviserShouldConfirm: true }
    },
    startedAt: new Date('2026-11-29T10:00:00Z'),
    updatedAt: new Date('2026-11-29T10:00:00Z'),
    completedAt: new Date('2026-11-29T10:00:00Z'),
    version: 1
  };
  return {
    record,
    questionnaire: { items: itemIds.map((id) => ({ id, framework: 'digcomp', areaId: 'x', competenceId: 'y' }) as never) },
    token: v(1),
    localizer: localizerOf(values),
    printScript: `/assets/print.js?${v(2)}`
  };
}

const WEB_CHAT_DATES = webChatDates('en', { minutesAgo: { one: '{{count}} minute ago', other: '{{count}} minutes ago' }, hoursAgo: { other: '{{count}} hours ago' } });

function webChatInput(values: Values): WebChatPageInput {
  const v = (i: number): string => values(HOSTILE[i % HOSTILE.length]!);
  const languages: WebChatLanguage[] = [
    { code: v(0), name: v(1), dir: 'rtl', webChatLocale: v(2) },
    { code: 'en', name: v(3), dir: 'ltr', webChatLocale: v(4) }
  ];
  const bundle: WebChatBundle = {
    texts: Object.fromEntries(WEBCHAT_TEXT_KEYS.map((k, j) => [k, v(j)])) as WebChatTexts,
    webChat: Object.fromEntries(WEB_CHAT_STRING_IDS.map((id, j) => [id, v(j + 1)])) as WebChatStrings,
    dates: { ...WEB_CHAT_DATES, months: WEB_CHAT_DATES.months.map((_, m) => v(m)), dayPeriods: [v(2), v(3)] }
  };
  return {
    lang: v(0),
    languages,
    bundle,
    bundleUrls: { [v(0)]: `/x.json?${v(1)}`, en: `/y.json?${v(2)}` },
    nonce: v(5),
    assets: { webChat: `/a.js?${v(6)}`, script: `/b.js?${v(0)}`, style: `/c.css?${v(1)}` },
    directLine: { tokenUrl: v(2), domain: v(3) }
  };
}

interface PageCase {
  name: string;
  render: (values: Values) => string;
  /** The page's own scripts: their `src`, and the id of its JSON data block. */
  scripts: (values: Values) => { src: string[]; json: string[] };
}

const PAGES: PageCase[] = [
  {
    name: 'printable profile',
    render: (values) => renderProfilePage(profileProps(values)),
    scripts: (values) => ({ src: [profileProps(values).printScript], json: [] })
  },
  {
    name: 'expired profile link',
    render: (values) => renderExpiredLinkPage({ lang: values(HOSTILE[1]!), localizer: localizerOf(values) }),
    scripts: () => ({ src: [], json: [] })
  },
  {
    name: 'web chat',
    render: (values) => renderWebChatPage(webChatInput(values)),
    scripts: (values) => {
      const { assets } = webChatInput(values);
      return { src: [assets.webChat, assets.script], json: ['passerelle-config'] };
    }
  }
];

const identity: Values = (text) => text;

describe.each(PAGES)('$name page with hostile values everywhere', (page) => {
  const html = page.render(identity);

  it('keeps every "<" of the values escaped: each one in the document opens one of its own tags', () => {
    expect(() => tagsOf(html)).not.toThrow();
  });

  it('has exactly the elements and attributes it has with harmless values', () => {
    expect(skeletonOf(html)).toEqual(skeletonOf(page.render(neutral)));
  });

  it('has no event handler attribute, no javascript: URL and only its own scripts', () => {
    const tags = tagsOf(html).filter((t) => !t.closing);
    const own = page.scripts(identity);
    for (const tag of tags) {
      for (const [name, value] of tag.attributes) {
        expect(name).not.toMatch(/^on/);
        if (['href', 'src', 'action', 'formaction'].includes(name)) expect(value.trim()).not.toMatch(/^javascript:/i);
      }
    }
    const scripts = tags.filter((t) => t.name === 'script').map((t) => Object.fromEntries(t.attributes));
    for (const script of scripts) {
      if (script.src !== undefined) expect(own.src).toContain(script.src);
      else expect(script).toEqual({ type: 'application/json', id: expect.stringMatching(new RegExp(`^(${own.json.join('|')})$`)) });
    }
    expect(scripts).toHaveLength(own.src.length + own.json.length);
    expect(tags.map((t) => t.name)).not.toEqual(expect.arrayContaining(['img']));
  });

  it('shows the hostile values as text', () => {
    const text = textOf(html);
    for (const value of HOSTILE.slice(0, 3)) expect(text).toContain(value);
  });
});

describe('the web chat page’s data block', () => {
  it('gives back every hostile value exactly, and cannot be closed by one', () => {
    const input = webChatInput(identity);
    const html = renderWebChatPage(input);
    const block = /<script type="application\/json" id="passerelle-config">([^<]*)<\/script>/.exec(html)![1]!;
    const config = JSON.parse(block) as { bundle: unknown; languages: unknown; nonce: string; tokenUrl: string; directLine: string };
    expect(config.bundle).toEqual(input.bundle);
    expect(config.languages).toEqual(input.languages.map((l) => ({ ...l, bundle: input.bundleUrls[l.code] })));
    expect([config.nonce, config.tokenUrl, config.directLine]).toEqual([input.nonce, input.directLine.tokenUrl, input.directLine.domain]);
  });
});

describeInBrowser('hostile values in a real browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
  });

  it.each(PAGES)('$name: nothing runs, nothing is added, the values are shown as text', async (pageCase) => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    // The page's own external scripts are not under test here: nothing is fetched.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(pageCase.render(identity), { waitUntil: 'load' });
    await page.waitForTimeout(100);
    const found = await page.evaluate(() => {
      const w = window as unknown as { __xss?: unknown };
      const elements = Array.from(document.querySelectorAll('*'));
      return {
        xss: w.__xss ?? null,
        added: elements.filter((e) => ['IMG', 'SVG', 'IFRAME', 'OBJECT', 'EMBED'].includes(e.tagName.toUpperCase())).map((e) => e.tagName),
        handlers: elements.flatMap((e) => Array.from(e.attributes).filter((a) => a.name.startsWith('on')).map((a) => `${e.tagName} ${a.name}`)),
        inlineScripts: Array.from(document.scripts).filter((s) => !s.src && s.type !== 'application/json').map((s) => s.textContent),
        text: `${document.title}\n${document.body.innerText}`
      };
    });
    expect(found.xss).toBeNull();
    expect(dialogs).toEqual([]);
    expect(found.added).toEqual([]);
    expect(found.handlers).toEqual([]);
    expect(found.inlineScripts).toEqual([]);
    for (const value of HOSTILE.slice(0, 3)) expect(found.text).toContain(value);
    await page.close();
  });
});
