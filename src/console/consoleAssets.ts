import path from 'node:path';
import { loadAsset, projectRoot, publicDir, type Asset } from '../web';

/** Where the console's scripts and styles are served (content-hashed names). */
export const CONSOLE_ASSETS_PATH = '/console/assets/';

export interface ConsoleAssets {
  /** The console's stylesheet (no inline style anywhere). */
  readonly css: Asset;
  /** Chart.js, from the npm package (no CDN). */
  readonly chartJs: Asset;
  /** Draws the charts described by `<script type="application/json" data-chart>` blocks. */
  readonly charts: Asset;
}

let loaded: ConsoleAssets | undefined;

export function consoleAssets(): ConsoleAssets {
  if (!loaded) {
    const js = 'application/javascript; charset=utf-8';
    loaded = {
      css: loadAsset(path.join(publicDir(), 'console.css'), { base: CONSOLE_ASSETS_PATH, name: 'console', contentType: 'text/css; charset=utf-8' }),
      chartJs: loadAsset(path.join(projectRoot(), 'node_modules', 'chart.js', 'dist', 'chart.umd.min.js'), { base: CONSOLE_ASSETS_PATH, name: 'chart', contentType: js }),
      charts: loadAsset(path.join(publicDir(), 'console-charts.js'), { base: CONSOLE_ASSETS_PATH, name: 'console-charts', contentType: js })
    };
  }
  return loaded;
}
