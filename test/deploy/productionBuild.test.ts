import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startChildApp, type ChildApp } from '../support/childApp';

/**
 * The production build deploy/Dockerfile makes, made here the same way without Docker (no
 * engine runs on these machines): the compiled output (tsconfig.build.json, as `npm run build`),
 * the files the image copies, and `npm ci --omit=dev --ignore-scripts` from the lock file (from
 * npm's cache: --offline). One difference: better-sqlite3's native module is copied from this
 * checkout instead of being compiled again by `npm rebuild better-sqlite3` (a minute of C++,
 * same Node, same machine). Then `node dist/src/index.js` with production settings starts and
 * answers /readyz, with no development dependency installed.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const IMAGE_FILES = ['package.json', 'package-lock.json', 'content', 'locales', 'lexicons', 'public'];

describe('the production build (deploy/Dockerfile, without Docker)', () => {
  let dir: string;
  let app: ChildApp | undefined;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-production-'));
  });
  afterAll(async () => {
    if (app) await app.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('installs production dependencies only, starts with production settings and answers /readyz', async () => {
    for (const file of IMAGE_FILES) fs.cpSync(path.join(ROOT, file), path.join(dir, file), { recursive: true });
    fs.cpSync(path.join(ROOT, '.test-build'), path.join(dir, 'dist'), { recursive: true, filter: (src) => !src.endsWith('.tsbuildinfo') });

    const install = spawnSync('npm', ['ci', '--omit=dev', '--ignore-scripts', '--offline', '--no-audit', '--no-fund'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, npm_config_loglevel: 'error' },
      timeout: 240_000
    });
    expect({ status: install.status, error: install.error?.message, stderr: install.status === 0 ? '' : install.stderr }).toEqual({ status: 0, error: undefined, stderr: '' });
    const native = path.join('node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
    fs.mkdirSync(path.dirname(path.join(dir, native)), { recursive: true });
    fs.copyFileSync(path.join(ROOT, native), path.join(dir, native));

    const lock = JSON.parse(fs.readFileSync(path.join(dir, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
    const devOnly = Object.entries(lock.packages).filter(([name, p]) => name.startsWith('node_modules/') && p.dev).map(([name]) => name);
    expect(devOnly.length).toBeGreaterThan(50);
    expect(devOnly.filter((name) => fs.existsSync(path.join(dir, name)))).toEqual([]);

    app = await startChildApp(
      {
        NODE_ENV: 'production',
        DATA_DIR: path.join(dir, 'data'),
        CONTENT_DIR: './content',
        LOCALES_DIR: './locales',
        LEXICONS_DIR: './lexicons',
        MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
        MicrosoftAppPassword: 'not-a-real-secret-the-test-never-calls-azure',
        PSEUDONYM_SECRET: 'a-production-pseudonym-secret-for-this-test-0123456789',
        DIRECTLINE_SECRET: 'a-production-directline-secret-for-this-test-0123456789',
        DATA_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}`
      },
      { cwd: dir, entry: path.join(dir, 'dist', 'src', 'index.js'), readyTimeoutMs: 60_000 }
    );
    const ready = await fetch(`${app.url}/readyz`);
    expect(ready.status).toBe(200);
    // The web chat page and its assets come from the production dependencies and public/.
    expect((await fetch(`${app.url}/`)).status).toBe(200);
    const exit = await app.stop();
    app = undefined;
    expect(exit).toEqual({ code: 0, signal: null });
  }, 300_000);
});
