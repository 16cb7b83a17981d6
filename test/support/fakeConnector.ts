import http from 'node:http';
import { adaptiveCardText } from '../../src/channels/rendering/renderForChannel';
import type { AddressInfo } from 'node:net';

/** An activity the bot sent, as the Connector received it. */
export interface SentActivity {
  type: string;
  text?: string;
  locale?: string;
  inputHint?: string;
  suggestedActions?: { actions: { title?: string; value?: unknown }[] };
  attachments?: { contentType: string; content?: { buttons?: { title?: string; value?: unknown }[] } }[];
  conversation?: { id: string };
  replyToId?: string;
  [key: string]: unknown;
}

/**
 * A local Bot Framework Connector: the bot POSTs its replies to
 * `/v3/conversations/{id}/activities[/{replyToId}]` here, as it would to a real channel.
 */
export class FakeConnector {
  readonly received: SentActivity[] = [];
  readonly authorizations: (string | undefined)[] = [];
  private waiters: (() => void)[] = [];

  private constructor(private readonly server: http.Server) {}

  static async start(): Promise<FakeConnector> {
    const server = http.createServer();
    const connector = new FakeConnector(server);
    server.on('request', (req, res) => connector.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return connector;
  }

  get serviceUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  /** Messages (not typing) received for one conversation. */
  messagesFor(conversationId: string): SentActivity[] {
    return this.received.filter((a) => a.type === 'message' && a.conversation?.id === conversationId);
  }

  /** Removes and returns everything received so far. */
  take(): SentActivity[] {
    return this.received.splice(0);
  }

  async waitFor(predicate: () => boolean, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error('timed out waiting for the bot to reply');
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.closeAllConnections();
      this.server.close(() => resolve());
    });
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      if (req.method === 'POST' && /^\/v3\/conversations\/[^/]+\/activities/.test(req.url ?? '')) {
        const activity = JSON.parse(body) as SentActivity;
        this.received.push(activity);
        this.authorizations.push(req.headers.authorization);
        for (const wake of this.waiters.splice(0)) wake();
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `reply-${this.received.length}` }));
        return;
      }
      res.writeHead(404);
      res.end();
    });
  }
}

/** The button titles of a reply (suggested actions or hero-card buttons). */
export function buttonsOf(activity: SentActivity): string[] {
  const suggested = activity.suggestedActions?.actions.map((a) => String(a.title ?? a.value)) ?? [];
  const card = (activity.attachments ?? []).flatMap((att) => att.content?.buttons?.map((b) => String(b.title ?? b.value)) ?? []);
  return [...suggested, ...card];
}

/** The text a person sees in a reply: its text, then its cards' texts (hero and Adaptive). */
export function visibleText(activity: SentActivity): string {
  const parts = [activity.text ?? ''];
  for (const attachment of activity.attachments ?? []) {
    const content = attachment.content as { title?: string; subtitle?: string; text?: string } | undefined;
    if (attachment.contentType === 'application/vnd.microsoft.card.adaptive') parts.push(adaptiveCardText(content));
    else if (content) parts.push([content.title, content.subtitle, content.text].filter(Boolean).join('\n'));
  }
  return parts.filter((p) => p !== '').join('\n');
}
