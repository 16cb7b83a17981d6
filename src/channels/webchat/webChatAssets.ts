import path from 'node:path';
import { bytesAsset, loadAsset, publicDir, type Asset } from '../../web';
import type { WebChatCatalogue } from './webChatTexts';

/** Where the web chat page's files are served (content-hashed names). */
export const WEBCHAT_ASSETS_PATH = '/webchat/assets/';

/** Web Chat's standalone bundle without Adaptive Cards and speech (the buttons we use are in it). */
export function webChatBundlePath(): string {
  // The package exports only its entry point; the prebuilt bundles sit in dist/ beside lib/.
  const entry = require.resolve('botframework-webchat');
  return path.join(path.dirname(entry), '..', 'dist', 'webchat-minimal.js');
}

export interface WebChatAssets {
  /** Web Chat itself, from the npm package. */
  webChat: Asset;
  /** The page's script and styles (public/). */
  script: Asset;
  style: Asset;
  /**
   * Each language's texts, Web Chat strings and date data (`WebChatBundle` as JSON), fetched by
   * the page when the language changes.
   */
  languages: Record<string, Asset>;
}

/** Reads the page's files once (at start): Web Chat's bundle, public/webchat.{js,css}, and the languages. */
export function loadWebChatAssets(catalogue: WebChatCatalogue): WebChatAssets {
  const js = 'application/javascript; charset=utf-8';
  const languages = Object.fromEntries(
    Object.entries(catalogue.bundles).map(([code, bundle]) => [
      code,
      bytesAsset(Buffer.from(JSON.stringify(bundle), 'utf8'), { base: WEBCHAT_ASSETS_PATH, name: `webchat-${code}`, ext: '.json', contentType: 'application/json; charset=utf-8' })
    ])
  );
  return {
    webChat: loadAsset(webChatBundlePath(), { base: WEBCHAT_ASSETS_PATH, name: 'webchat-minimal', contentType: js }),
    script: loadAsset(path.join(publicDir(), 'webchat.js'), { base: WEBCHAT_ASSETS_PATH, name: 'webchat-page', contentType: js }),
    style: loadAsset(path.join(publicDir(), 'webchat.css'), { base: WEBCHAT_ASSETS_PATH, name: 'webchat-page', contentType: 'text/css; charset=utf-8' }),
    languages
  };
}

/** Every file of the page, for the asset route. */
export function allWebChatAssets(assets: WebChatAssets): Asset[] {
  return [assets.webChat, assets.script, assets.style, ...Object.values(assets.languages)];
}
