import type { AddressInfo } from 'node:net';
import type { Activity, ChannelAccount, ConversationReference, Storage } from 'botbuilder';
import type { Server } from 'restify';
import type { Logger } from '../../logger';
import type { LeaseRepository } from '../../storage';
import { InFlightRequests } from '../../server/createServer';
import { addConnectorRoutes } from './connectorRoutes';
import { DirectLineConversationStore } from './directLineConversationStore';
import { addDirectLineRoutes, DIRECTLINE_CHANNEL_ID } from './directLineRoutes';
import { DirectLineStream } from './directLineStream';
import { DirectLineTokenIssuer } from './directLineToken';
import type { LocalConnectorAuth } from './localConnectorCredentials';

/** Conversation tokens live one hour (Direct Line JS refreshes them every 15 minutes). */
const TOKEN_TTL_SECONDS = 3600;
/** A `streamUrl` is used at once; its token only has to open the socket. */
const STREAM_TOKEN_TTL_SECONDS = 300;

export interface LocalDirectLineDeps {
  /** Where transcripts are kept (the bot-state store: SQLite or MongoDB). */
  storage: Storage;
  /** `DIRECTLINE_SECRET`: signs the tokens. */
  secret: string;
  /** Signs the bot's requests to the local Connector route (shared with the adapter's credentials). */
  connector: LocalConnectorAuth;
  /** Runs a bot turn for an activity this process authenticated (`TurnRunner.runTrusted`). */
  runTurn: (activity: Activity) => Promise<unknown>;
  bot: ChannelAccount;
  logger: Logger;
  /** Where the instance serving the local Direct Line for this database is recorded. */
  leases: LeaseRepository;
}

/** The lease of the instance that serves the local Direct Line for a database. */
export const DIRECTLINE_OWNER_LEASE = 'directline/owner';
/** How long the owner's lease lasts without renewal (it is renewed every third of it). */
const OWNER_LEASE_MS = 30_000;

/**
 * Another live instance already serves the local Direct Line for this database. Live delivery,
 * the read cache and the Connector route's secret of the local Direct Line are in one process,
 * so with several instances behind a load balancer replies would reach only some pages: this
 * instance refuses to start instead, saying what to do.
 */
export class LocalDirectLineInUseError extends Error {
  override readonly name = 'LocalDirectLineInUseError';
  constructor(readonly holder: string) {
    super(
      `the local Direct Line (LOCAL_DIRECTLINE=on) is served by one instance only, and instance ${holder} already serves it ` +
        'for this database. With several instances, set LOCAL_DIRECTLINE=off on every instance and use Azure Bot Service\'s ' +
        'Direct Line for web chat (AZURE_DIRECTLINE_SECRET; see deploy/README.md, "Several instances"); ' +
        `or, if ${holder} is gone, start again in ${OWNER_LEASE_MS / 1000} seconds at most`
    );
  }
}

/** The local Direct Line is stopping: no new turn starts (the route answers 503). */
export class DirectLineStoppingError extends Error {
  override readonly name = 'DirectLineStoppingError';
  constructor() {
    super('the local Direct Line is stopping');
  }
}

/**
 * The server's own Direct Line: a Direct Line 3.0–compatible API for the web chat page
 * (tokens, conversations, activities, WebSocket stream) and the Connector-compatible route
 * the bot replies to. Together they let `npm start` serve a working chat with no cloud service.
 * One process: live delivery and the read cache are in memory (transcripts are in storage).
 */
export class LocalDirectLine {
  readonly store: DirectLineConversationStore;
  private readonly stream: DirectLineStream;
  private readonly turnsInFlight = new InFlightRequests();
  private stopping = false;
  /** While this instance serves the local Direct Line: its name in the lease and the renewal timer. */
  private owner: { holder: string; renewal: NodeJS.Timeout } | undefined;

  private constructor(
    server: Server,
    private readonly deps: LocalDirectLineDeps
  ) {
    const logger = deps.logger.child({ module: 'directline' });
    const tokens = new DirectLineTokenIssuer(deps.secret);
    this.store = new DirectLineConversationStore(deps.storage);
    addDirectLineRoutes(server, {
      tokens,
      store: this.store,
      runTurn: (activity) => this.runTurn(activity),
      isStopping: () => this.stopping,
      connector: deps.connector,
      bot: deps.bot,
      logger,
      tokenTtlSeconds: TOKEN_TTL_SECONDS,
      streamTokenTtlSeconds: STREAM_TOKEN_TTL_SECONDS
    });
    addConnectorRoutes(server, { store: this.store, connector: deps.connector, bot: deps.bot, logger });
    this.stream = new DirectLineStream(server.server, { tokens, store: this.store, logger });
  }

  /** Adds the routes and the WebSocket stream to `server`. */
  static mount(server: Server, deps: LocalDirectLineDeps): LocalDirectLine {
    return new LocalDirectLine(server, deps);
  }

  /** Call once the server listens: the bot's `serviceUrl` for these conversations is derived from it. */
  bind(address: AddressInfo): void {
    this.deps.connector.bind(address);
  }

  /**
   * Records this instance (`holder`, stable across its restarts) as the one serving the local
   * Direct Line for this database, and keeps that lease while it runs. Throws
   * `LocalDirectLineInUseError` when another live instance serves it.
   */
  async claim(holder: string): Promise<void> {
    const { leases, logger } = this.deps;
    if (!(await leases.acquire(DIRECTLINE_OWNER_LEASE, holder, OWNER_LEASE_MS))) {
      const current = await leases.current(DIRECTLINE_OWNER_LEASE);
      throw new LocalDirectLineInUseError(current?.holder ?? 'another instance');
    }
    const renewal = setInterval(() => {
      leases
        .renew(DIRECTLINE_OWNER_LEASE, holder, OWNER_LEASE_MS)
        .then((kept) => {
          if (!kept) logger.error('the local Direct Line lease was taken by another instance: web chat replies may not reach every page');
        })
        .catch((err: Error) => logger.warn({ err: { name: err.name, message: err.message } }, 'could not renew the local Direct Line lease'));
    }, OWNER_LEASE_MS / 3);
    renewal.unref();
    this.owner = { holder, renewal };
  }

  /** The Connector-compatible route the bot's `serviceUrl` points to (once bound). */
  get serviceUrl(): string | undefined {
    return this.deps.connector.serviceUrl;
  }

  /** Open WebSocket streams. */
  get openStreams(): number {
    return this.stream.size;
  }

  /**
   * Sets until when a conversation's transcript may be kept (null: the retention period), for
   * people whose data may not be kept; nothing for conversations of other channels.
   */
  async retainTranscript(conversationId: string, keepUntil: Date | null): Promise<void> {
    await this.store.retain(conversationId, keepUntil);
  }

  /** Empties a conversation's transcript (the person was erased); what is left lives until `keepUntil`. */
  async forgetTranscript(conversationId: string, keepUntil: Date): Promise<void> {
    await this.store.forget(conversationId, keepUntil);
  }

  /**
   * A conversation reference for a local Direct Line conversation, with this run's
   * `serviceUrl` (for proactive messages); undefined when the conversation does not exist.
   */
  async referenceFor(conversationId: string): Promise<Partial<ConversationReference> | undefined> {
    const conversation = await this.store.get(conversationId);
    if (!conversation || !this.serviceUrl) return undefined;
    return {
      channelId: DIRECTLINE_CHANNEL_ID,
      serviceUrl: this.serviceUrl,
      conversation: { id: conversation.conversationId, isGroup: false, conversationType: 'personal', name: '' },
      user: { id: conversation.userId, name: '', role: 'user' },
      bot: this.deps.bot,
      ...(conversation.locale ? { locale: conversation.locale } : {})
    };
  }

  /**
   * Stops: new activities are refused (503), turns in flight (whose replies come back through
   * the HTTP server) may finish for up to `timeoutMs`, then the WebSocket streams are closed.
   * Call before the HTTP server stops listening; the server itself is closed by its owner.
   */
  async close(timeoutMs: number): Promise<void> {
    this.stopping = true;
    await this.turnsInFlight.whenIdle(timeoutMs);
    this.stream.close();
    if (this.owner) {
      clearInterval(this.owner.renewal);
      await this.deps.leases.release(DIRECTLINE_OWNER_LEASE, this.owner.holder).catch(() => undefined);
      this.owner = undefined;
    }
  }

  private async runTurn(activity: Activity): Promise<unknown> {
    if (this.stopping) throw new DirectLineStoppingError();
    this.turnsInFlight.enter();
    try {
      return await this.deps.runTurn(activity);
    } finally {
      this.turnsInFlight.leave();
    }
  }
}
