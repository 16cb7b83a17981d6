import type { ComponentChildren } from 'preact';
import { isRightToLeft } from '../i18n';
import { pageAssets } from './pageAssets';
import { InlineStyle, type TrustedCss } from './trustedMarkup';

export interface LayoutProps {
  /** The page's language (`<html lang>`). */
  lang: string;
  /** Text direction; by default right to left for the languages written so (ar, fa, ps, ckb). */
  dir?: 'ltr' | 'rtl' | undefined;
  title: string;
  /** `<meta name="robots">`, e.g. `noindex, nofollow` for private pages. */
  robots?: string | undefined;
  /** `<meta name="color-scheme">`. */
  colorScheme?: string | undefined;
  /** `<link rel="icon">`: by default Passerelle's icon (`public/favicon.svg`, content-hashed). */
  icon?: string | undefined;
  /** Stylesheet URLs (content-hashed assets). */
  stylesheets?: readonly string[] | undefined;
  /** A constant stylesheet inlined in the head (see `css` in trustedMarkup). */
  inlineCss?: TrustedCss | undefined;
  /** Script URLs, loaded with `defer` (pages have no inline scripts). */
  scripts?: readonly string[] | undefined;
  /**
   * The page's CSP nonce (see `createNonce`), put on the elements the layout inlines; the route
   * sends the same value in its `Content-Security-Policy`.
   */
  nonce?: string | undefined;
  children?: ComponentChildren;
}

/**
 * The document every page shares: `<html lang dir>`, a head (charset, viewport, robots, title,
 * styles, deferred scripts) and the body. Render it with `renderPage`.
 */
export function Layout(props: LayoutProps) {
  const dir = props.dir ?? (isRightToLeft(props.lang) ? 'rtl' : 'ltr');
  return (
    <html lang={props.lang} dir={dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {props.robots !== undefined && <meta name="robots" content={props.robots} />}
        {props.colorScheme !== undefined && <meta name="color-scheme" content={props.colorScheme} />}
        <link rel="icon" href={props.icon ?? pageAssets().icon.url} type={props.icon === undefined ? 'image/svg+xml' : undefined} />
        <title>{props.title}</title>
        {props.stylesheets?.map((href) => <link rel="stylesheet" href={href} />)}
        {props.inlineCss !== undefined && <InlineStyle css={props.inlineCss} nonce={props.nonce} />}
        {props.scripts?.map((src) => <script defer src={src} />)}
      </head>
      <body>{props.children}</body>
    </html>
  );
}
