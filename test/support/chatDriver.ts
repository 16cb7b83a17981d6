import { buttonsOf, visibleText, type FakeConnector, type SentActivity } from './fakeConnector';
import { messageActivity, postJson } from './testApp';

/**
 * One person chatting through `/api/messages`, exactly as a channel would: each `say` POSTs an
 * activity and returns the bot's replies (the turn completes before the HTTP response).
 */
export class ChatDriver {
  private last: SentActivity[] = [];

  constructor(
    private botUrl: string,
    private readonly connector: FakeConnector,
    readonly conversationId: string,
    private readonly options: { locale?: string; userId?: string; channelId?: string } = {}
  ) {}

  /** Points the conversation at another server (e.g. after a restart on a new port). */
  retarget(botUrl: string): void {
    this.botUrl = botUrl;
  }

  async start(): Promise<SentActivity[]> {
    const activity = {
      ...messageActivity({ serviceUrl: this.connector.serviceUrl, conversationId: this.conversationId, ...this.options }),
      type: 'conversationUpdate',
      membersAdded: [{ id: this.options.userId ?? `user-${this.conversationId}` }, { id: 'bot' }]
    };
    delete (activity as { text?: string }).text;
    return this.post(activity);
  }

  async say(text: string): Promise<SentActivity[]> {
    return this.post(messageActivity({ serviceUrl: this.connector.serviceUrl, conversationId: this.conversationId, text, ...this.options }));
  }

  /** Taps the n-th button (1-based) of the last reply that had buttons. */
  async tap(n: number): Promise<SentActivity[]> {
    const withButtons = [...this.last].reverse().find((a) => buttonsOf(a).length > 0);
    const title = withButtons ? buttonsOf(withButtons)[n - 1] : undefined;
    if (!title) throw new Error(`no button #${n} in the last reply: ${JSON.stringify(this.lastTexts())}`);
    return this.say(title);
  }

  /** What the person sees of each reply: its text, then the text of its cards. */
  lastTexts(): string[] {
    return this.last.map(visibleText);
  }

  lastButtons(): string[] {
    const withButtons = [...this.last].reverse().find((a) => buttonsOf(a).length > 0);
    return withButtons ? buttonsOf(withButtons) : [];
  }

  private async post(activity: Record<string, unknown>): Promise<SentActivity[]> {
    const before = this.connector.messagesFor(this.conversationId).length;
    const response = await postJson(`${this.botUrl}/api/messages`, activity);
    if (response.status >= 300) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
    this.last = this.connector.messagesFor(this.conversationId).slice(before);
    return this.last;
  }
}
