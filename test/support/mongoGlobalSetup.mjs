/**
 * jest globalSetup: the MongoDB server the MongoDB tests use (test/support/mongoTestTarget.ts).
 *
 * - `PASSERELLE_MONGO=off`: none; the MongoDB suites show as skipped, saying so.
 * - `MONGODB_URI` set: that server, as is (a real MongoDB or anything speaking its protocol).
 * - otherwise: FerretDB, built once from the Go module proxy and cached (scripts/ferretdb.mjs),
 *   started on a free loopback port and stopped by mongoGlobalTeardown.mjs. When it cannot be
 *   built or started, the reason is passed on and the MongoDB suites show as skipped with it.
 *
 * The choice reaches the test files through environment variables, which jest's workers inherit
 * (they are started after this runs): PASSERELLE_TEST_MONGODB_URI and _SERVER, or _SKIPPED.
 */
import { FERRETDB_NAME, FerretDBUnavailableError, buildFerretDB, startFerretDB } from '../../scripts/ferretdb.mjs';

const log = (line) => console.error(`MongoDB tests: ${line}`);

export default async function mongoGlobalSetup() {
  for (const name of ['PASSERELLE_TEST_MONGODB_URI', 'PASSERELLE_TEST_MONGODB_SERVER', 'PASSERELLE_TEST_MONGODB_SKIPPED']) {
    delete process.env[name];
  }
  const mode = (process.env.PASSERELLE_MONGO ?? '').trim().toLowerCase() || 'auto';
  if (mode === 'off') {
    skip('PASSERELLE_MONGO=off');
    return;
  }
  if (mode !== 'auto') {
    throw new Error(`PASSERELLE_MONGO="${process.env.PASSERELLE_MONGO}" is not understood: leave it unset (MONGODB_URI, else FerretDB) or set it to off`);
  }
  const uri = process.env.MONGODB_URI?.trim();
  if (uri) {
    use(uri, 'MONGODB_URI');
    return;
  }
  let binary;
  try {
    binary = buildFerretDB({ log });
  } catch (err) {
    skip(`no MONGODB_URI and FerretDB could not be built (${reason(err)})`);
    return;
  }
  try {
    globalThis.__passerelleFerretDB = await startFerretDB(binary);
  } catch (err) {
    skip(`no MONGODB_URI and FerretDB did not start (${reason(err)})`);
    return;
  }
  use(globalThis.__passerelleFerretDB.uri, FERRETDB_NAME);
}

function reason(err) {
  return err instanceof FerretDBUnavailableError ? err.message : String(err?.message ?? err);
}

function use(uri, server) {
  process.env.PASSERELLE_TEST_MONGODB_URI = uri;
  process.env.PASSERELLE_TEST_MONGODB_SERVER = server;
  log(`against ${server}${server === 'MONGODB_URI' ? '' : ` at ${uri}`}`);
}

function skip(why) {
  process.env.PASSERELLE_TEST_MONGODB_SKIPPED = why;
  log(`skipped: ${why}`);
}
