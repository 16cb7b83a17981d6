#!/usr/bin/env node
/**
 * Makes the Microsoft Teams app package (a zip of manifest.json and the two icons) from the
 * template in deploy/teams/, to upload in Teams (Apps → Manage your apps → Upload an app) or in
 * the Teams admin center:
 *
 *   node scripts/teams-package.mjs --bot-id <the bot's app id> --url https://bot.example.org \
 *     [--app-id <a GUID for the Teams app; keep it for later versions>] [--version 1.0.0] \
 *     [--organisation "Your organisation"] [--out deploy/teams/passerelle-teams.zip]
 *
 * The bot's app id is the Azure deployment's `botAppId` output (deploy/README.md).
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const TEAMS_DIR = path.join(ROOT, 'deploy', 'teams');
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The manifest with its placeholders filled; throws naming what is missing or wrong. */
export function fillManifest(template, values) {
  const problems = [];
  if (!GUID.test(values.botAppId ?? '')) problems.push('--bot-id must be the bot\'s app id (a GUID)');
  if (!GUID.test(values.teamsAppId ?? '')) problems.push('--app-id must be a GUID');
  if (!/^https:\/\/[^/]+/.test(values.url ?? '')) problems.push('--url must be the bot\'s public https address');
  if (!/^\d+\.\d+\.\d+$/.test(values.version ?? '')) problems.push('--version must look like 1.0.0');
  if (problems.length > 0) throw new Error(problems.join('; '));
  const url = values.url.replace(/\/+$/, '');
  const fills = {
    VERSION: values.version,
    TEAMS_APP_ID: values.teamsAppId,
    BOT_APP_ID: values.botAppId,
    PUBLIC_BASE_URL: url,
    PUBLIC_HOST: new URL(url).host,
    ORGANISATION: values.organisation ?? 'Passerelle'
  };
  const text = template.replace(/\{\{([A-Z_]+)\}\}/g, (whole, key) => {
    if (!(key in fills)) throw new Error(`unknown placeholder ${whole} in the manifest template`);
    return JSON.stringify(fills[key]).slice(1, -1);
  });
  return JSON.parse(text);
}

function uint32(value) {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32LE(value);
  return bytes;
}

/** A zip archive (deflated entries) of `files`: name → contents. */
export function zip(files) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, contents] of Object.entries(files)) {
    const data = zlib.deflateRawSync(contents);
    const nameBytes = Buffer.from(name, 'utf8');
    // The fields the local header and the central directory entry share, in the same order.
    const common = Buffer.alloc(26);
    common.writeUInt16LE(20, 0); // version needed: 2.0
    common.writeUInt16LE(0x0800, 2); // names in UTF-8
    common.writeUInt16LE(8, 4); // deflated
    common.writeUInt32LE(zlib.crc32(contents), 10);
    common.writeUInt32LE(data.length, 14);
    common.writeUInt32LE(contents.length, 18);
    common.writeUInt16LE(nameBytes.length, 22);
    const local = Buffer.concat([uint32(0x04034b50), common]);
    const central = Buffer.concat([uint32(0x02014b50), Buffer.from([20, 0]), common, Buffer.alloc(10), uint32(offset)]);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The package's files: manifest.json (filled) and the icons. */
export function packageFiles(values) {
  const manifest = fillManifest(fs.readFileSync(path.join(TEAMS_DIR, 'manifest.json'), 'utf8'), values);
  return {
    'manifest.json': Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`),
    'color.png': fs.readFileSync(path.join(TEAMS_DIR, 'color.png')),
    'outline.png': fs.readFileSync(path.join(TEAMS_DIR, 'outline.png'))
  };
}

function main(argv) {
  const arg = (name) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const teamsAppId = arg('--app-id') ?? randomUUID();
  const out = path.resolve(arg('--out') ?? path.join(TEAMS_DIR, 'passerelle-teams.zip'));
  try {
    const files = packageFiles({ botAppId: arg('--bot-id'), teamsAppId, url: arg('--url'), version: arg('--version') ?? '1.0.0', organisation: arg('--organisation') });
    fs.writeFileSync(out, zip(files));
  } catch (err) {
    process.stderr.write(`teams-package: ${err.message}\n`);
    process.exit(1);
  }
  process.stdout.write(`wrote ${path.relative(process.cwd(), out)} (Teams app id ${teamsAppId}: pass it as --app-id for later versions)\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
