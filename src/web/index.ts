/**
 * The pages' rendering layer: server-side JSX (Preact) that escapes every text and attribute
 * value, one shared `Layout`, and `renderPage` for a whole document. The only unescaped markup
 * (inline constant CSS, JSON data blocks) comes from `trustedMarkup`.
 */
export { Layout, type LayoutProps } from './layout';
export { renderPage } from './renderPage';
export { InlineMarkup } from './inlineMarkup';
export { css, InlineStyle, JsonScript, jsonForScript, type TrustedCss } from './trustedMarkup';
export { createNonce, formatCsp, styleHash } from './csp';
export { sendHtml } from './sendHtml';
export { acceptedEncodings, assetHandler, bytesAsset, compressSmall, loadAsset, projectRoot, publicDir, sendAsset, type Asset, type Encoding } from './assets';
export { pageAssets, PAGE_ASSETS_PATH, type PageAssets } from './pageAssets';
