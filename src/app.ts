import type { AddressInfo } from 'node:net';
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { Server } from 'restify';
import type { Config } from './config';
import { SHIPPED_LANGUAGES } from './config';
import type { Logger } from './logger';
import { loadContent, type Content } from './content';
import { Localizer } from './i18n';
import { loadLexicons, warmUp } from './understanding';
import { openStorage, type StorageBundle } from './storage';
import { PseudonymousConversationState, PseudonymousUserState, userKeyOf } from './bot/pseudonymousState';
import { PasserelleBot } from './bot/passerelleBot';
import { createTurnErrorHandler } from './bot/turnErrorHandler';
import type { UserData } from './bot/userData';
import { systemClock, type Clock } from './services/clock';
import { ConsentService } from './services/consentService';
import { EligibilityService } from './services/eligibilityService';
import { LanguageDialog, MainDialog, LANGUAGE_DIALOG, MAIN_DIALOG, type DialogDeps } from '../dialogs';
import { createServer, InFlightRequests } from './server/createServer';
import { createMessagesHandler } from './server/messagesRoute';
import { createEligibilityHandler } from './server/eligibilityRoute';
import { addHealthRoutes } from './server/healthRoutes';
import { TurnQueue } from './server/turnQueue';
import { PasserelleAdapter } from './server/passerelleAdapter';

export interface App {
  readonly server: Server;
  readonly storage: StorageBundle;
  readonly content: Content;
  readonly localizer: Localizer;
  /** Starts listening on the configured host and port; resolves with the bound address. */
  listen(): Promise<AddressInfo>;
  /**
   * Graceful stop: refuses new connections, lets turns in flight finish (up to
   * SHUTDOWN_TIMEOUT_MS), then closes the database. Idempotent.
   */
  close(): Promise<void>;
}

export interface AppOptions {
  logger: Logger;
  clock?: Clock;
  /** Compile the recognizers in the background after start (default true; tests turn it off). */
  warmUpRecognizers?: boolean;
}

/**
 * The composition root: content → locales → storage → Bot Framework adapter → state →
 * services → dialogs → bot → HTTP routes, top to bottom. Returns a finished, ready object.
 */
export async function createApp(config: Config, options: AppOptions): Promise<App> {
  const { logger } = options;
  const clock = options.clock ?? systemClock;

  const content = loadContent(config.contentDir);
  const localizer = Localizer.load(config.localesDir, SHIPPED_LANGUAGES, config.defaultLanguage);
  const lexicons = loadLexicons(config.localesDir);

  const storage = await openStorage({
    mongodbUri: config.mongodbUri,
    mongodbDb: config.mongodbDb,
    sqliteFile: config.sqliteFile
  });
  logger.info({ storage: storage.kind, rulesVersion: content.eligibilityRules.version }, 'storage ready');

  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.auth.appId ?? '',
    MicrosoftAppPassword: config.auth.appPassword ?? '',
    MicrosoftAppType: config.auth.appType,
    MicrosoftAppTenantId: config.auth.tenantId ?? ''
  });
  const adapter = new PasserelleAdapter(auth);

  const conversationState = new PseudonymousConversationState(storage.botState, config.pseudonymSecret);
  const userState = new PseudonymousUserState(storage.botState, config.pseudonymSecret);
  const userData = userState.createProperty<UserData>('user');

  const consent = new ConsentService(storage.consents, storage.profiles, clock);
  const eligibility = new EligibilityService(content, storage.eligibilityChecks, clock, config.timeZone);

  const dialogDeps: DialogDeps = {
    localizer,
    lexicons,
    userData,
    userKeyOf: (context) => userKeyOf(config.pseudonymSecret, context),
    consent,
    eligibility,
    privacyNotice: content.privacyNotice
  };
  const bot = new PasserelleBot({
    conversationState,
    userState,
    userData,
    localizer,
    mainDialog: new MainDialog(dialogDeps),
    mainDialogId: MAIN_DIALOG,
    languageDialog: new LanguageDialog(dialogDeps),
    languageDialogId: LANGUAGE_DIALOG
  });
  adapter.onTurnError = createTurnErrorHandler({ logger, localizer, conversationState });

  const inFlight = new InFlightRequests();
  let shuttingDown = false;
  const server = createServer({ logger, maxBodyBytes: config.maxBodyBytes, inFlight });
  server.post(
    '/api/messages',
    createMessagesHandler({ adapter, bot, queue: new TurnQueue(), pseudonymSecret: config.pseudonymSecret, logger })
  );
  server.post('/api/eligibility', createEligibilityHandler({ eligibility, localizer }));
  addHealthRoutes(server, { storage, rulesVersion: content.eligibilityRules.version, isShuttingDown: () => shuttingDown });

  let closing: Promise<void> | undefined;
  return {
    server,
    storage,
    content,
    localizer,
    listen: () =>
      new Promise<AddressInfo>((resolve, reject) => {
        server.server.once('error', reject);
        server.listen(config.port, config.host, () => {
          server.server.off('error', reject);
          // Load the heavy recognizers after start-up, off the first person's turn.
          if (options.warmUpRecognizers !== false) {
            void warmUp(localizer.languages).catch((err: Error) => logger.warn({ err: { name: err.name, message: err.message } }, 'recognizer warm-up failed'));
          }
          resolve(server.address() as AddressInfo);
        });
      }),
    close: () => {
      closing ??= (async () => {
        shuttingDown = true;
        const closed = new Promise<void>((resolve) => {
          if (!server.server.listening) return resolve();
          server.server.close(() => resolve());
        });
        server.server.closeIdleConnections();
        const idle = await inFlight.whenIdle(config.shutdownTimeoutMs);
        if (!idle) logger.warn({ inFlight: inFlight.size }, 'shutdown timeout: requests still in flight');
        server.server.closeAllConnections();
        await closed;
        await storage.close();
      })();
      return closing;
    }
  };
}
