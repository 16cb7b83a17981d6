import type { ComponentChildren } from 'preact';
import type { Account } from '../../domain';
import { CONSOLE_LANGUAGES, type Texts } from '../../i18n';
import { Layout } from '../../web';
import { consoleAssets } from '../consoleAssets';

/** A navigation entry: where, its text key, its place. */
export interface NavItem {
  href: string;
  key: string;
  order: number;
}

/** The CSRF token as a hidden field: every console form that changes something carries it. */
export function CsrfField(props: { token: string }) {
  return <input type="hidden" name="_csrf" value={props.token} />;
}

/** A name or text someone typed: isolated from the page's direction (Arabic-script names read right). */
export function Typed(props: { text: string | null | undefined; class?: string }) {
  return (
    <bdi dir="auto" class={props.class}>
      {props.text ?? ''}
    </bdi>
  );
}

/** The console's own language names (each in its own language), for the language switcher. */
const CONSOLE_LANGUAGE_NAMES: Readonly<Record<string, string>> = { fr: 'Français', en: 'English', de: 'Deutsch', nl: 'Nederlands', pt: 'Português', ro: 'Română' };

/**
 * Every console page: skip link, header with the navigation the account's role may use, the
 * account and sign-out (a POST form with the CSRF token), the language switcher, the main
 * content. Left to right (the console's languages); people's words inside are isolated (`bdi`).
 */
export function ConsoleLayout(props: {
  texts: Texts;
  title: string;
  account: Account | undefined;
  csrfToken: string | undefined;
  nav: readonly NavItem[];
  currentPath: string;
  scripts?: readonly string[];
  children?: ComponentChildren;
}) {
  const { texts, account } = props;
  const t = texts.t;
  return (
    <Layout lang={texts.lang} dir="ltr" title={`${props.title} · ${t('console:productName')}`} robots="noindex, nofollow" stylesheets={[consoleAssets().css.url]} scripts={props.scripts}>
      <a class="skip" href="#main">
        {t('console:skipToContent')}
      </a>
      <header class="top">
        <div class="brand">{t('console:productName')}</div>
        {account && (
          <nav aria-label={t('console:nav.label')}>
            <ul>
              {props.nav.map((item) => (
                <li>
                  <a href={item.href} aria-current={props.currentPath === item.href ? 'page' : undefined}>
                    {t(item.key)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <div class="who">
          {account && (
            <>
              <span class="account">
                <Typed text={account.email} /> · {t(`console:role.${account.role}`)}
              </span>
              <form method="post" action="/console/sign-out" class="inline">
                <CsrfField token={props.csrfToken ?? ''} />
                <button type="submit">{t('console:signOut')}</button>
              </form>
            </>
          )}
          <nav aria-label={t('console:languageSwitch')} class="langs">
            <ul>
              {CONSOLE_LANGUAGES.map((lang) => (
                <li>
                  <a href={`?lang=${lang}`} lang={lang} hrefLang={lang} aria-current={lang === texts.lang ? 'true' : undefined}>
                    {CONSOLE_LANGUAGE_NAMES[lang]}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {props.children}
      </main>
    </Layout>
  );
}
