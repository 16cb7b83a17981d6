import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { readCliConfig } from './cliConfig';
import { loadContent } from '../content';
import { CONSOLE_ROLES, type ConsoleRole } from '../domain';
import { AccountService } from '../services/accountService';
import { systemClock } from '../services/clock';
import { generatePassword, MIN_PASSWORD_LENGTH } from '../services/passwords';
import { openStorage } from '../storage';

const USAGE = `Console accounts.

  npm run user:add -- --role admin|caseworker|partner --email <address> [--partner <partner id>]

The password is read from standard input when something is piped in
(printf '%s' 'a long password' | npm run user:add -- ...), otherwise one is generated and
printed once. Passwords have at least ${MIN_PASSWORD_LENGTH} characters; only a scrypt hash is kept.
A partner account needs --partner, an id of content/partners.json. Storage is the one the
server uses (MONGODB_URI, or SQLite under DATA_DIR).`;

const PROBLEMS: Record<string, string> = {
  invalidEmail: '--email is not an e-mail address',
  emailTaken: 'an account with this e-mail already exists',
  passwordTooShort: `the password must have at least ${MIN_PASSWORD_LENGTH} characters`,
  partnerRequired: '--partner is required for a partner account',
  partnerNotAllowed: '--partner is only for partner accounts',
  unknownPartner: '--partner is not a partner of content/partners.json'
};

/**
 * Runs the command; returns the exit code. `stdin` is what was piped in (undefined for a
 * terminal). Output goes to `out`, problems to `err`.
 */
export async function runUserAddCommand(argv: string[], env: NodeJS.ProcessEnv, stdin: string | undefined, out: (line: string) => void, err: (line: string) => void): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { role: { type: 'string' }, email: { type: 'string' }, partner: { type: 'string' }, help: { type: 'boolean' } } });
  } catch (e) {
    err(`${(e as Error).message}\n\n${USAGE}`);
    return 64;
  }
  const { role, email, partner, help } = parsed.values;
  if (help) {
    out(USAGE);
    return 0;
  }
  if (!role || !(CONSOLE_ROLES as readonly string[]).includes(role) || !email) {
    err(`--role (${CONSOLE_ROLES.join(', ')}) and --email are required.\n\n${USAGE}`);
    return 64;
  }
  const config = readCliConfig(env, err);
  if (!config) return 78;
  const content = loadContent(config.contentDir);
  const piped = stdin?.replace(/\r?\n$/, '');
  const password = piped ? piped : generatePassword();
  const storage = await openStorage({ mongodbUri: config.mongodbUri, mongodbDb: config.mongodbDb, sqliteFile: config.sqliteFile });
  try {
    const accounts = new AccountService({ accounts: storage.accounts, partnerIds: content.partners.partners.map((p) => p.id), clock: systemClock });
    const result = await accounts.create({ email, role: role as ConsoleRole, partnerId: partner, password });
    if (!result.ok) {
      const known = result.problem === 'unknownPartner' ? ` (${content.partners.partners.map((p) => p.id).join(', ')})` : '';
      err(`${PROBLEMS[result.problem]}${known}`);
      return result.problem === 'emailTaken' ? 1 : 64;
    }
    const { account } = result;
    out(`Account ${account.email} (${account.role}${account.partnerId ? `, partner ${account.partnerId}` : ''}) created.`);
    if (!piped) out(`Its password is shown only now:\n\n${password}\n`);
    return 0;
  } finally {
    await storage.close();
  }
}

function readPipedStdin(): string | undefined {
  if (process.stdin.isTTY) return undefined;
  try {
    return fs.readFileSync(0, 'utf8');
  } catch {
    return undefined;
  }
}

if (require.main === module) {
  if (fs.existsSync('.env')) process.loadEnvFile('.env');
  runUserAddCommand(process.argv.slice(2), process.env, readPipedStdin(), (l) => process.stdout.write(`${l}\n`), (l) => process.stderr.write(`${l}\n`)).then(
    (code) => process.exit(code),
    (e: Error) => {
      process.stderr.write(`user:add failed: ${e.message}\n`);
      process.exit(1);
    }
  );
}
