import path from 'node:path';
import { ConfigError, readConfig } from '../src/config';
import { DEVELOPMENT_DATA_KEYS } from '../src/storage';

const PRODUCTION_KEYS = `k1:${Buffer.alloc(32, 7).toString('base64')}`;

describe('readConfig', () => {
  it('gives working defaults for local use (SQLite under ./data, port 3978, French)', () => {
    const config = readConfig({}, '/srv/app');
    expect(config.port).toBe(3978);
    expect(config.mongodbUri).toBeUndefined();
    expect(config.sqliteFile).toBe(path.join('/srv/app', 'data', 'passerelle.sqlite'));
    expect(config.defaultLanguage).toBe('fr');
    expect(config.auth.appId).toBeUndefined();
    expect(config.pseudonymSecretIsDefault).toBe(true);
  });

  it('reads the opening hours of "talk to a person" in their own time zone, else TIME_ZONE', () => {
    expect(readConfig({}, '/srv').handoffHours).toMatchObject({ timeZone: 'Europe/Paris', always: false });
    expect(readConfig({}, '/srv').handoffHours.days.map((d) => d.length)).toEqual([1, 1, 1, 1, 1, 0, 0]);
    expect(readConfig({ TIME_ZONE: 'Europe/Lisbon', HANDOFF_HOURS: 'always' }, '/srv').handoffHours).toMatchObject({ timeZone: 'Europe/Lisbon', always: true });
    expect(readConfig({ HANDOFF_TIME_ZONE: 'Europe/Bucharest' }, '/srv').handoffHours.timeZone).toBe('Europe/Bucharest');
  });

  it('treats empty variables as unset', () => {
    const config = readConfig({ MONGODB_URI: '', MicrosoftAppId: '  ', PORT: '' }, '/srv');
    expect(config.mongodbUri).toBeUndefined();
    expect(config.auth.appId).toBeUndefined();
    expect(config.port).toBe(3978);
  });

  it.each([
    [{ PORT: 'abc' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ MONGODB_URI: 'http://db' }, /MONGODB_URI: must start with mongodb:\/\//],
    [{ DEFAULT_LOCALE: 'xx' }, /DEFAULT_LOCALE.*use one of fr, en, de, nl, pt, ro, ar, fa, ps, ckb, so, ti, tr, uk/],
    [{ TIME_ZONE: 'Mars/Olympus' }, /TIME_ZONE: must be an IANA time zone/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ MicrosoftAppId: 'abc' }, /MicrosoftAppPassword: required when MicrosoftAppId is set/],
    [{ MicrosoftAppId: 'a', MicrosoftAppPassword: 'b', MicrosoftAppType: 'SingleTenant' }, /MicrosoftAppTenantId/],
    [{ PSEUDONYM_SECRET: 'short' }, /PSEUDONYM_SECRET: must be at least 32 characters \(generate one with/],
    [{ HANDOFF_HOURS: 'weekdays 9 to 5' }, /HANDOFF_HOURS: "weekdays 9 to 5": write days then times[\s\S]*mon-fri 09:00-12:30/],
    [{ HANDOFF_HOURS: 'mon-fri 17:00-09:00' }, /HANDOFF_HOURS: "mon-fri 17:00-09:00": "17:00-09:00" ends before it starts/],
    [{ HANDOFF_TIME_ZONE: 'Europe/Atlantis' }, /HANDOFF_TIME_ZONE: must be an IANA time zone/]
  ])('rejects %j naming the variable and the fix', (env, message) => {
    expect(() => readConfig(env)).toThrow(ConfigError);
    expect(() => readConfig(env)).toThrow(message);
  });

  it('refuses to start in production without authentication and a pseudonym secret', () => {
    let error: unknown;
    try {
      readConfig({ NODE_ENV: 'production' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/MicrosoftAppId: required in production/);
    expect(problems).toMatch(/PSEUDONYM_SECRET: required in production/);
    expect(problems).toMatch(/DATA_KEYS: required in production/);
  });

  it('refuses in production the development defaults published in this repository, even set explicitly', () => {
    const complete = {
      NODE_ENV: 'production',
      MicrosoftAppId: 'app',
      MicrosoftAppPassword: 'secret',
      PSEUDONYM_SECRET: 'x'.repeat(40),
      DIRECTLINE_SECRET: 'd'.repeat(40),
      DATA_KEYS: PRODUCTION_KEYS
    };
    const problemsOf = (env: Record<string, string>): string => {
      try {
        readConfig(env);
        return '';
      } catch (err) {
        return (err as ConfigError).problems.join('\n');
      }
    };
    expect(problemsOf(complete)).toBe('');
    expect(problemsOf({ ...complete, PSEUDONYM_SECRET: 'passerelle-development-only-secret-do-not-use-in-production' })).toMatch(/PSEUDONYM_SECRET: the published development default cannot be used in production/);
    expect(problemsOf({ ...complete, DIRECTLINE_SECRET: 'passerelle-development-only-directline-secret-not-for-production' })).toMatch(/DIRECTLINE_SECRET: the published development default cannot be used in production/);
    expect(problemsOf({ ...complete, PARTNER_FR_COORDINATOR_SECRET: 'passerelle-development-only-secret-do-not-use-in-production' })).toMatch(/PARTNER_FR_COORDINATOR_SECRET: the published development default/);
    expect(problemsOf({ ...complete, DATA_KEYS: DEVELOPMENT_DATA_KEYS })).toMatch(/DATA_KEYS: the published development key cannot be used in production/);
    // The development key stays refused when it is only kept to read old values.
    expect(problemsOf({ ...complete, DATA_KEYS: `${PRODUCTION_KEYS},${DEVELOPMENT_DATA_KEYS}` })).toMatch(/DATA_KEYS: the published development key/);
    // Outside production the defaults are used, and said to be.
    expect(readConfig({}).dataKeys.map((k) => k.id)).toEqual(['dev']);
  });

  it('reads DATA_KEYS: the first key current, the others kept to read; malformed keys are refused', () => {
    const second = `k2:${Buffer.alloc(32, 9).toString('base64')}`;
    expect(readConfig({ DATA_KEYS: `${second},${PRODUCTION_KEYS}` }).dataKeys.map((k) => k.id)).toEqual(['k2', 'k1']);
    expect(() => readConfig({ DATA_KEYS: 'k1:c2hvcnQ=' })).toThrow(/DATA_KEYS: the key "k1" must be 32 bytes/);
    expect(() => readConfig({ DATA_KEYS: `${PRODUCTION_KEYS},${PRODUCTION_KEYS}` })).toThrow(/DATA_KEYS: two keys have the same id/);
    expect(() => readConfig({ DATA_KEYS: 'no key here' })).toThrow(/DATA_KEYS: each key must be written id:base64key/);
  });

  it('accepts a complete production configuration', () => {
    const config = readConfig({
      NODE_ENV: 'production',
      MicrosoftAppId: 'app',
      MicrosoftAppPassword: 'secret',
      PSEUDONYM_SECRET: 'x'.repeat(40),
      DIRECTLINE_SECRET: 'd'.repeat(40),
      DATA_KEYS: PRODUCTION_KEYS,
      MONGODB_URI: 'mongodb+srv://cluster.example/db'
    });
    expect(config.env).toBe('production');
    expect(config.mongodbUri).toBe('mongodb+srv://cluster.example/db');
    expect(config.pseudonymSecretIsDefault).toBe(false);
    expect(config.directLine).toEqual({ enabled: true, secret: 'd'.repeat(40), secretIsDefault: false });
  });
});

describe('local Direct Line settings', () => {
  it('is on by default, with a development secret', () => {
    const config = readConfig({}, '/srv');
    expect(config.directLine.enabled).toBe(true);
    expect(config.directLine.secretIsDefault).toBe(true);
    expect(config.directLine.secret.length).toBeGreaterThanOrEqual(32);
    expect(config.directLine.secret).not.toBe(config.pseudonymSecret);
  });

  it.each([
    ['off', false],
    ['OFF', false],
    ['false', false],
    ['0', false],
    ['on', true],
    ['true', true],
    ['1', true],
    ['', true]
  ])('LOCAL_DIRECTLINE=%j → %s', (value, enabled) => {
    expect(readConfig({ LOCAL_DIRECTLINE: value }, '/srv').directLine.enabled).toBe(enabled);
  });

  it.each([
    [{ LOCAL_DIRECTLINE: 'maybe' }, /LOCAL_DIRECTLINE.*\(use on or off\)/],
    [{ DIRECTLINE_SECRET: 'short' }, /DIRECTLINE_SECRET: must be at least 32 characters/]
  ])('rejects %j', (env, message) => {
    expect(() => readConfig(env)).toThrow(message);
  });

  const production = { NODE_ENV: 'production', MicrosoftAppId: 'app', MicrosoftAppPassword: 'secret', PSEUDONYM_SECRET: 'x'.repeat(40), DATA_KEYS: PRODUCTION_KEYS };

  it('requires DIRECTLINE_SECRET in production while the local Direct Line is on', () => {
    expect(() => readConfig(production)).toThrow(/DIRECTLINE_SECRET: required in production while LOCAL_DIRECTLINE is on .*or set LOCAL_DIRECTLINE=off/);
  });

  it('does not require it in production when the local Direct Line is off', () => {
    const config = readConfig({ ...production, LOCAL_DIRECTLINE: 'off' });
    expect(config.directLine.enabled).toBe(false);
  });
});
