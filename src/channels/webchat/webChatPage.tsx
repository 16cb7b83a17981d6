import { JsonScript, Layout, renderPage } from '../../web';
import type { WebChatBundle, WebChatLanguage } from './webChatTexts';

export interface WebChatPageInput {
  /** The page's language (selected in the picker). */
  lang: string;
  /** Languages of the picker, in the order shown (the browser's first). */
  languages: WebChatLanguage[];
  /** The page language's texts, Web Chat strings and date data (inlined: the first render needs no request). */
  bundle: WebChatBundle;
  /** Where each language's bundle is served (content-hashed), by language code. */
  bundleUrls: Record<string, string>;
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
 * element, read by public/webchat.js, which fetches another language's bundle when the person
 * picks it or the bot starts writing in it, and then fills the `data-text` elements.
 */
export function WebChatPage(input: WebChatPageInput) {
  const language = input.languages.find((l) => l.code === input.lang) ?? input.languages[0]!;
  const t = input.bundle.texts;
  const config = {
    lang: language.code,
    languages: input.languages.map((l) => ({ ...l, bundle: input.bundleUrls[l.code] })),
    bundle: input.bundle,
    tokenUrl: input.directLine.tokenUrl,
    directLine: input.directLine.domain,
    nonce: input.nonce
  };
  return (
    <Layout
      lang={language.code}
      dir={language.dir}
      title={t.title}
      colorScheme="light"
      stylesheets={[input.assets.style]}
      scripts={[input.assets.webChat, input.assets.script]}
    >
      <header class="bar">
        <h1 class="bar__title" data-text="title">
          {t.title}
        </h1>
        <div class="bar__language">
          <label class="bar__label" for="language" data-text="language">
            {t.language}
          </label>
          <select class="bar__select" id="language" name="language">
            {input.languages.map((l) => (
              <option value={l.code} lang={l.code} dir={l.dir} selected={l.code === language.code}>
                {l.name}
              </option>
            ))}
          </select>
        </div>
        <button type="button" class="bar__forget" id="forget" data-text="forget">
          {t.forget}
        </button>
      </header>
      <main class="chat" id="chat" aria-labelledby="chat-title">
        <h2 class="visually-hidden" id="chat-title" data-text="title">
          {t.title}
        </h2>
        <p class="chat__status" id="status" role="status" aria-live="polite" data-text="loading">
          {t.loading}
        </p>
        <div class="chat__error" id="error" role="alert" hidden>
          <p data-text="error">{t.error}</p>
          <button type="button" id="retry" data-text="retry">
            {t.retry}
          </button>
        </div>
        <div class="chat__webchat" id="webchat"></div>
      </main>
      <JsonScript id="passerelle-config" value={config} />
    </Layout>
  );
}

/** The web chat page as a whole document (see `WebChatPage`). */
export function renderWebChatPage(input: WebChatPageInput): string {
  return renderPage(<WebChatPage {...input} />);
}
