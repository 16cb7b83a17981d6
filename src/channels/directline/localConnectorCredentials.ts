import { randomBytes, timingSafeEqual } from 'node:crypto';
import { ServiceClientCredentialsFactory, type ServiceClientCredentials } from 'botframework-connector';

/** The path under which the server exposes its Connector-compatible route. */
export const LOCAL_CONNECTOR_PATH = '/directline-connector/';

/**
 * Who may call the local Connector route: this process only. A random secret is made at start
 * and never leaves the process; the bot's outgoing requests to the local `serviceUrl` carry
 * it as their bearer token (see `LocalConnectorCredentialsFactory`), anything else is refused.
 */
export class LocalConnectorAuth {
  private readonly secret = randomBytes(32).toString('base64url');
  private base: string | undefined;

  /** The `serviceUrl` of local Direct Line conversations, once the server listens. */
  get serviceUrl(): string | undefined {
    return this.base;
  }

  /** Sets the `serviceUrl` from the bound address (loopback when bound to every interface). */
  bind(address: { address: string; family: string; port: number }): void {
    const host = address.address === '0.0.0.0' || address.address === '::' ? (address.family === 'IPv6' ? '[::1]' : '127.0.0.1') : address.family === 'IPv6' ? `[${address.address}]` : address.address;
    this.base = `http://${host}:${address.port}${LOCAL_CONNECTOR_PATH}`;
  }

  /** Whether the bot's request goes to the local Connector route (and only there). */
  isLocal(url: string): boolean {
    return this.base !== undefined && url.startsWith(this.base);
  }

  get authorization(): string {
    return `Bearer ${this.secret}`;
  }

  /** Constant-time check of an `Authorization` header. */
  accepts(authorization: string | undefined): boolean {
    const given = Buffer.from(authorization ?? '', 'utf8');
    const expected = Buffer.from(this.authorization, 'utf8');
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}

/**
 * Wraps the configured credentials factory: requests to the local Connector route are signed
 * with the per-process secret (no Microsoft token is fetched for them, with or without an app
 * id); every other request is signed exactly as before.
 */
export class LocalConnectorCredentialsFactory extends ServiceClientCredentialsFactory {
  constructor(
    private readonly inner: ServiceClientCredentialsFactory,
    private readonly local: LocalConnectorAuth
  ) {
    super();
  }

  isValidAppId(appId: string): Promise<boolean> {
    return this.inner.isValidAppId(appId);
  }

  isAuthenticationDisabled(): Promise<boolean> {
    return this.inner.isAuthenticationDisabled();
  }

  async createCredentials(appId: string, audience: string | undefined, loginEndpoint: string, validateAuthority: boolean): Promise<ServiceClientCredentials> {
    const inner = await this.inner.createCredentials(appId, audience, loginEndpoint, validateAuthority);
    const local = this.local;
    return {
      async signRequest(webResource) {
        if (!local.isLocal(webResource.url)) return inner.signRequest(webResource);
        webResource.headers.set('authorization', local.authorization);
        return webResource;
      }
    };
  }
}
