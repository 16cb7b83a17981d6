#!/usr/bin/env node
/**
 * `npm run bench`: Passerelle against the framework's ceiling, side by side, in one run on one
 * machine (so that what is compared is a ratio, not an absolute figure of a noisy machine).
 *
 * - (a) the ceiling: a bare botbuilder bot on the same restify + CloudAdapter stack that sends,
 *   at each turn, as many replies as Passerelle's flow does, of the same shape (text length,
 *   buttons) (scripts/bench/ceilingBot.mjs);
 * - (b) Passerelle, built (dist/, as `npm start` runs it; `--entry` for another build), on its
 *   embedded SQLite store in a temporary folder.
 *
 * Both are started here as child processes; the time from spawning each to its first answered
 * message (a reply received by the Connector) is measured. Then both are driven over HTTP
 * (`POST /api/messages`), replies received by a local Connector, after a warm-up, at each
 * concurrency (default 10 and 50 conversations at once, each walking the eligibility flow from
 * the greeting to the result: 10 turns, 17 replies; a finished conversation is followed by a
 * new one), the two alternately, `--rounds` times (medians reported, every round kept in the
 * JSON). Reported per bot and concurrency: turns/s, turn latency p50 and p99 (request to
 * response; the replies are sent before the response), turns per CPU second of the bot's
 * process (user + system time of every thread: much steadier than turns/s when other programs
 * share the cores), and the ratios to the ceiling; then each process's RSS after the load. Each
 * bot is started `--ready-starts` times (a fresh database each time) for the time to its first
 * answer (median); the last start takes the load. Printed, and written to JSON
 * (`bench-results/latest.json` by default; the folder is not committed).
 *
 *   npm run bench
 *   node scripts/bench.mjs [--conversations 10,50] [--seconds 5] [--warmup-seconds 5]
 *     [--rounds 3] [--ready-starts 3] [--entry dist/src/index.js] [--out bench-results/latest.json]
 *     [--cpu-prof <dir>]   (Passerelle runs with node --cpu-prof, the profile written at its exit)
 *     [--quiet]
 *
 * Not a test and never part of `npm test`: figures depend on the machine and on what else runs.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Passerelle's eligibility flow, greeting to result (`undefined`: the conversationUpdate). */
export const FLOW = (i) => [undefined, 'English', 'yes', 'Check if I can join', String(18 + (i % 10)), 'France', '1', '1', `Town ${i}`, 'no'];
/**
 * The replies Passerelle sends at each turn of FLOW (17 in all), each as [text length, buttons]:
 * the ceiling sends replies of the same shape, so that both put the same traffic through the
 * Connector client (the serialisation of an activity grows with its buttons).
 */
export const REPLY_SHAPES = [
  [[135, 0], [34, 14]],
  [[34, 0], [581, 0], [38, 2]],
  [[48, 0], [26, 7]],
  [[100, 0], [130, 0]],
  [[33, 6]],
  [[23, 4]],
  [[37, 7]],
  [[64, 1]],
  [[55, 2]],
  [[587, 0], [42, 0], [26, 7]]
];
export const REPLIES_PER_TURN = REPLY_SHAPES.map((replies) => replies.length);

export function parseArgs(argv) {
  const arg = (name, fallback) => {
    const i = argv.indexOf(name);
    return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
  };
  return {
    conversations: arg('--conversations', '10,50').split(',').map(Number),
    seconds: Number(arg('--seconds', '5')),
    warmupSeconds: Number(arg('--warmup-seconds', '5')),
    rounds: Number(arg('--rounds', '3')),
    readyStarts: Number(arg('--ready-starts', '3')),
    entry: path.resolve(ROOT, arg('--entry', 'dist/src/index.js')),
    out: path.resolve(ROOT, arg('--out', 'bench-results/latest.json')),
    cpuProf: argv.includes('--cpu-prof') ? path.resolve(ROOT, arg('--cpu-prof', 'bench-results/profiles')) : undefined,
    quiet: argv.includes('--quiet')
  };
}

function listen(server) {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
}

async function freePort() {
  const server = net.createServer();
  const port = await listen(server);
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The Connector both bots reply to: counts the replies per conversation, answers 200. */
export async function startConnector({ keep = false } = {}) {
  const received = new Map();
  const kept = new Map();
  let total = 0;
  let sequence = 0;
  const server = http.createServer((req, res) => {
    const match = /^\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '');
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      if (req.method === 'POST' && match) {
        const conversation = decodeURIComponent(match[1]);
        received.set(conversation, (received.get(conversation) ?? 0) + 1);
        total += 1;
        if (keep) kept.set(conversation, [...(kept.get(conversation) ?? []), JSON.parse(Buffer.concat(chunks).toString('utf8'))]);
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `r${++sequence}` }));
    });
  });
  server.keepAliveTimeout = 30_000;
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}/`,
    replies: (conversation) => received.get(conversation) ?? 0,
    /** The replies received for a conversation (only with `keep`). */
    activities: (conversation) => kept.get(conversation) ?? [],
    forget: (conversation) => (received.delete(conversation), kept.delete(conversation)),
    get total() {
      return total;
    },
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(resolve)))
  };
}

function activityFor(conversation, n, text, serviceUrl) {
  const user = { id: `user-${conversation}`, name: 'Bench' };
  return {
    type: text === undefined ? 'conversationUpdate' : 'message',
    id: `${conversation}-${n}`,
    channelId: 'webchat',
    serviceUrl,
    locale: 'en-US',
    timestamp: new Date().toISOString(),
    from: user,
    recipient: { id: 'bot', name: 'Bot' },
    conversation: { id: conversation },
    ...(text === undefined ? { membersAdded: [user, { id: 'bot', name: 'Bot' }] } : { text })
  };
}

async function post(url, activity) {
  const response = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  await response.arrayBuffer();
  return response.status;
}

/**
 * Starts a bot process and measures the time from spawning it to its first answered message:
 * a message posted (again and again until the port accepts it) whose response came back 200
 * with at least one reply received by the Connector.
 */
export async function startBot({ name, args, env, connector }) {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  });
  let output = '';
  child.stdout.on('data', (c) => (output = (output + c).slice(-20_000)));
  child.stderr.on('data', (c) => (output = (output + c).slice(-20_000)));
  let exited = false;
  const exit = new Promise((resolve) => child.once('exit', (code, signal) => ((exited = true), resolve({ code, signal }))));
  const url = `http://127.0.0.1:${port}`;
  const conversation = `ready-${name}-${process.pid}`;
  for (;;) {
    if (exited) throw new Error(`${name} exited before answering:\n${output}`);
    if (performance.now() - started > 60_000) {
      child.kill('SIGKILL');
      throw new Error(`${name} did not answer within 60 s:\n${output}`);
    }
    const status = await post(url, activityFor(conversation, 0, 'hello', connector.url)).catch(() => 0);
    if (status === 200 && connector.replies(conversation) > 0) break;
    if (status !== 0 && status !== 200) throw new Error(`${name} answered HTTP ${status} to its first message:\n${output}`);
    await new Promise((r) => setTimeout(r, 10));
  }
  const readyMs = performance.now() - started;
  connector.forget(conversation);
  return {
    name,
    url,
    pid: child.pid,
    readyMs,
    output: () => output,
    rssBytes: () => rssOf(child.pid),
    cpuSeconds: () => cpuOf(child.pid),
    stop: () => (exited ? exit : (child.kill('SIGTERM'), exit))
  };
}

/** The resident set size of a process (Linux /proc; `ps` elsewhere), in bytes. */
function rssOf(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1]);
    if (Number.isFinite(kb)) return kb * 1024;
  } catch {
    /* not Linux */
  }
  return undefined;
}

let clockTicks;
/**
 * The CPU time a process has used so far, every thread (Linux /proc: user + system), in seconds;
 * undefined elsewhere. Unlike turns per second, turns per CPU second hardly move when other
 * programs share the machine's cores.
 */
function cpuOf(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    clockTicks ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    return (Number(fields[11]) + Number(fields[12])) / clockTicks;
  } catch {
    return undefined;
  }
}

/**
 * `count` conversations at once for `seconds`, each walking FLOW; a finished walk starts a new
 * conversation. No new turn starts after the deadline; the turns in flight finish and count.
 */
export async function drive({ bot, connector, count, seconds, run }) {
  const latencies = [];
  let errors = 0;
  let walks = 0;
  let wrongReplies = 0;
  const deadline = performance.now() + seconds * 1000;
  const worker = async (w) => {
    for (let k = 0; performance.now() < deadline; k++) {
      const conversation = `${run}-${w}-${k}`;
      const flow = FLOW(w + k);
      let finished = true;
      for (const [n, text] of flow.entries()) {
        if (performance.now() >= deadline) {
          finished = false;
          break;
        }
        const before = connector.replies(conversation);
        const t0 = performance.now();
        const status = await post(bot.url, activityFor(conversation, n, text, connector.url)).catch(() => 0);
        const elapsed = performance.now() - t0;
        if (status !== 200) {
          errors += 1;
          finished = false;
          break;
        }
        latencies.push(elapsed);
        if (connector.replies(conversation) - before !== REPLIES_PER_TURN[n]) wrongReplies += 1;
      }
      if (finished) walks += 1;
      connector.forget(conversation);
    }
  };
  const t0 = performance.now();
  const cpu0 = bot.cpuSeconds?.();
  await Promise.all(Array.from({ length: count }, (_, w) => worker(w)));
  const elapsedS = (performance.now() - t0) / 1000;
  const cpuS = cpu0 === undefined ? undefined : bot.cpuSeconds() - cpu0;
  latencies.sort((a, b) => a - b);
  const at = (q) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] : NaN);
  return {
    turns: latencies.length,
    seconds: round(elapsedS, 2),
    turnsPerSecond: round(latencies.length / elapsedS, 1),
    cpuSeconds: cpuS === undefined ? null : round(cpuS, 2),
    turnsPerCpuSecond: cpuS ? round(latencies.length / cpuS, 1) : null,
    p50Ms: round(at(0.5), 1),
    p99Ms: round(at(0.99), 1),
    conversationsFinished: walks,
    errors,
    turnsWithOtherReplyCount: wrongReplies
  };
}

const round = (x, digits) => (Number.isFinite(x) ? Number(x.toFixed(digits)) : null);
const median = (xs) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export function machine() {
  const cpus = os.cpus();
  let model = cpus[0]?.model ?? 'unknown';
  return {
    cpus: os.availableParallelism?.() ?? cpus.length,
    cpuModel: model.trim(),
    memoryGiB: round(os.totalmem() / 2 ** 30, 1),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadAverageAtStart: os.loadavg().map((x) => round(x, 2))
  };
}

export const TARGETS = { turnsPerSecond: 0.7, p99: 1.5, rss: 1.5, ready: 1.5 };

/** Runs the whole benchmark; returns the report (also written to `options.out`). */
export async function runBench(options) {
  const log = options.quiet ? () => {} : (line) => process.stdout.write(`${line}\n`);
  if (!fs.existsSync(options.entry)) throw new Error(`${options.entry} is missing: run \`npm run build\` first (npm run bench does)`);
  const connector = await startConnector();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-bench-'));
  const report = { startedAt: new Date().toISOString(), machine: machine(), options: { conversations: options.conversations, seconds: options.seconds, warmupSeconds: options.warmupSeconds, rounds: options.rounds, readyStarts: options.readyStarts }, flow: { turns: FLOW(0).length, replies: REPLIES_PER_TURN.reduce((a, b) => a + b, 0) } };
  const bots = [];
  try {
    log(`machine: ${report.machine.cpus} × ${report.machine.cpuModel}, ${report.machine.memoryGiB} GiB, node ${report.machine.node}, load ${report.machine.loadAverageAtStart.join(' ')}`);
    const readyTimes = { ceiling: [], passerelle: [] };
    /** Starts a bot `readyStarts` times, stopping all but the last; keeps each time to answer. */
    const started = async (name, start) => {
      for (let i = 0; ; i++) {
        const bot = await start();
        readyTimes[name].push(bot.readyMs);
        if (i + 1 >= options.readyStarts) return bot;
        await bot.stop();
      }
    };
    const ceiling = await started('ceiling', () =>
      startBot({
        name: 'ceiling',
        args: [path.join(ROOT, 'scripts', 'bench', 'ceilingBot.mjs')],
        env: { BENCH_REPLIES: JSON.stringify(REPLY_SHAPES) },
        connector
      })
    );
    bots.push(ceiling);
    if (options.cpuProf) fs.mkdirSync(options.cpuProf, { recursive: true });
    const passerelle = await started('passerelle', () => {
      const dataDir = fs.mkdtempSync(path.join(tmp, 'data-'));
      return startBot({
        name: 'passerelle',
        args: [...(options.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProf}`] : []), options.entry],
        env: { NODE_ENV: 'development', LOG_LEVEL: 'info', RATE_LIMIT_MESSAGES_PER_IP: '0', RATE_LIMIT_MESSAGES_PER_CONVERSATION: '0', DATA_DIR: dataDir, CONTENT_DIR: path.join(ROOT, 'content'), LOCALES_DIR: path.join(ROOT, 'locales'), LEXICONS_DIR: path.join(ROOT, 'lexicons') },
        connector
      });
    });
    bots.push(passerelle);
    log(`ready to answer (ms, each start): ceiling ${readyTimes.ceiling.map((t) => t.toFixed(0)).join(', ')}; passerelle ${readyTimes.passerelle.map((t) => t.toFixed(0)).join(', ')}`);

    for (const bot of [ceiling, passerelle]) await drive({ bot, connector, count: 10, seconds: options.warmupSeconds, run: `warm-${bot.name}` });

    const runs = [];
    for (const count of options.conversations) {
      for (let round = 0; round < options.rounds; round++) {
        for (const bot of [ceiling, passerelle]) {
          const figures = await drive({ bot, connector, count, seconds: options.seconds, run: `run-${bot.name}-${count}-${round}` });
          runs.push({ bot: bot.name, conversations: count, round, ...figures });
          log(`${bot.name.padEnd(10)} ${String(count).padStart(3)} conversations: ${figures.turnsPerSecond} turns/s (${figures.turnsPerCpuSecond} per CPU second), p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms (${figures.turns} turns, ${figures.errors} errors, ${figures.turnsWithOtherReplyCount} turns with another reply count)`);
        }
      }
    }
    const rss = { ceiling: ceiling.rssBytes(), passerelle: passerelle.rssBytes() };

    const byConcurrency = options.conversations.map((count) => {
      const of = (bot, field) => median(runs.filter((r) => r.bot === bot && r.conversations === count).map((r) => r[field]));
      const figures = (bot) => ({ turnsPerSecond: of(bot, 'turnsPerSecond'), p50Ms: of(bot, 'p50Ms'), p99Ms: of(bot, 'p99Ms'), turnsPerCpuSecond: of(bot, 'turnsPerCpuSecond') });
      const c = figures('ceiling');
      const p = figures('passerelle');
      return {
        conversations: count,
        ceiling: c,
        passerelle: p,
        ratios: {
          turnsPerSecond: round(p.turnsPerSecond / c.turnsPerSecond, 2),
          p50: round(p.p50Ms / c.p50Ms, 2),
          p99: round(p.p99Ms / c.p99Ms, 2),
          turnsPerCpuSecond: round(p.turnsPerCpuSecond / c.turnsPerCpuSecond, 2)
        }
      };
    });
    report.results = byConcurrency;
    report.runs = runs;
    report.rssAfterLoad = {
      ceilingMiB: round(rss.ceiling / 2 ** 20, 1),
      passerelleMiB: round(rss.passerelle / 2 ** 20, 1),
      ratio: round(rss.passerelle / rss.ceiling, 2)
    };
    const readyCeiling = median(readyTimes.ceiling);
    const readyPasserelle = median(readyTimes.passerelle);
    report.readyToAnswer = {
      ceilingMs: round(readyCeiling, 0),
      passerelleMs: round(readyPasserelle, 0),
      ratio: round(readyPasserelle / readyCeiling, 2),
      starts: { ceiling: readyTimes.ceiling.map((t) => round(t, 0)), passerelle: readyTimes.passerelle.map((t) => round(t, 0)) }
    };
    report.targets = {
      ...Object.fromEntries(
        byConcurrency.flatMap((r) => [
          [`turnsPerSecondAt${r.conversations}`, { target: `≥ ${TARGETS.turnsPerSecond}`, ratio: r.ratios.turnsPerSecond, met: r.ratios.turnsPerSecond >= TARGETS.turnsPerSecond }],
          [`p99At${r.conversations}`, { target: `≤ ${TARGETS.p99}`, ratio: r.ratios.p99, met: r.ratios.p99 <= TARGETS.p99 }]
        ])
      ),
      rssAfterLoad: { target: `≤ ${TARGETS.rss}`, ratio: report.rssAfterLoad.ratio, met: report.rssAfterLoad.ratio <= TARGETS.rss },
      readyToAnswer: { target: `≤ ${TARGETS.ready}`, ratio: report.readyToAnswer.ratio, met: report.readyToAnswer.ratio <= TARGETS.ready }
    };

    log('');
    log('conversations | ceiling turns/s | passerelle turns/s | ratio | p50 ceiling / passerelle | p99 ceiling / passerelle | p99 ratio | turns per CPU s ratio');
    for (const r of byConcurrency) {
      log(`${String(r.conversations).padStart(13)} | ${String(r.ceiling.turnsPerSecond).padStart(15)} | ${String(r.passerelle.turnsPerSecond).padStart(18)} | ${String(r.ratios.turnsPerSecond).padStart(5)} | ${`${r.ceiling.p50Ms} / ${r.passerelle.p50Ms} ms`.padStart(24)} | ${`${r.ceiling.p99Ms} / ${r.passerelle.p99Ms} ms`.padStart(24)} | ${String(r.ratios.p99).padStart(9)} | ${r.ratios.turnsPerCpuSecond}`);
    }
    log(`RSS after load: ceiling ${report.rssAfterLoad.ceilingMiB} MiB, passerelle ${report.rssAfterLoad.passerelleMiB} MiB (${report.rssAfterLoad.ratio}×)`);
    log(`ready to answer: ceiling ${report.readyToAnswer.ceilingMs} ms, passerelle ${report.readyToAnswer.passerelleMs} ms (${report.readyToAnswer.ratio}×)`);
    log(`targets: ${Object.entries(report.targets).map(([k, v]) => `${k} ${v.ratio} (${v.target}) ${v.met ? 'met' : 'NOT met'}`).join('; ')}`);
  } finally {
    const stopped = await Promise.all(bots.map((b) => b.stop()));
    report.exits = Object.fromEntries(bots.map((b, i) => [b.name, stopped[i]]));
    await connector.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  fs.mkdirSync(path.dirname(options.out), { recursive: true });
  fs.writeFileSync(options.out, `${JSON.stringify(report, null, 2)}\n`);
  log(`written to ${path.relative(process.cwd(), options.out)}`);
  return report;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runBench(parseArgs(process.argv.slice(2))).catch((err) => {
    process.stderr.write(`bench failed: ${err.stack ?? err}\n`);
    process.exit(1);
  });
}
