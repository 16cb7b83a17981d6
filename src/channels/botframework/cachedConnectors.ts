import type { Activity } from 'botbuilder';
import {
  AuthenticationConstants,
  BotFrameworkAuthentication,
  ConnectorFactory,
  type AuthenticateRequestResult,
  type BotFrameworkClient,
  type ClaimsIdentity,
  type ConnectorClient,
  type UserTokenClient
} from 'botframework-connector';

/** How many Connector clients are kept: one per bot app id, `serviceUrl` and audience (a few per channel). */
export const MAX_CONNECTOR_CLIENTS = 64;

/** The clients, newest use last; the least recently used goes when there are too many. */
class ConnectorClients {
  private readonly clients = new Map<string, Promise<ConnectorClient>>();

  get(key: string, make: () => Promise<ConnectorClient>): Promise<ConnectorClient> {
    const known = this.clients.get(key);
    if (known) {
      this.clients.delete(key);
      this.clients.set(key, known);
      return known;
    }
    const made = make();
    this.clients.set(key, made);
    // A client that could not be made (its credentials, say) is made again next time.
    made.catch(() => {
      if (this.clients.get(key) === made) this.clients.delete(key);
    });
    if (this.clients.size > MAX_CONNECTOR_CLIENTS) this.clients.delete(this.clients.keys().next().value!);
    return made;
  }

  get size(): number {
    return this.clients.size;
  }
}

/** The bot app id a connector factory is made for, read from the claims as botframework-connector does. */
function appIdOf(claims: ClaimsIdentity): string | null {
  return claims.getClaimValue(AuthenticationConstants.AudienceClaim) ?? claims.getClaimValue(AuthenticationConstants.AppIdClaim) ?? null;
}

class CachedConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly inner: ConnectorFactory,
    private readonly appId: string | null,
    private readonly clients: ConnectorClients
  ) {
    super();
  }

  create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    return this.clients.get(JSON.stringify([this.appId, serviceUrl, audience ?? null]), () => this.inner.create(serviceUrl, audience));
  }
}

/**
 * The configured Bot Framework authentication, whose Connector clients are made once per bot
 * app id, `serviceUrl` and audience instead of at every turn. CloudAdapter asks its connector
 * factory for a new `ConnectorClient` at each turn (and each proactive message): a service
 * client, its HTTP pipeline of a dozen policies and its credentials, all built and dropped
 * again, a good part of a turn's work and garbage. A client keeps nothing of a turn (its
 * credentials cache their token), so one serves every turn, as botbuilder's older
 * `BotFrameworkAdapter` did. Everything else is the inner authentication's.
 */
export class CachedConnectorsAuthentication extends BotFrameworkAuthentication {
  private readonly clients = new ConnectorClients();

  constructor(private readonly inner: BotFrameworkAuthentication) {
    super();
  }

  /** How many Connector clients are kept (diagnostics and tests). */
  get connectorClients(): number {
    return this.clients.size;
  }

  async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.cached(await this.inner.authenticateRequest(activity, authHeader));
  }

  async authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    return this.cached(await this.inner.authenticateStreamingRequest(authHeader, channelIdHeader));
  }

  createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return new CachedConnectorFactory(this.inner.createConnectorFactory(claimsIdentity), appIdOf(claimsIdentity), this.clients);
  }

  createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.inner.createUserTokenClient(claimsIdentity);
  }

  override createBotFrameworkClient(): BotFrameworkClient {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }

  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.inner.authenticateChannelRequest(authHeader);
  }

  private cached(result: AuthenticateRequestResult): AuthenticateRequestResult {
    const { connectorFactory } = result;
    if (!connectorFactory) return result;
    return { ...result, connectorFactory: new CachedConnectorFactory(connectorFactory, appIdOf(result.claimsIdentity), this.clients) };
  }
}
