import path from 'node:path';
import { loadAsset, publicDir, type Asset } from './assets';

/** Where the pages' shared scripts and styles are served (content-hashed names). */
export const PAGE_ASSETS_PATH = '/assets/';

/** Scripts, styles and icons the server's own pages share (the web chat page has its own, beside it). */
export interface PageAssets {
  /** Makes `[data-action="print"]` buttons print the page. */
  readonly print: Asset;
  /** Passerelle's icon, which every page names (`<link rel="icon">`). */
  readonly icon: Asset;
  /** The same icon drawn at 16, 32 and 48 px (scripts/favicon.mjs), also served as `/favicon.ico`. */
  readonly iconIco: Asset;
}

let loaded: PageAssets | undefined;

/** The page assets, read from `public/` once per process. */
export function pageAssets(): PageAssets {
  if (!loaded) {
    const dir = publicDir();
    loaded = {
      print: loadAsset(path.join(dir, 'print.js'), { base: PAGE_ASSETS_PATH, name: 'print', contentType: 'application/javascript; charset=utf-8' }),
      icon: loadAsset(path.join(dir, 'favicon.svg'), { base: PAGE_ASSETS_PATH, name: 'favicon', contentType: 'image/svg+xml' }),
      iconIco: loadAsset(path.join(dir, 'favicon.ico'), { base: PAGE_ASSETS_PATH, name: 'favicon', contentType: 'image/x-icon' })
    };
  }
  return loaded;
}
