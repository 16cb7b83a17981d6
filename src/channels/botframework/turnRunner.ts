import type { Activity, ActivityHandler, InvokeResponse } from 'botbuilder';
import { conversationKeyOf } from '../../bot/pseudonymousState';
import type { PasserelleAdapter } from './passerelleAdapter';
import type { TurnQueue } from './turnQueue';

/**
 * The one way an incoming activity becomes a bot turn, whichever route received it
 * (`/api/messages`, the local Direct Line): queued per conversation (one turn at a time, in
 * order), run by the CloudAdapter (middleware, `onTurnError`), then the bot.
 */
export class TurnRunner {
  constructor(
    private readonly deps: {
      adapter: PasserelleAdapter;
      bot: ActivityHandler;
      queue: TurnQueue;
      pseudonymSecret: string;
      /** The bot's MicrosoftAppId ('' in local mode), for turns this process authenticated itself. */
      botAppId: string;
    }
  ) {}

  /** A channel's activity: `authorization` is checked by the adapter when an app id is configured. */
  run(authorization: string, activity: Activity): Promise<InvokeResponse | undefined> {
    const { adapter, bot } = this.deps;
    return this.inOrder(activity, () => adapter.processAuthenticated(authorization, activity, (context) => bot.run(context)));
  }

  /** An activity this process authenticated itself (the local Direct Line's token). */
  runTrusted(activity: Activity): Promise<InvokeResponse | undefined> {
    const { adapter, bot, botAppId } = this.deps;
    return this.inOrder(activity, () => adapter.processTrusted(botAppId, activity, (context) => bot.run(context)));
  }

  private inOrder<T>(activity: Activity, task: () => Promise<T>): Promise<T> {
    const key = conversationKeyOf(this.deps.pseudonymSecret, activity.channelId, activity.conversation.id);
    return this.deps.queue.run(key, task);
  }
}
