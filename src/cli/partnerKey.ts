import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { readCliConfig } from './cliConfig';
import { loadContent } from '../content';
import { PartnerKeyService } from '../services/partnerKeyService';
import { systemClock } from '../services/clock';
import { FieldCipher, openStorage } from '../storage';

const USAGE = `Partner API keys.

  npm run partner:key -- create --partner <partner id> [--label <what it is for>]
  npm run partner:key -- list --partner <partner id>
  npm run partner:key -- revoke --id <key id>

The key is printed once, by "create": give it to the partner over a safe channel. Only a hash
of it is kept. Storage is the one the server uses (MONGODB_URI, or SQLite under DATA_DIR).`;

/** Runs the command; returns the process exit code. Output goes to `out`, problems to `err`. */
export async function runPartnerKeyCommand(argv: string[], env: NodeJS.ProcessEnv, out: (line: string) => void, err: (line: string) => void): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { partner: { type: 'string' }, label: { type: 'string' }, id: { type: 'string' }, help: { type: 'boolean' } } });
  } catch (e) {
    err(`${(e as Error).message}\n\n${USAGE}`);
    return 64;
  }
  const [command] = parsed.positionals;
  const { partner, label, id, help } = parsed.values;
  if (help || !command || !['create', 'list', 'revoke'].includes(command)) {
    (help ? out : err)(USAGE);
    return help ? 0 : 64;
  }
  const config = readCliConfig(env, err);
  if (!config) return 78;
  const content = loadContent(config.contentDir);
  if (command !== 'revoke') {
    const known = content.partners.partners.map((p) => p.id);
    if (!partner || !known.includes(partner)) {
      err(`--partner must be one of: ${known.join(', ')}`);
      return 64;
    }
  } else if (!id) {
    err('--id is required (see "list")');
    return 64;
  }
  const storage = await openStorage({ mongodbUri: config.mongodbUri, mongodbDb: config.mongodbDb, sqliteFile: config.sqliteFile, cipher: new FieldCipher(config.dataKeys) });
  try {
    const keys = new PartnerKeyService(storage.partnerApiKeys, systemClock);
    if (command === 'create') {
      const { key, record } = await keys.create(partner!, label ?? 'api');
      out(`Key ${record.id} for ${record.partnerId} (${record.label}). It is shown only now:\n\n${key}\n`);
    } else if (command === 'list') {
      const list = await keys.list(partner!);
      if (list.length === 0) out(`No key for ${partner}.`);
      for (const k of list) out(`${k.id}  ${k.label}  created ${k.createdAt.toISOString()}${k.revokedAt ? `  revoked ${k.revokedAt.toISOString()}` : ''}`);
    } else {
      const revoked = await keys.revoke(id!);
      (revoked ? out : err)(revoked ? `Key ${id} revoked.` : `No active key ${id}.`);
      return revoked ? 0 : 1;
    }
    return 0;
  } finally {
    await storage.close();
  }
}

if (require.main === module) {
  if (fs.existsSync('.env')) process.loadEnvFile('.env');
  runPartnerKeyCommand(process.argv.slice(2), process.env, (l) => process.stdout.write(`${l}\n`), (l) => process.stderr.write(`${l}\n`)).then(
    (code) => process.exit(code),
    (e: Error) => {
      process.stderr.write(`partner:key failed: ${e.message}\n`);
      process.exit(1);
    }
  );
}
