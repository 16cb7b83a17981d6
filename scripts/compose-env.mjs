#!/usr/bin/env node
/**
 * Writes the env file of deploy/compose.yaml (deploy/.env) from .env.example: the same
 * variables and comments, with
 *   - fresh random secrets (PSEUDONYM_SECRET, DIRECTLINE_SECRET) and data key (DATA_KEYS),
 *   - the compose network's MongoDB (MONGODB_URI=mongodb://mongo:27017/?replicaSet=rs0),
 *   - any variable already set in this command's environment (e.g. MicrosoftAppId=… MicrosoftAppPassword=…),
 *   - NODE_ENV=production when MicrosoftAppId is given; otherwise development (a trial on this
 *     machine: /api/messages then accepts unauthenticated requests, so keep the port on loopback).
 *
 *   node scripts/compose-env.mjs [--out deploy/.env] [--force]
 *
 * An existing file is never overwritten without --force: a new PSEUDONYM_SECRET would make every
 * stored conversation and person unreachable.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const GENERATED = ['PSEUDONYM_SECRET', 'DIRECTLINE_SECRET'];
/** The container's own values (compose.yaml sets them as they are). */
const CONTAINER = { HOST: '0.0.0.0', PORT: '3978', DATA_DIR: '/data' };
const COMPOSE_MONGODB_URI = 'mongodb://mongo:27017/?replicaSet=rs0';

/** The env file's text: `example` with values decided by `env` (the command's environment). */
export function composeEnv(example, env = process.env, secret = () => randomBytes(32).toString('hex')) {
  const production = Boolean(env.MicrosoftAppId?.trim());
  const decide = (name, fallback) => {
    if (name in CONTAINER) return CONTAINER[name];
    if (name === 'NODE_ENV') return env.NODE_ENV?.trim() || (production ? 'production' : 'development');
    if (env[name]) return env[name];
    if (GENERATED.includes(name)) return secret();
    if (name === 'DATA_KEYS') return `k1:${randomBytes(32).toString('base64')}`;
    if (name === 'MONGODB_URI') return COMPOSE_MONGODB_URI;
    return fallback;
  };
  return example
    .split('\n')
    .map((line) => {
      const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
      return match ? `${match[1]}=${decide(match[1], match[2])}` : line;
    })
    .join('\n');
}

function main(argv) {
  const outIndex = argv.indexOf('--out');
  const out = path.resolve(outIndex >= 0 ? argv[outIndex + 1] : path.join(ROOT, 'deploy', '.env'));
  if (fs.existsSync(out) && !argv.includes('--force')) {
    process.stderr.write(`${out} exists: keeping it (its PSEUDONYM_SECRET must not change). Use --force to replace it.\n`);
    process.exit(1);
  }
  const text = composeEnv(fs.readFileSync(path.join(ROOT, '.env.example'), 'utf8'));
  const header = `# Written by scripts/compose-env.mjs on ${new Date().toISOString()} from .env.example. Keep it secret.\n`;
  fs.writeFileSync(out, header + text, { mode: 0o600 });
  const mode = /^NODE_ENV=production$/m.test(text) ? 'production' : 'development (a trial on this machine)';
  process.stdout.write(`wrote ${path.relative(process.cwd(), out)} (NODE_ENV: ${mode}); now: docker compose -f deploy/compose.yaml up -d --build\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
