import fs from 'node:fs';
import { createApp, type App } from './app';
import { LocalDirectLineInUseError } from './channels/directline';
import { ConfigError, readConfig } from './config';
import { createLogger } from './logger';
import { handleStopSignals } from './shutdown';

/** Entry point: configuration, logger, app, listening, and a graceful stop on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  // A .env file in the working directory, if present, fills variables not already set.
  if (fs.existsSync('.env')) process.loadEnvFile('.env');
  let config;
  try {
    config = readConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`Passerelle cannot start: ${err.message}\nSee .env.example for every setting.\n`);
      process.exit(78);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  if (config.pseudonymSecretIsDefault) {
    logger.warn('PSEUDONYM_SECRET is not set: using the development default (never do this in production)');
  }
  if (!config.auth.appId) {
    logger.warn('MicrosoftAppId is not set: /api/messages accepts requests without authentication (local mode)');
  }
  if (config.directLine.enabled && config.directLine.secretIsDefault) {
    logger.warn('DIRECTLINE_SECRET is not set: web chat tokens are signed with the development default (never do this in production)');
  }

  let app: App;
  try {
    app = await createApp(config, { logger });
  } catch (err) {
    logger.fatal({ err: { name: (err as Error).name, message: (err as Error).message } }, 'Passerelle cannot start');
    process.exit(1);
  }

  try {
    const address = await app.listen();
    logger.info({ port: address.port, host: address.address, storage: app.storage.kind }, `Passerelle listening on http://localhost:${address.port}`);
    if (app.directLine) logger.info(`Web chat: open http://localhost:${address.port}/ in a browser`);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (err instanceof LocalDirectLineInUseError) logger.fatal(`Passerelle cannot start: ${err.message}`);
    else {
      const hint = code === 'EADDRINUSE' ? `port ${config.port} is in use: stop the other program or set PORT to a free port` : (err as Error).message;
      logger.fatal({ code }, `Passerelle cannot listen: ${hint}`);
    }
    await app.close();
    process.exit(1);
  }

  handleStopSignals({ app, logger, shutdownTimeoutMs: config.shutdownTimeoutMs });
}

void main();
