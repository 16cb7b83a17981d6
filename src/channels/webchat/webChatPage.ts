import type { WebChatLanguage, WebChatTexts } from './webChatTexts';

import { escapeHtml } from '../../server/html';

export { escapeHtml };

/** JSON safe inside a `<script type="application/json">` element. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export interface WebChatPageInput {
  /** The page's language (selected in the picker). */
  lang: string;
  /** Languages of the picker, in the order shown (the browser's first). */
  languages: WebChatLanguage[];
  texts: Record<string, WebChatTexts>;
  /** Nonce of the styles Web Chat inserts (also in the Content-Security-Policy). */
  nonce: string;
  assets: { webChat: string; script: string; style: string };
  /**
   * Where the page gets its Direct Line token (path on this server) and the Direct Line API it
   * then talks to: a path on this server (local Direct Line) or Azure's absolute URL.
   */
  directLine: { tokenUrl: string; domain: string };
}

/**
 * The web chat page: a header (title, language picker) and the chat. Scripts are external
 * (deferred, content-hashed); the page's data travels as JSON in a non-executed script
 * element. Every interpolated value is escaped.
 */
export function renderWebChatPage(input: WebChatPageInput): string {
  const language = input.languages.find((l) => l.code === input.lang) ?? input.languages[0]!;
  const t = input.texts[language.code]!;
  const options = input.languages
    .map(
      (l) =>
        `<option value="${escapeHtml(l.code)}" lang="${escapeHtml(l.code)}" dir="${l.dir}"${l.code === language.code ? ' selected' : ''}>${escapeHtml(l.name)}</option>`
    )
    .join('');
  const config = {
    lang: language.code,
    languages: input.languages,
    texts: input.texts,
    tokenUrl: input.directLine.tokenUrl,
    directLine: input.directLine.domain,
    nonce: input.nonce
  };
  return `<!doctype html>
<html lang="${escapeHtml(language.code)}" dir="${language.dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<link rel="icon" href="data:,">
<title>${escapeHtml(t.title)}</title>
<link rel="stylesheet" href="${escapeHtml(input.assets.style)}">
<script defer src="${escapeHtml(input.assets.webChat)}"></script>
<script defer src="${escapeHtml(input.assets.script)}"></script>
</head>
<body>
<header class="bar">
<h1 class="bar__title" data-text="title">${escapeHtml(t.title)}</h1>
<div class="bar__language">
<label class="bar__label" for="language" data-text="language">${escapeHtml(t.language)}</label>
<select class="bar__select" id="language" name="language">${options}</select>
</div>
</header>
<main class="chat" id="chat" aria-labelledby="chat-title">
<h2 class="visually-hidden" id="chat-title" data-text="title">${escapeHtml(t.title)}</h2>
<p class="chat__status" id="status" role="status" aria-live="polite" data-text="loading">${escapeHtml(t.loading)}</p>
<div class="chat__error" id="error" role="alert" hidden>
<p data-text="error">${escapeHtml(t.error)}</p>
<button type="button" id="retry" data-text="retry">${escapeHtml(t.retry)}</button>
</div>
<div class="chat__webchat" id="webchat"></div>
</main>
<script type="application/json" id="passerelle-config">${jsonForScript(config)}</script>
</body>
</html>
`;
}
