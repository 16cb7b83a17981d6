#!/usr/bin/env node
/**
 * How far one instance goes, and what a second one adds: starts 1, then 2 Passerelle processes
 * (the compiled dist/: run `npm run build` first) on one database behind a round-robin proxy,
 * and drives N conversations at once through the eligibility flow (10 turns, replies received by
 * a local Connector), after a warm-up. Prints turns/s and turn latency (p50, p99) per setup.
 * Not a test: figures depend on the machine (deploy/README.md quotes one run).
 *
 *   npm run build && node scripts/measure-instances.mjs [--conversations 50] [--mongodb-uri mongodb://…]
 *
 * Without --mongodb-uri: SQLite, one file shared by the instances (DATA_DIR in a temp folder).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : fallback;
};
const CONVERSATIONS = Number(arg('--conversations', '50'));
const MONGODB_URI = arg('--mongodb-uri', '');
const FLOW = (i) => [undefined, 'English', 'yes', 'Check if I can join', String(18 + (i % 10)), 'France', '1', '1', `Town ${i}`, 'no'];

function listen(server) {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
}

async function connector() {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id":"1"}');
    });
  });
  return { url: `http://127.0.0.1:${await listen(server)}/`, close: () => server.close() };
}

async function proxy(targets) {
  let next = 0;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const server = http.createServer((req, res) => {
    const target = new URL(req.url, targets[next++ % targets.length]);
    const upstream = http.request(target, { method: req.method, headers: req.headers, agent }, (answer) => {
      res.writeHead(answer.statusCode, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  return { url: `http://127.0.0.1:${await listen(server)}`, close: () => server.close() };
}

async function instance(env) {
  const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'src', 'index.js')], {
    cwd: ROOT,
    // All the load comes from one address: the per-address limit is off (as behind Azure Bot Service).
    env: { PATH: process.env.PATH, NODE_ENV: 'test', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', LOCAL_DIRECTLINE: 'off', RATE_LIMIT_MESSAGES_PER_IP: '0', ...env },
    stdio: ['ignore', 'pipe', 'inherit']
  });
  let out = '';
  const port = await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const line = out.split('\n').find((l) => l.includes('Passerelle listening'));
      if (line) resolve(JSON.parse(line).port);
    });
    child.once('exit', () => reject(new Error(`exited before listening:\n${out}`)));
  });
  child.stdout.resume();
  const url = `http://127.0.0.1:${port}`;
  while ((await fetch(`${url}/readyz`).then((r) => r.status, () => 0)) !== 200) await new Promise((r) => setTimeout(r, 50));
  return { url, stop: () => new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGTERM'))) };
}

async function drive(url, serviceUrl, run, count) {
  const latencies = [];
  const walk = async (i) => {
    const conversation = `${run}-${i}`;
    for (const [n, text] of FLOW(i).entries()) {
      const activity = {
        type: text === undefined ? 'conversationUpdate' : 'message',
        id: `${conversation}-${n}`,
        channelId: 'webchat',
        serviceUrl,
        locale: 'en-US',
        from: { id: `user-${conversation}` },
        recipient: { id: 'bot' },
        conversation: { id: conversation },
        ...(text === undefined ? { membersAdded: [{ id: `user-${conversation}` }, { id: 'bot' }] } : { text })
      };
      const started = performance.now();
      const response = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
      if (response.status !== 200) throw new Error(`HTTP ${response.status} for ${activity.id}`);
      latencies.push(performance.now() - started);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: count }, (_, i) => walk(i)));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { turnsPerSecond: latencies.length / seconds, p50: at(0.5), p99: at(0.99) };
}

async function measure(instances, storageEnv, sink) {
  const apps = [];
  for (let i = 0; i < instances; i++) apps.push(await instance(storageEnv));
  // The recognizers compile in the background for a few seconds after start: not part of a turn.
  await new Promise((r) => setTimeout(r, 10_000));
  const lb = await proxy(apps.map((a) => a.url));
  await drive(lb.url, sink.url, `warm-${instances}`, 10);
  const figures = await drive(lb.url, sink.url, `run-${instances}`, CONVERSATIONS);
  lb.close();
  await Promise.all(apps.map((a) => a.stop()));
  return figures;
}

const sink = await connector();
const results = [];
for (const instances of [1, 2]) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-measure-'));
  const storageEnv = MONGODB_URI ? { MONGODB_URI, MONGODB_DB: `passerelle_measure_${Date.now()}`, DATA_DIR: dataDir } : { DATA_DIR: dataDir };
  const figures = await measure(instances, storageEnv, sink);
  fs.rmSync(dataDir, { recursive: true, force: true });
  results.push({ instances, storage: MONGODB_URI ? 'mongodb' : 'sqlite', conversations: CONVERSATIONS, ...figures });
}
sink.close();
console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`);
for (const r of results) {
  console.log(`${r.instances} instance(s), ${r.storage}, ${r.conversations} conversations at once: ${r.turnsPerSecond.toFixed(0)} turns/s, p50 ${r.p50.toFixed(0)} ms, p99 ${r.p99.toFixed(0)} ms`);
}
