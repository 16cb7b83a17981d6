import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

/** The app compiled by the jest globalSetup (test/support/buildGlobalSetup.mjs). */
export const BUILT_ENTRY = path.join(ROOT, '.test-build', 'src', 'index.js');

/** A Passerelle process started with `node .test-build/src/index.js`, as `npm start` runs it. */
export interface ChildApp {
  readonly process: ChildProcess;
  readonly url: string;
  readonly port: number;
  /** Everything it wrote so far (stdout's JSON log lines, then stderr). */
  output(): string;
  /** Resolves with the exit code (or the signal) once it has exited. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM, then the exit. */
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** A free TCP port on the loopback interface (to restart a process on the same port). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Starts the compiled app in a child process with test settings (`env` overrides any), waits
 * for its "listening" log line and for `/readyz` to answer 200. Rejects with its output when it
 * exits or does not become ready within `readyTimeoutMs`.
 */
export async function startChildApp(
  env: Record<string, string>,
  options: { readyTimeoutMs?: number; /** Another build to run, from `cwd`. */ entry?: string; cwd?: string } = {}
): Promise<ChildApp> {
  const entry = options.entry ?? BUILT_ENTRY;
  if (!fs.existsSync(entry)) throw new Error(`${entry} is missing: run the tests with jest.config.js, whose globalSetup compiles the app`);
  const child = spawn(process.execPath, [entry], {
    cwd: options.cwd ?? ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'info',
      CONTENT_DIR: path.join(ROOT, 'content'),
      LOCALES_DIR: path.join(ROOT, 'locales'),
      LEXICONS_DIR: path.join(ROOT, 'lexicons'),
      ...env
    },
    stdio: ['ignore', 'pipe', 'pipe']
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const output = () => `${out}${err}`;
  const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
  let port: number | undefined;
  let gone = false;
  void exited.then(() => (gone = true));
  while (port === undefined) {
    if (gone) throw new Error(`Passerelle exited before listening:\n${output()}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`Passerelle did not listen in time:\n${output()}`);
    }
    const line = out.split('\n').find((l) => l.includes('Passerelle listening'));
    if (line) port = (JSON.parse(line) as { port: number }).port;
    else await new Promise((r) => setTimeout(r, 25));
  }
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    const status = await fetch(`${url}/readyz`).then((r) => r.status, () => 0);
    if (status === 200) break;
    if (gone || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`Passerelle did not become ready (readyz ${status}):\n${output()}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    process: child,
    url,
    port,
    output,
    exited,
    stop: () => {
      child.kill('SIGTERM');
      return exited;
    }
  };
}
