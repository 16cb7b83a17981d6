import WebSocket from 'ws';
import { postJson } from './testApp';

/** An activity as the local Direct Line serves it. */
export interface DlActivity {
  id: string;
  type: string;
  text?: string;
  locale?: string;
  from: { id: string; name?: string; role?: string };
  conversation: { id: string };
  replyToId?: string;
  suggestedActions?: { actions: { title?: string; value?: unknown }[] };
  [key: string]: unknown;
}

/**
 * A Direct Line 3.0 client speaking to the server's own endpoint, as Web Chat does: token,
 * start, post, get activities after a watermark (polling), and the WebSocket stream.
 */
export class DirectLineClient {
  watermark: string | undefined;

  private constructor(
    readonly baseUrl: string,
    readonly conversationId: string,
    readonly userId: string,
    public token: string,
    readonly streamUrl: string | undefined
  ) {}

  /** Gets a token (optionally for a known user/conversation) and starts (or reconnects to) the conversation. */
  static async start(baseUrl: string, options: { userId?: string; conversationId?: string; locale?: string } = {}): Promise<DirectLineClient> {
    const generated = await postJson(`${baseUrl}/v3/directline/tokens/generate`, {
      ...(options.userId ? { user: { id: options.userId } } : {}),
      ...(options.conversationId ? { conversationId: options.conversationId } : {})
    });
    if (generated.status !== 200) throw new Error(`generate: HTTP ${generated.status} ${await generated.text()}`);
    const { token, conversationId, userId } = (await generated.json()) as { token: string; conversationId: string; userId: string };
    const started = await postJson(`${baseUrl}/v3/directline/conversations`, { user: {}, ...(options.locale ? { locale: options.locale } : {}) }, { authorization: `Bearer ${token}` });
    if (started.status !== 201 && started.status !== 200) throw new Error(`start: HTTP ${started.status} ${await started.text()}`);
    const body = (await started.json()) as { conversationId: string; token: string; streamUrl: string };
    return new DirectLineClient(baseUrl, conversationId, userId, body.token, body.streamUrl);
  }

  get authorization(): Record<string, string> {
    return { authorization: `Bearer ${this.token}` };
  }

  /** Posts an activity; returns the HTTP response. */
  post(activity: Record<string, unknown>): Promise<Response> {
    return postJson(`${this.baseUrl}/v3/directline/conversations/${this.conversationId}/activities`, activity, this.authorization);
  }

  /** Activities after `watermark` (GET, like Web Chat's polling). */
  async activities(watermark?: string): Promise<{ activities: DlActivity[]; watermark: string }> {
    const query = watermark === undefined ? '' : `?watermark=${encodeURIComponent(watermark)}`;
    const res = await fetch(`${this.baseUrl}/v3/directline/conversations/${this.conversationId}/activities${query}`, { headers: this.authorization });
    if (res.status !== 200) throw new Error(`activities: HTTP ${res.status} ${await res.text()}`);
    return (await res.json()) as { activities: DlActivity[]; watermark: string };
  }

  /** New activities since the last call (advances the watermark). */
  async poll(): Promise<DlActivity[]> {
    const set = await this.activities(this.watermark);
    this.watermark = set.watermark;
    return set.activities;
  }

  /** Says `text` and returns the bot's messages that arrived with it (the post returns after the turn). */
  async say(text: string, extra: Record<string, unknown> = {}): Promise<DlActivity[]> {
    await this.poll();
    const res = await this.post({ type: 'message', text, locale: 'en-US', from: { id: this.userId }, ...extra });
    if (res.status !== 200) throw new Error(`post: HTTP ${res.status} ${await res.text()}`);
    return (await this.poll()).filter((a) => a.type === 'message' && a.from.role === 'bot');
  }

  /** Opens the WebSocket stream and collects every activity it pushes. */
  async openStream(url = this.streamUrl): Promise<StreamCollector> {
    if (!url) throw new Error('no streamUrl');
    const ws = new WebSocket(url);
    const collector = new StreamCollector(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
      ws.once('unexpected-response', (_req, res) => reject(new Error(`stream: HTTP ${res.statusCode}`)));
    });
    return collector;
  }
}

export class StreamCollector {
  readonly activities: DlActivity[] = [];
  readonly watermarks: string[] = [];

  constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const text = data.toString();
      if (!text) return;
      const set = JSON.parse(text) as { activities: DlActivity[]; watermark?: string };
      this.activities.push(...set.activities);
      if (set.watermark) this.watermarks.push(set.watermark);
    });
  }

  async waitFor(predicate: (activities: DlActivity[]) => boolean, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.activities)) {
      if (Date.now() > deadline) throw new Error(`timed out; stream has ${JSON.stringify(this.activities.map((a) => a.text ?? a.type))}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.ws.readyState === WebSocket.CLOSED) return resolve();
      this.ws.once('close', () => resolve());
      this.ws.close();
    });
  }
}
