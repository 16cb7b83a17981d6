import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One webhook call as a partner's system received it. */
export interface ReceivedWebhook {
  headers: http.IncomingHttpHeaders;
  raw: string;
  body: { id: string; event: string; occurredAt: string; referral: Record<string, unknown> & { shared?: Record<string, unknown> } };
}

/**
 * A partner's webhook endpoint: a real local HTTP server that keeps what it receives. It can be
 * told to fail (`failWith(503)`) for a while, as a partner's system that is down, or to keep what
 * it receives without answering (`hold()`), as a system that is slow while the sender dies.
 */
export class FakePartnerEndpoint {
  readonly received: ReceivedWebhook[] = [];
  /** Calls answered with an error (not kept in `received`). */
  refused = 0;
  private status = 200;
  private holding = false;

  private constructor(private readonly server: http.Server) {}

  static async start(): Promise<FakePartnerEndpoint> {
    const server = http.createServer();
    const endpoint = new FakePartnerEndpoint(server);
    server.on('request', (req, res) => {
      let raw = '';
      req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      req.on('end', () => {
        if (endpoint.status >= 300) {
          endpoint.refused += 1;
          res.writeHead(endpoint.status);
          res.end();
          return;
        }
        endpoint.received.push({ headers: req.headers, raw, body: JSON.parse(raw) as ReceivedWebhook['body'] });
        if (endpoint.holding) return; // kept, never answered: the sender cannot know it arrived
        res.writeHead(204);
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return endpoint;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/passerelle-webhook`;
  }

  failWith(status: number): void {
    this.status = status;
  }

  recover(): void {
    this.status = 200;
    this.holding = false;
  }

  /** Keeps the calls that arrive from now on without ever answering them. */
  hold(): void {
    this.holding = true;
  }

  async waitFor(predicate: (received: ReceivedWebhook[]) => boolean, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.received)) {
      if (Date.now() > deadline) throw new Error(`timed out; the partner received ${JSON.stringify(this.received.map((r) => r.body.event))}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.closeAllConnections();
      this.server.close(() => resolve());
    });
  }
}

/** One e-mail as the SMTP server received it. */
export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server (the `smtp-server` package) on a local port, keeping every message. */
export class FakeSmtpServer {
  readonly mails: ReceivedMail[] = [];

  private constructor(private readonly server: SMTPServer, readonly port: number) {}

  static async start(): Promise<FakeSmtpServer> {
    const mails: ReceivedMail[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        let raw = '';
        stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
        stream.on('end', () => {
          mails.push({ from: String(session.envelope.mailFrom && session.envelope.mailFrom.address), to: session.envelope.rcptTo.map((r) => r.address), raw });
          callback();
        });
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const port = ((server as unknown as { server: http.Server }).server.address() as AddressInfo).port;
    const fake = new FakeSmtpServer(server, port);
    (fake as { mails: ReceivedMail[] }).mails = mails;
    return fake;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async waitFor(predicate: (mails: ReceivedMail[]) => boolean, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.mails)) {
      if (Date.now() > deadline) throw new Error(`timed out; the SMTP server received ${this.mails.length} e-mails`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** A copy of content/ whose partners have a webhook at `webhookUrl` (all of them, or those given). */
export function contentWithWebhooks(contentDir: string, targetDir: string, webhookUrl: string, partnerIds?: string[]): void {
  fs.cpSync(contentDir, targetDir, { recursive: true });
  const file = path.join(targetDir, 'partners.json');
  const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { partners: { id: string; delivery: { webhookUrl: string | null } }[] };
  for (const partner of json.partners) if (!partnerIds || partnerIds.includes(partner.id)) partner.delivery.webhookUrl = webhookUrl;
  fs.writeFileSync(file, JSON.stringify(json));
}
