import { TestAdapter, type Activity } from 'botbuilder';
import { testBot } from '../support/testBot';
import { visibleText, type SentActivity } from '../support/fakeConnector';
import { dialogHarness, type DialogHarness, type KnownPerson } from '../support/dialogHarness';

/**
 * The whole bot (global commands, main menu, every dialog and prompt) on real services and an
 * in-memory SQLite database, talked to through botbuilder's TestAdapter as a channel would.
 */
export interface BotConversation {
  harness: DialogHarness;
  /** Sends `text`; returns what the person sees of every reply of that turn (texts, cards, buttons). */
  say(text: string): Promise<string>;
}

export async function botConversation(options: { locale?: string; person?: KnownPerson; lang?: string } = {}): Promise<BotConversation> {
  const harness = await dialogHarness({ lang: options.lang ?? 'en', person: options.person });
  const bot = testBot(harness);
  const adapter = new TestAdapter((context) => bot.run(context), { locale: options.locale ?? 'en-US' } as Partial<Activity>);
  return {
    harness,
    async say(text) {
      adapter.activeQueue.splice(0);
      await adapter.receiveActivity(text);
      return adapter.activeQueue
        .splice(0)
        .map((a) => {
          const sent = a as SentActivity;
          return [visibleText(sent), ...(sent.suggestedActions?.actions.map((x) => `[${String(x.title ?? x.value)}]`) ?? [])].join('\n');
        })
        .join('\n');
    }
  };
}
