import { ConfigurationBotFrameworkAuthentication, type Activity, type ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import type { AuthenticateRequestResult, ClaimsIdentity, ConnectorClient, ConnectorFactory, ServiceClientCredentialsFactory } from 'botframework-connector';

/**
 * Where the bot may send replies when no MicrosoftAppId is set (local mode). Then nothing
 * authenticates an activity's `serviceUrl`, and the bot POSTed replies to any address it named
 * (decimal, hex and short forms of loopback included): a port scanner in anyone's hands. In
 * local mode the bot replies only to loopback written plainly (`localhost`, `127.0.0.1`,
 * `[::1]`, any port), the server's own local Direct Line Connector, or the prefixes of
 * `LOCAL_SERVICE_URLS` when set (which replace loopback). With an app id the channel's token
 * names the `serviceUrl` and any is accepted.
 *
 * Forms are checked on the text as sent, before any URL parser rewrites `2130706433`,
 * `0x7f000001` or `127.1` into `127.0.0.1`.
 */
export class ServiceUrlPolicy {
  readonly refusal: string;

  constructor(
    private readonly options: {
      /** `LOCAL_SERVICE_URLS`: allowed URL prefixes; undefined: plain loopback. */
      prefixes: string[] | undefined;
      /** Whether a URL is the local Direct Line's Connector route (this process). */
      isLocalConnector: (url: string) => boolean;
    }
  ) {
    this.refusal = options.prefixes
      ? 'serviceUrl: in local mode it must start with one of LOCAL_SERVICE_URLS'
      : 'serviceUrl: in local mode it must be a loopback address written plainly (http://localhost:<port>/, http://127.0.0.1:<port>/ or http://[::1]:<port>/)';
  }

  /** An activity's `serviceUrl` from a channel (`/api/messages`): never the local Direct Line's route. */
  acceptsFromChannel(url: string): boolean {
    return !this.options.isLocalConnector(url) && this.allowedTarget(url);
  }

  /** Where an outgoing request of the bot may go: the local Direct Line's route, or an accepted `serviceUrl`. */
  acceptsOutgoing(url: string): boolean {
    return this.options.isLocalConnector(url) || this.allowedTarget(url);
  }

  private allowedTarget(url: string): boolean {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return false;
    }
    if (parsed.username !== '' || parsed.password !== '') return false;
    const { prefixes } = this.options;
    if (prefixes) return prefixes.some((prefix) => sameOrigin(parsed, prefix) && url.startsWith(withPath(prefix)));
    return isPlainLoopback(url);
  }
}

/** `http(s)://localhost|127.0.0.1|[::1][:port]` followed by a path or nothing, exactly as written. */
export function isPlainLoopback(url: string): boolean {
  return /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?(\/|$)/i.test(url);
}

function sameOrigin(url: URL, prefix: string): boolean {
  try {
    return new URL(prefix).origin === url.origin;
  } catch {
    return false;
  }
}

/** A prefix that is only an origin gets its `/`, so `http://a:90` does not allow `http://a:9000`. */
function withPath(prefix: string): string {
  return /^https?:\/\/[^/]+$/i.test(prefix) ? `${prefix}/` : prefix;
}

/** Thrown (and logged without the URL) when the bot was about to send to a refused address. */
export class ServiceUrlRefusedError extends Error {
  override readonly name = 'ServiceUrlRefusedError';
  constructor() {
    super('outgoing request refused: its address is not allowed in local mode');
  }
}

/**
 * The configured Bot Framework authentication, with every Connector client it makes bounded:
 * each request is abandoned after `timeoutMs` (a Connector that never answered held a
 * conversation's turns for minutes), and, with a `policy` (local mode), a client for a refused
 * `serviceUrl` is never made (`ServiceUrlRefusedError`). Both ways a turn gets its client are
 * covered: an incoming request's (`authenticateRequest`) and a proactive or trusted turn's
 * (`createConnectorFactory`).
 */
export class BoundedBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  constructor(
    options: ConfigurationBotFrameworkAuthenticationOptions,
    credentialsFactory: ServiceClientCredentialsFactory,
    private readonly bounds: { timeoutMs: number; policy?: ServiceUrlPolicy }
  ) {
    super(options, credentialsFactory);
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    const result = await super.authenticateRequest(activity, authHeader);
    return result.connectorFactory ? { ...result, connectorFactory: this.bounded(result.connectorFactory) } : result;
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.bounded(super.createConnectorFactory(claimsIdentity));
  }

  private bounded(inner: ConnectorFactory): ConnectorFactory {
    const { timeoutMs, policy } = this.bounds;
    return {
      async create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
        if (policy && !policy.acceptsOutgoing(serviceUrl)) throw new ServiceUrlRefusedError();
        const client = await inner.create(serviceUrl, audience);
        // Every operation (send, reply, update, delete…) goes through sendOperationRequest,
        // whose options.timeout the HTTP pipeline honours.
        const send = client.sendOperationRequest.bind(client);
        client.sendOperationRequest = (args, spec, callback) =>
          send({ ...args, options: { timeout: timeoutMs, ...(args.options ?? {}) } }, spec, callback);
        return client;
      }
    };
  }
}
