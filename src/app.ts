import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import type { Server } from 'restify';
import type { Config } from './config';
import { SHIPPED_LANGUAGES } from './config';
import { describeError, type Logger } from './logger';
import { loadContent, type Content } from './content';
import { Localizer } from './i18n';
import { ConcernRecognizer, loadLexicons, loadSafetyLexicons, TrainingQueryParser, warmUpLanguage } from './understanding';
import { FieldCipher, openStorage, type StorageBundle } from './storage';
import { PseudonymousConversationState, turnIdOf, userKeyOf } from './bot/pseudonymousState';
import { createDialogs } from './bot/createDialogs';
import { People } from './conversation';
import { PasserelleBot } from './bot/passerelleBot';
import { SafetyNet } from './bot/safetyNet';
import { createTurnErrorHandler } from './bot/turnErrorHandler';
import { ChannelRenderingMiddleware } from './channels/rendering/channelRenderingMiddleware';
import { ProactiveMessenger } from './channels/proactiveMessenger';
import { systemClock, type Clock } from './services/clock';
import { ConsentService } from './services/consentService';
import { ConversationReferenceService } from './services/conversationReferenceService';
import { ConversationStartService } from './services/conversationStartService';
import { DeadLetterService } from './services/deadLetterService';
import { ReportingService } from './services/reportingService';
import { ProfileService } from './services/profileService';
import { EligibilityService } from './services/eligibilityService';
import { AssessmentService } from './services/assessmentService';
import { TrainingService } from './services/trainingService';
import { PartnerKeyService } from './services/partnerKeyService';
import { PrivacyService } from './services/privacyService';
import { ExportTokens } from './services/exportTokens';
import { RetentionSweeper } from './server/retentionSweeper';
import { addMyDataRoutes } from './server/myDataRoutes';
import { REFERRAL_MESSAGE_KINDS, ReferralService } from './services/referralService';
import { EmailDeliverer, OutboxWorker, WebhookDeliverer } from './outbox';
import { PersonMessageDeliverer } from './channels/personMessageDeliverer';
import { referralNotice, type PersonMessagePayload } from './bot/referralNotices';
import { handoffNotice } from './bot/handoffNotices';
import { handoffConversation, RecentExchange } from './bot/recentExchange';
import { HANDOFF_MESSAGE_KIND, HandoffService, type HandoffMessagePayload } from './services/handoffService';
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
import { BoundedBotFrameworkAuthentication, ServiceUrlPolicy } from './channels/botframework/serviceUrlPolicy';
import { RateLimits } from './server/rateLimits';
import { addMetricsRoute, Metrics } from './server/metrics';
import { DIRECTLINE_CHANNEL_ID, DIRECTLINE_PATH, LocalConnectorAuth, LocalConnectorCredentialsFactory, LocalDirectLine } from './channels/directline';
import { addWebChatRoutes } from './channels/webchat';
import { addAzureDirectLineTokenRoute, AZURE_TOKEN_PATH } from './channels/webchat/azureDirectLineToken';
import { AccountService } from './services/accountService';
import { AuditService } from './services/auditService';
import { ConsoleSessionService } from './services/consoleSessionService';
import { mountConsole, type ConsoleMount } from './console/consoleContext';
import { addConsoleRoutes } from './console/consoleRoutes';
import { addDeadLetterPages } from './console/deadLettersPage';
import { addReportPages } from './console/reportsPage';
import { addWalkInPage } from './console/walkInPage';
import { addHandoffPages } from './console/handoffPages';
import { loadLanguageNames } from './console/languageNames';
import { addReferralPages } from './console/referralPages';
import { addAdminPages } from './console/adminPages';
import { ReferralConsoleService } from './services/referralConsoleService';

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
  /** "Talk to a person": the queue, replies and ends (the console acts through it). */
  readonly handoffs: HandoffService;
  /** Partners' API keys (the `partner:key` command uses the same service). */
  readonly partnerKeys: PartnerKeyService;
  /** Console accounts (the `user:add` command uses the same service). */
  readonly accounts: AccountService;
  /** The console mounted on the server: other modules add pages with `registerConsolePage`. */
  readonly console: ConsoleMount;
  /** Delivers the outbox (started by `listen`, stopped by `close`). */
  readonly outboxWorker: OutboxWorker;
  /** A person's rights over their data, and the retention sweep (run by `retention`). */
  readonly privacy: PrivacyService;
  /** Runs the retention sweep on schedule (started by `listen`, stopped by `close`). */
  readonly retention: RetentionSweeper;
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
  /** Run the retention sweep on schedule when listening (default true; tests call `privacy.sweep`). */
  startRetentionSweep?: boolean;
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
    sqliteFile: config.sqliteFile,
    cipher: new FieldCipher(config.dataKeys)
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
  // Local mode: replies only to plain loopback, the local Direct Line or LOCAL_SERVICE_URLS.
  const serviceUrls = config.auth.appId ? undefined : new ServiceUrlPolicy({ prefixes: config.localServiceUrls, isLocalConnector: (url) => localConnector.isLocal(url) });
  // One Connector client per bot app id, serviceUrl and audience, not one per turn; each with a
  // timeout, and only to the serviceUrls the policy accepts.
  const auth = new CachedConnectorsAuthentication(
    new BoundedBotFrameworkAuthentication(
      authOptions,
      new LocalConnectorCredentialsFactory(new ConfigurationServiceClientCredentialFactory(authOptions), localConnector),
      { timeoutMs: config.connectorTimeoutMs, policy: serviceUrls }
    )
  );
  const adapter = new PasserelleAdapter(auth);
  adapter.use(new ChannelRenderingMiddleware());

  const metrics = new Metrics();
  metrics.watchOutbox(() => storage.outbox.stats(clock()));
  const botState = metrics.timedStorage(storage.botState);
  const conversationState = new PseudonymousConversationState(botState, config.pseudonymSecret);

  // The retention period: RETENTION_DAYS when set, else the notice's; the notice states this one.
  const notice = { ...content.privacyNotice, retentionDays: config.retention.days ?? content.privacyNotice.retentionDays };
  const consent = new ConsentService(storage.consents, notice, clock);
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
    capacities: storage.partnerCapacities,
    trainingPartners: new Map(content.trainings.trainings.map((t) => [t.id, t.partnerId]))
  });
  const partnerKeys = new PartnerKeyService(storage.partnerApiKeys, clock);
  const handoffs = new HandoffService({ handoffs: storage.handoffs, consent, clock, hours: config.handoffHours });
  const recent = new RecentExchange(conversationState, clock);
  const privacy = new PrivacyService({
    storage,
    consent,
    referrals,
    clock,
    retentionDays: notice.retentionDays,
    transientHours: config.retention.transientHours,
    exportTokens: new ExportTokens(config.pseudonymSecret),
    exportLinkDays: config.exportLinkDays
  });
  const people = new People({ consent, profiles: new ProfileService(storage.profiles), privacy });
  const retention = new RetentionSweeper({ privacy, everyMs: config.retention.sweepMinutes * 60_000, logger: logger.child({ module: 'retention' }) });
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
    handoffs,
    handoffConversation: handoffConversation({ pseudonymSecret: config.pseudonymSecret, clock, recent }),
    privacy,
    clock,
    publicBaseUrl: config.publicBaseUrl
  });
  const inFlight = new InFlightRequests();
  const bot = new PasserelleBot({
    conversationState,
    localizer,
    people,
    references,
    starts: new ConversationStartService(storage.conversationStarts, clock, config.timeZone),
    userKeyOf: (context) => userKeyOf(config.pseudonymSecret, context),
    turnIdOf: (context) => turnIdOf(config.pseudonymSecret, context),
    clock,
    mainDialog: dialogs.main,
    languageDialog: dialogs.language,
    myReferralsDialog: dialogs.myReferrals,
    infoAnswerDialog: dialogs.infoAnswer,
    handoffDialog: dialogs.handoff,
    lexicons,
    recent,
    myDataDialog: dialogs.myData,
    transientUntil: () => privacy.transientUntil(),
    transcripts: {
      // Only the local Direct Line keeps transcripts: other channels' turns cost nothing here.
      retain: async (context, keepUntil): Promise<void> => {
        if (context.activity.channelId === DIRECTLINE_CHANNEL_ID) await directLine?.retainTranscript(context.activity.conversation.id, keepUntil);
      },
      forget: async (context, keepUntil): Promise<void> => {
        if (context.activity.channelId === DIRECTLINE_CHANNEL_ID) await directLine?.forgetTranscript(context.activity.conversation.id, keepUntil);
      }
    },
    safety: new SafetyNet({
      recognizer: new ConcernRecognizer(loadSafetyLexicons(config.lexiconsDir)),
      helplines: content.helplines,
      countries: content.countries,
      onConcern: (concern) => metrics.safetyAnswer(concern)
    }),
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
              logger.warn({ err: describeError(err) }, 'recognizer warm-up failed')
            )
  });
  adapter.onTurnError = createTurnErrorHandler({ logger, localizer, conversationState, onError: () => metrics.error('turn') });

  let shuttingDown = false;
  const rateLimits = new RateLimits(config.rateLimits, (limit) => metrics.refused(limit));
  const server = createServer({ logger, limits: { maxBodyBytes: config.maxBodyBytes }, inFlight, rateLimits, metrics });
  // This instance in the leases it takes: its host and, once it listens, its port (stable across restarts).
  let instance = `${os.hostname()}:pid-${process.pid}`;
  const queue = new TurnQueue(new ConversationLeases({ leases: storage.leases, holder: () => instance, logger }));
  const botAppId = config.auth.appId ?? '';
  const turns = new TurnRunner({ adapter, bot, queue, pseudonymSecret: config.pseudonymSecret, botAppId, logger, metrics });
  server.post('/api/messages', createMessagesHandler({ turns, logger, rateLimits, serviceUrls }));
  const directLine: LocalDirectLine | undefined = config.directLine.enabled
    ? LocalDirectLine.mount(server, {
        storage: botState,
        secret: config.directLine.secret,
        connector: localConnector,
        runTurn: (activity) => turns.runTrusted(activity),
        bot: { id: botAppId || 'passerelle', name: 'Passerelle', role: 'bot' },
        logger,
        leases: storage.leases,
        rateLimits,
        publicBaseUrl: config.publicBaseUrlIsDefault ? undefined : config.publicBaseUrl
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
      }),
      // A caseworker's replies and end: the same delivery, to the conversation the person asked in.
      [HANDOFF_MESSAGE_KIND]: new PersonMessageDeliverer({
        references,
        proactive,
        reach: async (message) => (await handoffs.get(String(message.payload.handoffId)))?.reach ?? null,
        notice: (message) => handoffNotice(message.payload as unknown as HandoffMessagePayload, handoffs),
        notify: (context, notice) => bot.notify(context, notice),
        delivered: async (message) => {
          if (message.payload.event === 'ended') await handoffs.forgetIfNotKept(String(message.payload.handoffId));
        }
      })
    }
  });
  server.post('/api/eligibility', createEligibilityHandler({ eligibility, localizer }));
  addProfileRoutes(server, { assessment, localizer });
  addMyDataRoutes(server, { privacy });
  addPartnerApiRoutes(server, { referrals, keys: partnerKeys });
  const accounts = new AccountService({ accounts: storage.accounts, partnerIds: content.partners.partners.map((p) => p.id), clock });
  const audit = new AuditService({ log: storage.auditLog, clock });
  const consoleMount = mountConsole(server, {
    accounts,
    sessions: new ConsoleSessionService({ sessions: storage.consoleSessions, accounts: storage.accounts, clock, idleMs: config.console.idleMs, absoluteMs: config.console.absoluteMs }),
    audit,
    localizer,
    clock,
    secureCookie: config.console.secureCookie,
    signInAttempts: config.console.signInAttempts,
    languageNames: loadLanguageNames(config.localesDir)
  });
  addConsoleRoutes(server, consoleMount, (req) => rateLimits.clientAddress(req));
  addReferralPages(consoleMount, { referrals: new ReferralConsoleService({ referrals, store: storage.referrals, clock }), partners: content.partners.partners });
  addAdminPages(consoleMount, { accounts, audit, keys: partnerKeys, referrals, partners: content.partners.partners });
  const partnerNames = new Map(content.partners.partners.map((p) => [p.id, p.name]));
  addReportPages(consoleMount, {
    reporting: new ReportingService({ reporting: storage.reporting, starts: storage.conversationStarts, timeZone: config.timeZone }),
    partnerNames
  });
  addWalkInPage(consoleMount, { eligibility });
  addDeadLetterPages(consoleMount, { deadLetters: new DeadLetterService(storage.outbox, clock), partnerNames, timeZone: config.timeZone });
  addHandoffPages(consoleMount, { handoffs, clock, timeZone: config.handoffHours.timeZone });
  addMetricsRoute(server, { metrics, token: config.metricsToken });
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
    handoffs,
    partnerKeys,
    accounts,
    console: consoleMount,
    outboxWorker,
    privacy,
    retention,
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
      if (options.startRetentionSweep !== false) retention.start();
      return address;
    },
    close: () => {
      closing ??= (async () => {
        shuttingDown = true;
        await outboxWorker.stop();
        await retention.stop();
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
