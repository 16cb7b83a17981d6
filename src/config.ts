import path from 'node:path';
import { z } from 'zod';
import { OpeningHoursError, parseOpeningHours, type OpeningHours } from './domain';
import { DEVELOPMENT_DATA_KEYS, parseDataKeys, type DataKey } from './storage';

/** Languages whose locale files ship complete (texts, and understanding lexicons). */
export const SHIPPED_LANGUAGES = ['fr', 'en', 'de', 'nl', 'pt', 'ro', 'ar', 'fa', 'ps', 'ckb', 'so', 'ti', 'tr', 'uk'] as const;

/** Start-up configuration problem: names the variable and says how to fix it. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

const emptyToUndefined = (v: unknown): unknown => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());

const envSchema = z.object({
  NODE_ENV: z.preprocess(emptyToUndefined, z.enum(['development', 'production', 'test']).default('development')),
  PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(65535).default(3978)),
  HOST: z.preprocess(emptyToUndefined, z.string().default('0.0.0.0')),
  LOG_LEVEL: z.preprocess(
    emptyToUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')
  ),
  DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('./data')),
  MONGODB_URI: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
      .optional()
  ),
  MONGODB_DB: z.preprocess(emptyToUndefined, z.string().regex(/^[A-Za-z0-9_-]{1,63}$/).default('passerelle')),
  MicrosoftAppId: optionalString,
  MicrosoftAppPassword: optionalString,
  MicrosoftAppType: z.preprocess(
    emptyToUndefined,
    z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant')
  ),
  MicrosoftAppTenantId: optionalString,
  DEFAULT_LOCALE: z.preprocess(emptyToUndefined, z.enum(SHIPPED_LANGUAGES).default('fr')),
  TIME_ZONE: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .default('Europe/Paris')
      .refine(isTimeZone, 'must be an IANA time zone such as Europe/Paris')
  ),
  HANDOFF_HOURS: z.preprocess(emptyToUndefined, z.string().default('mon-fri 09:00-17:00')),
  HANDOFF_TIME_ZONE: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .refine(isTimeZone, 'must be an IANA time zone such as Europe/Paris')
      .optional()
  ),
  MAX_BODY_BYTES: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1024).max(10_485_760).default(262_144)),
  SHUTDOWN_TIMEOUT_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(120_000).default(10_000)),
  PSEUDONYM_SECRET: z.preprocess(emptyToUndefined, z.string().min(32, 'must be at least 32 characters').optional()),
  DATA_KEYS: z.preprocess(emptyToUndefined, z.string().optional()),
  LOCAL_DIRECTLINE: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.enum(['on', 'off', 'true', 'false', '1', '0']))
      .transform((v) => v === 'on' || v === 'true' || v === '1')
      .default(true)
  ),
  DIRECTLINE_SECRET: z.preprocess(emptyToUndefined, z.string().min(32, 'must be at least 32 characters').optional()),
  AZURE_DIRECTLINE_SECRET: z.preprocess(emptyToUndefined, z.string().min(16, 'must be the Direct Line secret of the Azure Bot resource').optional()),
  AZURE_DIRECTLINE_ENDPOINT: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .url()
      .refine((u) => /^https:\/\//.test(u), 'must be an https URL such as https://directline.botframework.com/v3/directline')
      .default('https://directline.botframework.com/v3/directline')
  ),
  PUBLIC_BASE_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .url()
      .refine((u) => /^https?:\/\//.test(u), 'must be an http(s) URL such as https://passerelle.example.org')
      .optional()
  ),
  PROFILE_LINK_DAYS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(90).default(7)),
  CONSOLE_IDLE_MINUTES: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(1440).default(30)),
  CONSOLE_SESSION_HOURS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(168).default(12)),
  CONSOLE_SECURE_COOKIE: z.preprocess(emptyToUndefined, z.enum(['auto', 'on', 'off']).default('auto')),
  CONSOLE_SIGNIN_ATTEMPTS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(1000).default(5)),
  RETENTION_DAYS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(3650).optional()),
  TRANSIENT_KEEP_HOURS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(168).default(24)),
  RETENTION_SWEEP_MINUTES: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(1440).default(60)),
  DATA_EXPORT_LINK_DAYS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(30).default(1)),
  SMTP_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^smtps?:\/\/[^\s]+$/, 'must be an smtp:// or smtps:// URL such as smtp://user:password@mail.example.org:587')
      .optional()
  ),
  SMTP_FROM: z.preprocess(emptyToUndefined, z.string().email('must be an e-mail address').optional()),
  OUTBOX_POLL_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(50).max(60_000).default(1000)),
  OUTBOX_MAX_ATTEMPTS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(50).default(8)),
  OUTBOX_RETRY_BASE_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(10).max(3_600_000).default(5000)),
  OUTBOX_RETRY_MAX_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(10).max(86_400_000).default(3_600_000)),
  WEBHOOK_TIMEOUT_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(100).max(120_000).default(10_000)),
  CONTENT_DIR: z.preprocess(emptyToUndefined, z.string().default('./content')),
  LOCALES_DIR: z.preprocess(emptyToUndefined, z.string().default('./locales')),
  LEXICONS_DIR: z.preprocess(emptyToUndefined, z.string().default('./lexicons'))
});

/** Every environment variable the configuration reads (each documented in `.env.example`). */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(envSchema.shape);

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** How to fix each variable, shown when it is wrong. */
const FIXES: Record<string, string> = {
  PORT: 'set PORT to a free TCP port such as 3978',
  MONGODB_URI: 'set MONGODB_URI to a MongoDB connection string (mongodb://host:27017) or leave it empty to use SQLite',
  MONGODB_DB: 'use letters, digits, _ or - only',
  DEFAULT_LOCALE: `use one of ${SHIPPED_LANGUAGES.join(', ')}`,
  PSEUDONYM_SECRET: 'generate one with: node -e "console.log(require(\'crypto\').randomBytes(32).toString(\'hex\'))"',
  DATA_KEYS: 'comma-separated id:base64key, the first one current; make a key with: node -e "console.log(\'k1:\' + require(\'crypto\').randomBytes(32).toString(\'base64\'))"',
  DIRECTLINE_SECRET: 'generate one with: node -e "console.log(require(\'crypto\').randomBytes(32).toString(\'hex\'))"',
  LOCAL_DIRECTLINE: 'use on or off',
  MicrosoftAppType: 'use MultiTenant, SingleTenant or UserAssignedMSI',
  HANDOFF_HOURS: 'write days and times such as "mon-fri 09:00-12:30,13:30-17:00; sat 10:00-12:00", or "always"'
};

export interface BotAuthConfig {
  appId: string | undefined;
  appPassword: string | undefined;
  appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  tenantId: string | undefined;
}

/** The Direct Line 3.0–compatible endpoint and web chat page the server itself serves. */
export interface LocalDirectLineConfig {
  /** `LOCAL_DIRECTLINE`: serve `/`, `/v3/directline/*` and the Connector route behind them. */
  enabled: boolean;
  /** Key of the HMAC that signs Direct Line tokens. */
  secret: string;
  /** True when DIRECTLINE_SECRET was not set and the development default is used. */
  secretIsDefault: boolean;
}

/**
 * Azure Bot Service's Direct Line for the web chat page (production): the server exchanges the
 * secret for a short-lived token per visitor; the secret never reaches the browser.
 */
export interface AzureDirectLineConfig {
  secret: string;
  /** Base URL of the Direct Line 3.0 API (regional endpoints exist). */
  endpoint: string;
}

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  logLevel: string;
  dataDir: string;
  sqliteFile: string;
  mongodbUri: string | undefined;
  mongodbDb: string;
  auth: BotAuthConfig;
  defaultLanguage: (typeof SHIPPED_LANGUAGES)[number];
  timeZone: string;
  /** When caseworkers answer people who asked to talk to a person (HANDOFF_HOURS, in HANDOFF_TIME_ZONE). */
  handoffHours: OpeningHours;
  maxBodyBytes: number;
  shutdownTimeoutMs: number;
  /** Key for the HMAC that turns channel user ids into pseudonymous user keys. */
  pseudonymSecret: string;
  /** True when PSEUDONYM_SECRET was not set and the development default is used. */
  pseudonymSecretIsDefault: boolean;
  /**
   * Keys of the encryption at rest (`DATA_KEYS`), the first one current; the published
   * development key when not set (refused in production).
   */
  dataKeys: DataKey[];
  directLine: LocalDirectLineConfig;
  /** Set when the page should use Azure's Direct Line instead of the local one. */
  azureDirectLine: AzureDirectLineConfig | undefined;
  /** Absolute URL people use to reach this server (links in messages); default http://localhost:PORT. */
  publicBaseUrl: string;
  /** How long a link to a printable skills profile works, in days. */
  profileLinkDays: number;
  /**
   * The console's sessions: idle and absolute expiry, whether the cookie is `Secure` (on behind
   * HTTPS: `auto` follows PUBLIC_BASE_URL), failed sign-ins allowed per address and per e-mail in 15 minutes.
   */
  console: { idleMs: number; absoluteMs: number; secureCookie: boolean; signInAttempts: number };
  /**
   * Retention (docs/privacy.md): `days` overrides the privacy notice's period when set (the
   * notice then states this one); `transientHours` is how long the conversation of a person
   * whose data may not be kept lives; the sweep runs every `sweepMinutes`.
   */
  retention: { days: number | undefined; transientHours: number; sweepMinutes: number };
  /** How long a link to a person's data export works, in days. */
  exportLinkDays: number;
  /** Outgoing e-mail to partners; undefined when SMTP_URL is not set (no e-mail is sent). */
  smtp: { url: string; from: string } | undefined;
  /** The outbox worker: how often it looks, how many attempts before dead letter, back-off. */
  outbox: { pollMs: number; maxAttempts: number; retryBaseMs: number; retryMaxMs: number };
  webhookTimeoutMs: number;
  /** Partners' webhook signing secrets, by variable name (`PARTNER_<NAME>_SECRET`, ≥ 32 characters). */
  partnerSecrets: Record<string, string>;
  contentDir: string;
  localesDir: string;
  /** Each language's words for understanding free answers (`<dir>/<lang>/understanding.json`). */
  lexiconsDir: string;
}

const DEVELOPMENT_PSEUDONYM_SECRET = 'passerelle-development-only-secret-do-not-use-in-production';
const DEVELOPMENT_DIRECTLINE_SECRET = 'passerelle-development-only-directline-secret-not-for-production';
/** Every secret value published in this repository (development defaults): refused in production. */
export const PUBLISHED_DEFAULTS: readonly string[] = [DEVELOPMENT_PSEUDONYM_SECRET, DEVELOPMENT_DIRECTLINE_SECRET];

/**
 * Reads and validates the configuration from environment variables (every one is documented in
 * `.env.example`). Pure: the environment is a parameter. Throws `ConfigError` naming each bad
 * variable and how to fix it.
 */
export function readConfig(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? '?');
        const fix = FIXES[name];
        return `${name}: ${issue.message}${fix ? ` (${fix})` : ''}`;
      })
    );
  }
  const e = parsed.data;
  const problems: string[] = [];
  if (e.MicrosoftAppId && !e.MicrosoftAppPassword && e.MicrosoftAppType !== 'UserAssignedMSI') {
    problems.push('MicrosoftAppPassword: required when MicrosoftAppId is set (the bot registration\'s client secret)');
  }
  if (e.MicrosoftAppType === 'SingleTenant' && e.MicrosoftAppId && !e.MicrosoftAppTenantId) {
    problems.push('MicrosoftAppTenantId: required when MicrosoftAppType is SingleTenant');
  }
  if (e.NODE_ENV === 'production') {
    if (!e.MicrosoftAppId) {
      problems.push('MicrosoftAppId: required in production (without it /api/messages accepts unauthenticated requests)');
    }
    if (!e.PSEUDONYM_SECRET) {
      problems.push(`PSEUDONYM_SECRET: required in production (${FIXES.PSEUDONYM_SECRET})`);
    }
    // The development defaults are published in this repository: set explicitly, they are no secret.
    for (const [name, value] of Object.entries(env)) {
      if (typeof value === 'string' && PUBLISHED_DEFAULTS.includes(value.trim())) {
        problems.push(`${name}: the published development default cannot be used in production (${FIXES.PSEUDONYM_SECRET})`);
      }
    }
    if (!e.DATA_KEYS) problems.push(`DATA_KEYS: required in production (${FIXES.DATA_KEYS})`);
    if (e.LOCAL_DIRECTLINE && !e.DIRECTLINE_SECRET) {
      problems.push(
        `DIRECTLINE_SECRET: required in production while LOCAL_DIRECTLINE is on (${FIXES.DIRECTLINE_SECRET}), or set LOCAL_DIRECTLINE=off to use Azure Bot Service's Direct Line only`
      );
    }
  }
  let dataKeys: DataKey[] = [];
  try {
    dataKeys = parseDataKeys(e.DATA_KEYS ?? DEVELOPMENT_DATA_KEYS);
  } catch (err) {
    problems.push(`DATA_KEYS: ${(err as Error).message} (${FIXES.DATA_KEYS})`);
  }
  if (e.NODE_ENV === 'production' && e.DATA_KEYS) {
    const published = parseDataKeys(DEVELOPMENT_DATA_KEYS)[0]!.key;
    if (dataKeys.some((k) => k.key.equals(published))) problems.push(`DATA_KEYS: the published development key cannot be used in production (${FIXES.DATA_KEYS})`);
  }
  if (e.SMTP_URL && !e.SMTP_FROM) problems.push('SMTP_FROM: required when SMTP_URL is set (the address partner e-mails come from)');
  const partnerSecrets: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (!/^PARTNER_[A-Z0-9_]+_SECRET$/.test(name) || typeof value !== 'string' || value.trim() === '') continue;
    if (value.length < 32) problems.push(`${name}: must be at least 32 characters (${FIXES.PSEUDONYM_SECRET})`);
    else partnerSecrets[name] = value;
  }
  let handoffHours: OpeningHours | undefined;
  try {
    handoffHours = parseOpeningHours(e.HANDOFF_HOURS, e.HANDOFF_TIME_ZONE ?? e.TIME_ZONE);
  } catch (err) {
    if (!(err instanceof OpeningHoursError)) throw err;
    problems.push(`HANDOFF_HOURS: ${err.message} (${FIXES.HANDOFF_HOURS})`);
  }
  if (problems.length > 0 || !handoffHours) throw new ConfigError(problems);

  const dataDir = path.resolve(cwd, e.DATA_DIR);
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    dataDir,
    sqliteFile: path.join(dataDir, 'passerelle.sqlite'),
    mongodbUri: e.MONGODB_URI,
    mongodbDb: e.MONGODB_DB,
    auth: {
      appId: e.MicrosoftAppId,
      appPassword: e.MicrosoftAppPassword,
      appType: e.MicrosoftAppType,
      tenantId: e.MicrosoftAppTenantId
    },
    defaultLanguage: e.DEFAULT_LOCALE,
    timeZone: e.TIME_ZONE,
    handoffHours,
    maxBodyBytes: e.MAX_BODY_BYTES,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    pseudonymSecret: e.PSEUDONYM_SECRET ?? DEVELOPMENT_PSEUDONYM_SECRET,
    pseudonymSecretIsDefault: !e.PSEUDONYM_SECRET,
    dataKeys,
    directLine: {
      enabled: e.LOCAL_DIRECTLINE,
      secret: e.DIRECTLINE_SECRET ?? DEVELOPMENT_DIRECTLINE_SECRET,
      secretIsDefault: !e.DIRECTLINE_SECRET
    },
    azureDirectLine: e.AZURE_DIRECTLINE_SECRET
      ? { secret: e.AZURE_DIRECTLINE_SECRET, endpoint: e.AZURE_DIRECTLINE_ENDPOINT.replace(/\/+$/, '') }
      : undefined,
    publicBaseUrl: (e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    profileLinkDays: e.PROFILE_LINK_DAYS,
    console: {
      idleMs: e.CONSOLE_IDLE_MINUTES * 60_000,
      absoluteMs: e.CONSOLE_SESSION_HOURS * 3_600_000,
      secureCookie: e.CONSOLE_SECURE_COOKIE === 'on' || (e.CONSOLE_SECURE_COOKIE === 'auto' && /^https:/.test(e.PUBLIC_BASE_URL ?? '')),
      signInAttempts: e.CONSOLE_SIGNIN_ATTEMPTS
    },
    retention: { days: e.RETENTION_DAYS, transientHours: e.TRANSIENT_KEEP_HOURS, sweepMinutes: e.RETENTION_SWEEP_MINUTES },
    exportLinkDays: e.DATA_EXPORT_LINK_DAYS,
    smtp: e.SMTP_URL ? { url: e.SMTP_URL, from: e.SMTP_FROM! } : undefined,
    outbox: { pollMs: e.OUTBOX_POLL_MS, maxAttempts: e.OUTBOX_MAX_ATTEMPTS, retryBaseMs: e.OUTBOX_RETRY_BASE_MS, retryMaxMs: e.OUTBOX_RETRY_MAX_MS },
    webhookTimeoutMs: e.WEBHOOK_TIMEOUT_MS,
    partnerSecrets,
    contentDir: path.resolve(cwd, e.CONTENT_DIR),
    localesDir: path.resolve(cwd, e.LOCALES_DIR),
    lexiconsDir: path.resolve(cwd, e.LEXICONS_DIR)
  };
}
