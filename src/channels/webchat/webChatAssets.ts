import path from 'node:path';
import { loadAsset, publicDir, type Asset } from '../../web';

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
}

/** Reads the page's files once (at start): Web Chat's bundle and public/webchat.{js,css}. */
export function loadWebChatAssets(): WebChatAssets {
  const js = 'application/javascript; charset=utf-8';
  return {
    webChat: loadAsset(webChatBundlePath(), { base: WEBCHAT_ASSETS_PATH, name: 'webchat-minimal', contentType: js }),
    script: loadAsset(path.join(publicDir(), 'webchat.js'), { base: WEBCHAT_ASSETS_PATH, name: 'webchat-page', contentType: js }),
    style: loadAsset(path.join(publicDir(), 'webchat.css'), { base: WEBCHAT_ASSETS_PATH, name: 'webchat-page', contentType: 'text/css; charset=utf-8' })
  };
}
