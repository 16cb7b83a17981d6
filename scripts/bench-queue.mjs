// npm run bench:queue — the console's referral queue with 100,000 referrals stored: seeds them
// through the storage adapters (SQLite; MongoDB too: MONGODB_URI, or FerretDB built by
// scripts/ferretdb.mjs), then times the first page with filters (the rows and the counts per
// status, as the queue page asks them) at the service and over HTTP (signed in, the whole page),
// and prints p50 and p95 in milliseconds. Not part of npm test (no timed test).
//
//   BENCH_REFERRALS=100000 BENCH_RUNS=200 BENCH_HTTP_RUNS=100 BENCH_MONGO_RUNS=20 npm run bench:queue
//   BENCH_MONGO=off npm run bench:queue        (SQLite only; BENCH_SQLITE=off: MongoDB only)
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { buildFerretDB, startFerretDB } from './ferretdb.mjs';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { openSqliteStorage, openMongoStorage } = require(path.join(ROOT, 'dist/src/storage'));
const { loadContent } = require(path.join(ROOT, 'dist/src/content'));
const { ReferralService } = require(path.join(ROOT, 'dist/src/services/referralService'));
const { ReferralConsoleService } = require(path.join(ROOT, 'dist/src/services/referralConsoleService'));
const { createApp } = require(path.join(ROOT, 'dist/src/app'));
const { readConfig } = require(path.join(ROOT, 'dist/src/config'));
const pino = require('pino');

const COUNT = Number(process.env.BENCH_REFERRALS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const HTTP_RUNS = Number(process.env.BENCH_HTTP_RUNS ?? 100);
/** FerretDB answers far slower than MongoDB: fewer runs there. */
const MONGO_RUNS = Number(process.env.BENCH_MONGO_RUNS ?? 20);
const NOW = Date.now();
const DAY = 86_400_000;
const content = loadContent(path.join(ROOT, 'content'));
const partners = content.partners.partners;
const LANGUAGES = ['fr', 'en', 'de', 'nl', 'pt', 'ro', 'ar', 'fa', 'ps', 'ckb', 'so', 'ti', 'tr', 'uk'];
const STATUSES = [
  ['submitted', 8], ['inReview', 7], ['routed', 25], ['accepted', 10], ['infoRequested', 5],
  ['declined', 15], ['enrolled', 10], ['completed', 15], ['withdrawn', 5]
];

/** A small deterministic generator: the same referrals every run. */
let state = 42;
const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = (items) => items[Math.floor(random() * items.length)];
const weighted = (pairs) => {
  let r = random() * pairs.reduce((n, [, w]) => n + w, 0);
  for (const [value, w] of pairs) if ((r -= w) < 0) return value;
  return pairs[0][0];
};
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const referenceOf = (n) => {
  let s = '';
  for (let i = 0; i < 8; i++, n = Math.floor(n / 31)) s += ALPHABET[n % 31];
  return `${s.slice(0, 4)}-${s.slice(4)}`;
};

function referral(n) {
  const status = weighted(STATUSES);
  const programme = random() < 0.8 ? 'digiter' : 'camplus';
  const candidates = partners.filter((p) => p.programmes.includes(programme));
  const partner = pick(candidates);
  const country = pick(partner.countries);
  const routed = !['submitted', 'inReview'].includes(status);
  const created = new Date(NOW - Math.floor(random() * 365 * DAY));
  const waitingSince = new Date(Math.min(NOW, created.getTime() + Math.floor(random() * 30 * DAY)));
  const language = random() < 0.5 ? pick(['fr', 'de', 'pt', 'ro', 'nl']) : pick(LANGUAGES);
  return {
    id: randomUUID(),
    reference: referenceOf(n + 1_000_000),
    userKey: `bench-person-${n}`,
    programme,
    status,
    partnerId: routed ? partner.id : null,
    country,
    language,
    details: {
      source: 'eligibility',
      shared: { age: 16 + Math.floor(random() * 14), country, language, eligibility: { rulesVersion: 'bench', programmes: [{ programme, outcome: 'eligible' }] } },
      consent: { partnerId: partner.id, fields: ['age', 'country', 'eligibility', 'language'], noticeVersion: 'bench', grantedAt: created.toISOString() },
      history: [{ at: created.toISOString(), actor: { kind: 'person' }, action: 'submit', from: null, to: 'submitted' }],
      infoRequests: [],
      notes: [],
      routingReasons: []
    },
    createdAt: created,
    updatedAt: waitingSince,
    waitingSince,
    version: 0
  };
}

/**
 * MongoDB: one insertOne per referral would take hours on FerretDB, so the documents are written
 * in batches, in exactly the shape MongoReferralRepository.save writes a new referral (checked by
 * reading a few back through the adapter).
 */
async function seedMongo(uri, dbName, rows, label) {
  const { MongoClient, ObjectId } = require('mongodb');
  const client = new MongoClient(uri);
  try {
    const collection = client.db(dbName).collection('referrals');
    for (let i = 0; i < rows.length; i += 1000) {
      await collection.insertMany(
        rows.slice(i, i + 1000).map((r) => ({
          _id: r.id,
          reference: r.reference,
          version: 1,
          userKey: r.userKey,
          programme: r.programme,
          status: r.status,
          partnerId: r.partnerId,
          country: r.country,
          language: r.language,
          details: JSON.stringify(r.details),
          createdAt: r.createdAt,
          updatedAt: r.updatedAt,
          waitingSince: r.waitingSince,
          pendingOutbox: [],
          outboxPending: false,
          seq: new ObjectId()
        })),
        { ordered: false }
      );
      if ((i + 1000) % 20_000 === 0) process.stdout.write(`  ${label}: ${i + 1000} referrals stored\n`);
    }
  } finally {
    await client.close();
  }
}

async function seed(storage, label, mongo) {
  const started = Date.now();
  const pool = 1;
  let next = 0;
  state = 42;
  const rows = Array.from({ length: COUNT }, (_, n) => referral(n));
  if (mongo) {
    await seedMongo(mongo.uri, mongo.dbName, rows, label);
    for (const r of rows.slice(0, 5)) {
      const back = await storage.referrals.get(r.id);
      if (back?.reference !== r.reference || back.waitingSince.getTime() !== r.waitingSince.getTime()) throw new Error('seeded documents do not read back as referrals');
    }
    process.stdout.write(`  ${label}: ${COUNT} referrals stored in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    return;
  }
  await Promise.all(
    Array.from({ length: pool }, async () => {
      while (next < rows.length) {
        const row = rows[next++];
        await storage.referrals.save(row, []);
        if (next % 20_000 === 0) process.stdout.write(`  ${label}: ${next} referrals stored\n`);
      }
    })
  );
  process.stdout.write(`  ${label}: ${COUNT} referrals stored in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

/** The queues timed: what caseworkers and partners ask for most. */
const SCENARIOS = [
  ['no filter, longest waiting first', 'caseworker', {}],
  ['status=routed', 'caseworker', { status: 'routed' }],
  ['status=submitted, country=FR', 'caseworker', { status: 'submitted', country: 'FR' }],
  ['programme=camplus, language=ar', 'caseworker', { programme: 'camplus', language: 'ar' }],
  ['status=accepted, country=DE, waiting ≥ 7 days', 'caseworker', { status: 'accepted', country: 'DE', minWaitingDays: 7 }],
  ['not routed yet, newest first', 'caseworker', { partner: 'none', sort: 'newest' }],
  ['partner fr-coordinator (its own), status=routed', 'partner', { status: 'routed' }]
];
const QUERY = { status: 'status', country: 'country', programme: 'programme', language: 'language', minWaitingDays: 'wait', partner: 'partner', sort: 'sort' };
const ACCOUNTS = {
  caseworker: { id: 'bench-caseworker', email: 'bench-caseworker@example.org', role: 'caseworker', partnerId: null },
  partner: { id: 'bench-partner', email: 'bench-partner@example.org', role: 'partner', partnerId: 'fr-coordinator' }
};

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const summary = (times) => {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
};
const ms = (n) => n.toFixed(1).padStart(7);

async function timeService(storage, runs) {
  const referrals = new ReferralService({ referrals: storage.referrals, partners: content.partners, clock: () => new Date(), emailEnabled: false });
  const queue = new ReferralConsoleService({ referrals, store: storage.referrals, clock: () => new Date() });
  const all = [];
  for (const [name, who, filters] of SCENARIOS) {
    const times = [];
    let rows = 0;
    const warm = Math.max(2, Math.ceil(runs / 10));
    for (let i = 0; i < runs + warm; i++) {
      const started = process.hrtime.bigint();
      const page = await queue.queue(ACCOUNTS[who], { sort: 'oldest', ...filters });
      const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
      rows = page.referrals.length;
      if (i >= warm) times.push(elapsed);
    }
    all.push(...times);
    const { p50, p95 } = summary(times);
    process.stdout.write(`  ${name.padEnd(50)} ${String(rows).padStart(3)} rows  p50 ${ms(p50)} ms  p95 ${ms(p95)} ms\n`);
  }
  const { p50, p95 } = summary(all);
  process.stdout.write(`  ${'all of the above'.padEnd(59)}  p50 ${ms(p50)} ms  p95 ${ms(p95)} ms\n`);

}

async function timeHttp(env, runs) {
  const config = readConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', LOCAL_DIRECTLINE: 'off', ...env }, ROOT);
  const app = await createApp(config, { logger: pino({ level: 'silent' }), warmUpRecognizers: false, startOutboxWorker: false });
  const { port } = await app.listen();
  const base = `http://127.0.0.1:${port}`;
  try {
    const cookies = {};
    for (const [who, a] of Object.entries(ACCOUNTS)) {
      await app.accounts.create({ email: a.email, role: a.role, partnerId: a.partnerId ?? undefined, password: 'bench password, long enough' });
      const res = await fetch(`${base}/console/sign-in`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ email: a.email, password: 'bench password, long enough' })
      });
      cookies[who] = res.headers.getSetCookie()[0].split(';')[0];
    }
    const all = [];
    for (const [name, who, filters] of SCENARIOS) {
      const params = new URLSearchParams(Object.entries(filters).map(([k, v]) => [QUERY[k], String(v)]));
      const url = `${base}/console/referrals${params.size ? `?${params}` : ''}`;
      const times = [];
      const warm = Math.max(2, Math.ceil(runs / 10));
      for (let i = 0; i < runs + warm; i++) {
        const started = process.hrtime.bigint();
        const res = await fetch(url, { headers: { cookie: cookies[who], 'accept-language': 'en', 'accept-encoding': 'br' } });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
        if (i >= warm) times.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
      all.push(...times);
      const { p50, p95 } = summary(times);
      process.stdout.write(`  ${name.padEnd(55)}  p50 ${ms(p50)} ms  p95 ${ms(p95)} ms\n`);
    }
    const { p50, p95 } = summary(all);
    process.stdout.write(`  ${'all of the above'.padEnd(55)}  p50 ${ms(p50)} ms  p95 ${ms(p95)} ms\n`);
  } finally {
    await app.close();
  }

}

async function benchOne(label, open, env, mongo) {
  const runs = mongo ? MONGO_RUNS : RUNS;
  const httpRuns = mongo ? MONGO_RUNS : HTTP_RUNS;
  process.stdout.write(`\n${label}: seeding ${COUNT} referrals\n`);
  const storage = await open();
  try {
    await seed(storage, label, mongo);
    process.stdout.write(`${label}: first page (50 rows) and counts per status, at the service, ${runs} runs each\n`);
    await timeService(storage, runs);
  } finally {
    await storage.close();
  }
  if (env.DATA_DIR) {
    // As after a restart: the seeding's write-ahead log folded into the file, not left for the
    // first requests to fold.
    const Database = require('better-sqlite3');
    const db = new Database(path.join(env.DATA_DIR, 'passerelle.sqlite'));
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
  }
  process.stdout.write(`${label}: GET /console/referrals (signed in, whole page), ${httpRuns} runs each\n`);
  await timeHttp(env, httpRuns);
}

const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`;
process.stdout.write(`Console queue benchmark: ${COUNT} referrals, ${machine}\n`);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-bench-'));
try {
  const file = path.join(dir, 'passerelle.sqlite');
  if (process.env.BENCH_SQLITE !== 'off') await benchOne('SQLite', () => openSqliteStorage({ file }), { DATA_DIR: dir });
  if (process.env.BENCH_MONGO !== 'off') {
    let server;
    let uri = process.env.MONGODB_URI;
    try {
      if (!uri) {
        server = await startFerretDB(buildFerretDB({ log: (l) => process.stdout.write(`  ${l}\n`) }));
        uri = server.uri;
      }
      const dbName = `passerelle_bench_${randomUUID().slice(0, 8)}`;
      await benchOne(process.env.MONGODB_URI ? 'MongoDB' : 'MongoDB (FerretDB v1.24.2)', () => openMongoStorage({ uri, dbName }), { MONGODB_URI: uri, MONGODB_DB: dbName }, { uri, dbName });
    } catch (err) {
      process.stdout.write(`\nMongoDB: skipped (${err.message})\n`);
    } finally {
      await server?.stop();
    }
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
