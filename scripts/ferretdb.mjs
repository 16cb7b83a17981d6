#!/usr/bin/env node
/**
 * FerretDB for the MongoDB tests: a MongoDB wire-protocol server (Go, embedded SQLite backend)
 * built from the Go module proxy, because no MongoDB server can be installed or downloaded here.
 *
 *   node scripts/ferretdb.mjs build   builds it once (cached), prints the binary's path
 *   node scripts/ferretdb.mjs start   starts it on a free loopback port, prints its URI, runs
 *                                     until Ctrl-C (then: MONGODB_URI=<that URI> npm test)
 *
 * The binary is cached in `${XDG_CACHE_HOME:-~/.cache}/passerelle/ferretdb-v1.24.2/ferretdb` and
 * rebuilt only when missing (about a minute the first time, seconds with a warm Go build cache).
 * Building needs `go` on PATH (or `GO=/path/to/go`) and the Go module proxy. The server runs with
 * telemetry off and listens on 127.0.0.1 only, its data in a temporary folder removed at stop.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MongoClient } from 'mongodb';

export const FERRETDB_VERSION = 'v1.24.2';
export const FERRETDB_MODULE = 'github.com/FerretDB/FerretDB';
/** How the MongoDB tests name this server. */
export const FERRETDB_NAME = `FerretDB ${FERRETDB_VERSION}`;

const DOWNLOAD_TIMEOUT_MS = 5 * 60_000;
const BUILD_TIMEOUT_MS = 10 * 60_000;
const START_TIMEOUT_MS = 30_000;

/** FerretDB could not be built or started; `message` is the reason, short enough for a test name. */
export class FerretDBUnavailableError extends Error {
  name = 'FerretDBUnavailableError';
}

/** Where the built binary is kept between runs on this machine. */
export function cachedBinaryPath(env = process.env) {
  const cacheHome = env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(cacheHome, 'passerelle', `ferretdb-${FERRETDB_VERSION}`, 'ferretdb');
}

/** The last non-empty lines of a tool's output, on one line. */
function tail(text, lines = 2) {
  return String(text ?? '')
    .trim()
    .split('\n')
    .filter((l) => l.trim())
    .slice(-lines)
    .join(' ')
    .slice(0, 300);
}

/** Runs `go args…`; returns stdout or throws FerretDBUnavailableError saying what failed. */
function go(args, { cwd, env, timeout, what }) {
  const goBinary = env.GO || 'go';
  const run = spawnSync(goBinary, args, { cwd, env, encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 });
  if (run.error?.code === 'ENOENT') throw new FerretDBUnavailableError(`${goBinary}: not found`);
  if (run.error) throw new FerretDBUnavailableError(`${what} failed: ${run.error.message}`);
  if (run.signal) throw new FerretDBUnavailableError(`${what} stopped by ${run.signal} after ${timeout / 1000} s at most`);
  if (run.status !== 0) {
    const reason = jsonError(run.stdout) ?? tail(run.stderr || run.stdout);
    throw new FerretDBUnavailableError(`${what} failed: ${reason || `exit code ${run.status}`}`);
  }
  return run.stdout;
}

/** The `Error` of `go mod download -json`'s answer, if any. */
function jsonError(stdout) {
  try {
    return JSON.parse(stdout).Error;
  } catch {
    return undefined;
  }
}

/**
 * The FerretDB binary: the cached one, or built now from the Go module proxy. `go install` of
 * the module gives a binary that panics ("Invalid build/version/version.txt"), so the module's
 * source is copied, given its version file, and built in place.
 */
export function buildFerretDB({ env = process.env, log = () => {} } = {}) {
  const binary = cachedBinaryPath(env);
  if (fs.existsSync(binary)) return binary;

  // GOTOOLCHAIN=local: never download a Go toolchain; an old Go says so instead.
  const goEnv = { ...env, GOTOOLCHAIN: 'local', GOFLAGS: [env.GOFLAGS, '-buildvcs=false'].filter(Boolean).join(' ') };
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-ferretdb-build-'));
  try {
    log(`building ${FERRETDB_NAME} (once; about a minute the first time)`);
    const started = Date.now();
    const download = JSON.parse(
      go(['mod', 'download', '-json', `${FERRETDB_MODULE}@${FERRETDB_VERSION}`], {
        cwd: work,
        env: goEnv,
        timeout: DOWNLOAD_TIMEOUT_MS,
        what: 'go mod download'
      })
    );
    if (download.Error || !download.Dir) {
      throw new FerretDBUnavailableError(`go mod download failed: ${download.Error ?? 'no source folder'}`);
    }
    const source = path.join(work, 'src');
    fs.cpSync(download.Dir, source, { recursive: true });
    // The module cache is read-only.
    chmodWritable(source);
    fs.writeFileSync(path.join(source, 'build', 'version', 'version.txt'), `${FERRETDB_VERSION}\n`);
    fs.mkdirSync(path.dirname(binary), { recursive: true });
    // Built beside its final name and renamed, so that a concurrent run never sees half a file.
    const partial = `${binary}.${process.pid}.partial`;
    go(['build', '-o', partial, './cmd/ferretdb'], { cwd: source, env: goEnv, timeout: BUILD_TIMEOUT_MS, what: 'go build' });
    fs.renameSync(partial, binary);
    log(`built ${binary} in ${Math.round((Date.now() - started) / 1000)} s`);
    return binary;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function chmodWritable(dir) {
  fs.chmodSync(dir, 0o755);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) chmodWritable(full);
    else fs.chmodSync(full, 0o644);
  }
}

/** A TCP port free on 127.0.0.1 right now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once `uri` answers a ping, or rejects when `deadline` passes or `exited` says the process ended. */
async function waitForPing(uri, deadline, exited) {
  let lastError;
  while (Date.now() < deadline) {
    if (exited()) throw new FerretDBUnavailableError(`FerretDB exited at start: ${exited()}`);
    const client = new MongoClient(uri, { serverSelectionTimeoutMS: 1000, connectTimeoutMS: 1000 });
    try {
      await client.db('admin').command({ ping: 1 });
      return;
    } catch (err) {
      lastError = err;
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      await client.close().catch(() => {});
    }
  }
  throw new FerretDBUnavailableError(`FerretDB did not answer within ${START_TIMEOUT_MS / 1000} s (${lastError?.message ?? 'no answer'})`);
}

/**
 * Starts `binary` on a free loopback port with its data in a new temporary folder, and resolves
 * once it answers a ping: `{ uri, stop() }`. `stop()` ends it and removes the folder.
 */
export async function startFerretDB(binary, { log = () => {} } = {}) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-ferretdb-'));
  const [port, debugPort] = [await freePort(), await freePort()];
  const child = spawn(
    binary,
    [
      '--handler=sqlite',
      `--sqlite-url=file:${dataDir}/`,
      `--state-dir=${dataDir}`,
      `--listen-addr=127.0.0.1:${port}`,
      `--debug-addr=127.0.0.1:${debugPort}`,
      '--telemetry=disable',
      '--log-level=warn'
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] }
  );
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  let exit = '';
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      exit = `${signal ?? `exit code ${code}`}${stderr.trim() ? `: ${tail(stderr)}` : ''}`;
      resolve();
    });
    child.once('error', (err) => {
      exit = err.message;
      resolve();
    });
  });
  // Never leave it running, nor its data, behind a process that ends without calling stop().
  const killOnExit = () => {
    child.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  process.once('exit', killOnExit);

  const stop = async () => {
    if (!exit) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(killer);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
    process.removeListener('exit', killOnExit);
  };

  const uri = `mongodb://127.0.0.1:${port}/`;
  try {
    await waitForPing(uri, Date.now() + START_TIMEOUT_MS, () => exit);
  } catch (err) {
    await stop();
    throw err;
  }
  log(`${FERRETDB_NAME} listening at ${uri} (data in ${dataDir})`);
  return { uri, stop };
}

async function main(command) {
  const log = (line) => console.error(`ferretdb: ${line}`);
  try {
    if (command === 'build') {
      console.log(buildFerretDB({ log }));
      return;
    }
    if (command === 'start') {
      const server = await startFerretDB(buildFerretDB({ log }), { log });
      console.log(server.uri);
      log('Ctrl-C to stop');
      const stop = () => void server.stop().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      return;
    }
    console.error('usage: node scripts/ferretdb.mjs build|start');
    process.exitCode = 2;
  } catch (err) {
    log(err instanceof FerretDBUnavailableError ? err.message : String(err?.stack ?? err));
    process.exitCode = 1;
  }
}

// No top-level await: jest loads this module with require() (Node's require of ES modules).
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  void main(process.argv[2]);
}
