import path from 'node:path';
import { loadAsset, publicDir, type Asset } from './assets';

/** Where the pages' shared scripts and styles are served (content-hashed names). */
export const PAGE_ASSETS_PATH = '/assets/';

/** Scripts and styles the server's own pages share (the web chat page has its own, beside it). */
export interface PageAssets {
  /** Makes `[data-action="print"]` buttons print the page. */
  readonly print: Asset;
}

let loaded: PageAssets | undefined;

/** The page assets, read from `public/` once per process. */
export function pageAssets(): PageAssets {
  loaded ??= {
    print: loadAsset(path.join(publicDir(), 'print.js'), { base: PAGE_ASSETS_PATH, name: 'print', contentType: 'application/javascript; charset=utf-8' })
  };
  return loaded;
}
