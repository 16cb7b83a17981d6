import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { ConfigurationBotFrameworkAuthentication, ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import type { Server } from 'restify';
import type { Config } from './config';
import { SHIPPED_LANGUAGES } from './config';
import type { Logger } from './logger';
import { loadContent, type Content } from './content';
import { Localizer } from './i18n';
import { loadLexicons, TrainingQueryParser, warmUpLanguage } from './understanding';
import { openStorage, type StorageBundle } from './storage';
import { PseudonymousConversationState, turnIdOf, userKeyOf } from './bot/pseudonymousState';
import { createDialogs } from './bot/createDialogs';
import { People } from './conversation';
import { PasserelleBot } from './bot/passerelleBot';
import { createTurnErrorHandler } from './bot/turnErrorHandler';
import { ChannelRenderingMiddleware } from './channels/rendering/channelRenderingMiddleware';
import { ProactiveMessenger } from './channels/proactiveMessenger';
import { systemClock, type Clock } from './services/clock';
import { ConsentService } from './services/consentService';
import { ConversationReferenceService } from './services/conversationReferenceService';
import { ProfileService } from './services/profileService';
import { EligibilityService } from './services/eligibilityService';
import { AssessmentService } from './services/assessmentService';
import { TrainingService } from './services/trainingService';
import { PartnerKeyService } from './services/partnerKeyService';
import { REFERRAL_MESSAGE_KINDS, ReferralService } from './services/referralService';
import { EmailDeliverer, OutboxWorker, WebhookDeliverer } from './outbox';
import { PersonMessageDeliverer } from './channels/personMessageDeliverer';
import { referralNotice, type PersonMessagePayload } from './bot/referralNotices';
import { addPartnerApiRoutes } from './server/partnerApiRoutes';
import { createServer, InFlightRequests } from './server/createServer';
import { createMessagesHandler } from './channels/botframework/messagesRoute';
import { createEligibilityHandler } from './server/eligibilityRoute';
import { addHealthRoutes } from './server/healthRoutes';
import { addProfileRoutes } from './server/profileRoutes';
import { TurnQueue } from './channels/botframework/turnQueue';
import { ConversationLeases } from './channels/botframework/conversationLeases';
import { CachedConnectorsAuthentication } from './channels/botframework/cachedConnectors';
import { PasserelleAdapter } from './channels/botframework/passerelleAdapter';
import { TurnRunner } from './channels/botframework/turnRunner';
import { DIRECTLINE_PATH, LocalConnectorAuth, LocalConnectorCredentialsFactory, LocalDirectLine } from './channels/directline';
import { addWebChatRoutes } from './channels/webchat';
import { addAzureDirectLineTokenRoute, AZURE_TOKEN_PATH } from './channels/webchat/azureDirectLineToken';

export interface App {
  readonly server: Server;
  readonly storage: StorageBundle;
  readonly content: Content;
  readonly localizer: Localizer;
  /** Sends messages to people outside of their turns (any channel, from a conversation reference). */
  readonly proactive: ProactiveMessenger;
  /** The server's own Direct Line and web chat page (`LOCAL_DIRECTLINE`); undefined when off. */
  readonly directLine: LocalDirectLine | undefined;
  /** Referrals: the chat, the partner API and the console act through it. */
  readonly referrals: ReferralService;
  /** Partners' API keys (the `partner:key` command uses the same service). */
  readonly partnerKeys: PartnerKeyService;
  /** Delivers the outbox (started by `listen`, stopped by `close`). */
  readonly outboxWorker: OutboxWorker;
  /** Starts listening on the configured host and port; resolves with the bound address. */
  listen(): Promise<AddressInfo>;
  /**
   * Graceful stop: refuses new connections, lets turns in flight finish (up to
   * SHUTDOWN_TIMEOUT_MS), then closes the database. Idempotent.
   */
  close(): Promise<void>;
}

/** How long the server must have had no request before a step of the recognizers' warm-up runs. */
const WARM_UP_QUIET_MS = 1000;

export interface AppOptions {
  logger: Logger;
  clock?: Clock;
  /**
   * Compile a language's recognizers in the background after the first turn in that language
   * (default true; tests turn it off: the models are then compiled on first use).
   */
  warmUpRecognizers?: boolean;
  /** Start the outbox worker when listening (default true; tests may drive it with `runOnce`). */
  startOutboxWorker?: boolean;
  /** For tests: how webhooks are sent (default: the global fetch). */
  fetch?: typeof fetch;
}

/**
 * The composition root: content → locales → storage → Bot Framework adapter → state →
 * services → dialogs (built by the bot layer's `createDialogs`) → bot → HTTP routes, top to
 * bottom. Returns a finished, ready object.
 */
export async function createApp(config: Config, options: AppOptions): Promise<App> {
  const { logger } = options;
  const clock = options.clock ?? systemClock;

  const content = loadContent(config.contentDir);
  const localizer = Localizer.load(config.localesDir, SHIPPED_LANGUAGES, config.defaultLanguage);
  const lexicons = loadLexicons(config.lexiconsDir);

  const storage = await openStorage({
    mongodbUri: config.mongodbUri,
    mongodbDb: config.mongodbDb,
    sqliteFile: config.sqliteFile
  });
  logger.info({ storage: storage.kind, rulesVersion: content.eligibilityRules.version }, 'storage ready');
  if (content.trainings.sample) {
    logger.warn('content/trainings.json holds SAMPLE trainings: an administrator must replace them (docs/training-catalogue.md)');
  }

  const authOptions = {
    MicrosoftAppId: config.auth.appId ?? '',
    MicrosoftAppPassword: config.auth.appPassword ?? '',
    MicrosoftAppType: config.auth.appType,
    MicrosoftAppTenantId: config.auth.tenantId ?? ''
  };
  // Replies to the local Direct Line's conversations are signed with a per-process secret.
  const localConnector = new LocalConnectorAuth();
  // One Connector client per bot app id, serviceUrl and audience, not one per turn.
  const auth = new CachedConnectorsAuthentication(
    new ConfigurationBotFrameworkAuthentication(
      authOptions,
      new LocalConnectorCredentialsFactory(new ConfigurationServiceClientCredentialFactory(authOptions), localConnector)
    )
  );
  const adapter = new PasserelleAdapter(auth);
  adapter.use(new ChannelRenderingMiddleware());

  const conversationState = new PseudonymousConversationState(storage.botState, config.pseudonymSecret);

  const consent = new ConsentService(storage.consents, content.privacyNotice, clock);
  const people = new People({ consent, profiles: new ProfileService(storage.profiles) });
  const eligibility = new EligibilityService(content, storage.eligibilityChecks, clock, config.timeZone);
  const assessment = new AssessmentService(content, storage.assessments, storage.profileLinks, clock, {
    timeZone: config.timeZone,
    linkValidityDays: config.profileLinkDays
  });
  const trainings = new TrainingService(content, storage.trainingInterests, clock, config.timeZone);
  const references = new ConversationReferenceService(storage.conversationReferences);
  const referrals = new ReferralService({
    referrals: storage.referrals,
    partners: content.partners,
    clock,
    emailEnabled: config.smtp !== undefined,
    trainingPartners: new Map(content.trainings.trainings.map((t) => [t.id, t.partnerId]))
  });
  const partnerKeys = new PartnerKeyService(storage.partnerApiKeys, clock);
  warnAboutPartners(config, content, logger);

  const dialogs = createDialogs({
    localizer,
    lexicons,
    people,
    consent,
    eligibility,
    assessment,
    trainings,
    trainingQueries: new TrainingQueryParser((lang, key) => (localizer.has(lang, key) ? localizer.list(lang, key) : []), lexicons),
    referrals,
    references,
    clock,
    publicBaseUrl: config.publicBaseUrl
  });
  const inFlight = new InFlightRequests();
  const bot = new PasserelleBot({
    conversationState,
    localizer,
    people,
    references,
    userKeyOf: (context) => userKeyOf(config.pseudonymSecret, context),
    turnIdOf: (context) => turnIdOf(config.pseudonymSecret, context),
    clock,
    mainDialog: dialogs.main,
    languageDialog: dialogs.language,
    myReferralsDialog: dialogs.myReferrals,
    infoAnswerDialog: dialogs.infoAnswer,
    // Each language's recognizers are compiled once, after the first turn in it, not at start:
    // start-up never blocks on them, and a language nobody speaks costs neither time nor memory.
    // Each step (up to seconds of blocked event loop) waits until no request has come for a
    // second: a block while a client is about to reuse its keep-alive connection can outlast the
    // server's keep-alive timeout, which then closes the connection under the new request.
    languageUsed:
      options.warmUpRecognizers === false
        ? undefined
        : (lang) =>
            void warmUpLanguage(lang, () => inFlight.whenQuiet(WARM_UP_QUIET_MS)).catch((err: Error) =>
              logger.warn({ err: { name: err.name, message: err.message } }, 'recognizer warm-up failed')
            )
  });
  adapter.onTurnError = createTurnErrorHandler({ logger, localizer, conversationState });

  let shuttingDown = false;
  const server = createServer({ logger, maxBodyBytes: config.maxBodyBytes, inFlight });
  // This instance in the leases it takes: its host and, once it listens, its port (stable across restarts).
  let instance = `${os.hostname()}:pid-${process.pid}`;
  const queue = new TurnQueue(new ConversationLeases({ leases: storage.leases, holder: () => instance, logger }));
  const botAppId = config.auth.appId ?? '';
  const turns = new TurnRunner({ adapter, bot, queue, pseudonymSecret: config.pseudonymSecret, botAppId, logger });
  server.post('/api/messages', createMessagesHandler({ turns, logger }));
  const directLine = config.directLine.enabled
    ? LocalDirectLine.mount(server, {
        storage: storage.botState,
        secret: config.directLine.secret,
        connector: localConnector,
        runTurn: (activity) => turns.runTrusted(activity),
        bot: { id: botAppId || 'passerelle', name: 'Passerelle', role: 'bot' },
        logger,
        leases: storage.leases
      })
    : undefined;
  // The web chat page: Azure's Direct Line when its secret is set (production), else the local one.
  if (config.azureDirectLine) {
    addAzureDirectLineTokenRoute(server, { azure: config.azureDirectLine, logger });
    addWebChatRoutes(server, {
      localesDir: config.localesDir,
      defaultLanguage: config.defaultLanguage,
      directLine: { tokenUrl: AZURE_TOKEN_PATH, domain: config.azureDirectLine.endpoint }
    });
  } else if (directLine) {
    addWebChatRoutes(server, {
      localesDir: config.localesDir,
      defaultLanguage: config.defaultLanguage,
      directLine: { tokenUrl: `${DIRECTLINE_PATH}/tokens/generate`, domain: DIRECTLINE_PATH }
    });
  }
  const proactive = new ProactiveMessenger({ adapter, botAppId, queue, pseudonymSecret: config.pseudonymSecret });
  const partner = (id: string) => referrals.partner(id);
  const email = config.smtp ? new EmailDeliverer({ smtp: config.smtp, partner, localizer, publicBaseUrl: config.publicBaseUrl }) : undefined;
  const outboxWorker = new OutboxWorker({
    outbox: storage.outbox,
    logger: logger.child({ module: 'outbox' }),
    clock,
    options: { ...config.outbox, leaseMs: config.webhookTimeoutMs + 30_000, batchSize: 20 },
    deliverers: {
      [REFERRAL_MESSAGE_KINDS.partnerWebhook]: new WebhookDeliverer({ partner, secrets: config.partnerSecrets, timeoutMs: config.webhookTimeoutMs, clock, fetch: options.fetch }),
      ...(email ? { [REFERRAL_MESSAGE_KINDS.partnerEmail]: email } : {}),
      [REFERRAL_MESSAGE_KINDS.personMessage]: new PersonMessageDeliverer({
        references,
        proactive,
        notice: (message) => referralNotice(message.payload as unknown as PersonMessagePayload, referrals),
        notify: (context, notice) => bot.notify(context, notice)
      })
    }
  });
  server.post('/api/eligibility', createEligibilityHandler({ eligibility, localizer }));
  addProfileRoutes(server, { assessment, localizer });
  addPartnerApiRoutes(server, { referrals, keys: partnerKeys });
  addHealthRoutes(server, { storage, rulesVersion: content.eligibilityRules.version, isShuttingDown: () => shuttingDown, clock });

  let closing: Promise<void> | undefined;
  return {
    server,
    storage,
    content,
    localizer,
    proactive,
    directLine,
    referrals,
    partnerKeys,
    outboxWorker,
    listen: async () => {
      await new Promise<void>((resolve, reject) => {
        server.server.once('error', reject);
        server.listen(config.port, config.host, () => {
          server.server.off('error', reject);
          resolve();
        });
      });
      const address = server.address() as AddressInfo;
      instance = `${os.hostname()}:${address.port}`;
      if (directLine) {
        directLine.bind(address);
        // One instance per database serves the local Direct Line (its live delivery is in memory).
        await directLine.claim(instance);
      }
      if (options.startOutboxWorker !== false) outboxWorker.start();
      return address;
    },
    close: () => {
      closing ??= (async () => {
        shuttingDown = true;
        await outboxWorker.stop();
        email?.close();
        // Web chat turns in flight reply through this server: let them finish before it stops listening.
        await directLine?.close(config.shutdownTimeoutMs);
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

/**
 * Says at start what is missing for partners to receive their referrals: sample partners, a
 * webhook without its signing secret (in production that stops the start), no SMTP.
 */
function warnAboutPartners(config: Config, content: Content, logger: Logger): void {
  if (content.partners.sample) {
    logger.warn('content/partners.json holds SAMPLE partners: an administrator must replace them (docs/partners.md)');
  }
  const missing = content.partners.partners
    .filter((p) => p.delivery.webhookUrl && p.delivery.signingSecretEnv && !config.partnerSecrets[p.delivery.signingSecretEnv])
    .map((p) => `${p.delivery.signingSecretEnv} (partner ${p.id})`);
  if (missing.length > 0) {
    const message = `partner webhooks need their signing secrets: set ${missing.join(', ')} (at least 32 characters)`;
    if (config.env === 'production') throw new Error(message);
    logger.warn(`${message}; until then their webhooks wait in the outbox`);
  }
  if (!config.smtp && content.partners.partners.some((p) => p.delivery.email)) {
    logger.warn('SMTP_URL is not set: partners get no e-mail (webhooks and the partner API still work)');
  }
}
