/**
 * Compiles the app once per test run into `.test-build/` (tsconfig.build.json, the production
 * build's settings; incremental, so a run with unchanged sources takes a few seconds), for the
 * tests that run Passerelle as real child processes (`node .test-build/src/index.js`: several
 * instances, crashes, signals). See test/support/childApp.ts.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const TEST_BUILD_DIR = path.join(ROOT, '.test-build');

export function buildForChildProcesses() {
  const started = Date.now();
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const run = spawnSync(
    process.execPath,
    [tsc, '-p', 'tsconfig.build.json', '--outDir', TEST_BUILD_DIR, '--incremental', '--tsBuildInfoFile', path.join(TEST_BUILD_DIR, '.tsbuildinfo')],
    { cwd: ROOT, encoding: 'utf8', timeout: 5 * 60_000 }
  );
  if (run.status !== 0) {
    throw new Error(`building ${path.relative(ROOT, TEST_BUILD_DIR)}/ for the child-process tests failed:\n${run.stdout}${run.stderr}${run.error?.message ?? ''}`);
  }
  console.error(`Child-process tests: compiled to ${path.relative(ROOT, TEST_BUILD_DIR)}/ in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
