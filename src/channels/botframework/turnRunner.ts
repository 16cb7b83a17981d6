import type { Activity, ActivityHandler, InvokeResponse, TurnContext } from 'botbuilder';
import { conversationKeyOf } from '../../bot/pseudonymousState';
import { isTurnConflict } from '../../bot/turnCommits';
import { currentCorrelationId, newCorrelationId, withCorrelation, type Logger } from '../../logger';
import type { Metrics } from '../../server/metrics';
import type { PasserelleAdapter } from './passerelleAdapter';
import type { TurnQueue } from './turnQueue';

/** How many times a turn runs at most when its commit keeps conflicting with other turns. */
export const MAX_TURN_ATTEMPTS = 5;

/**
 * The one way an incoming activity becomes a bot turn, whichever route received it
 * (`/api/messages`, the local Direct Line): queued per conversation (one turn at a time, in
 * order, across instances too), run by the CloudAdapter (middleware, `onTurnError`), then the
 * bot. A turn whose commit conflicts with another turn's (`isTurnConflict`: it sent nothing) runs
 * again as a whole, on a fresh turn context and freshly read state, up to `MAX_TURN_ATTEMPTS`
 * times; the last attempt's failure goes to `onTurnError` like any other.
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
      logger: Logger;
      /** Counts and times turns (`/metrics`). */
      metrics?: Metrics;
    }
  ) {}

  /** A channel's activity: `authorization` is checked by the adapter when an app id is configured. */
  run(authorization: string, activity: Activity): Promise<InvokeResponse | undefined> {
    const { adapter } = this.deps;
    return this.inOrder(activity, () => this.attempts((logic) => adapter.processAuthenticated(authorization, activity, logic)));
  }

  /** An activity this process authenticated itself (the local Direct Line's token). */
  runTrusted(activity: Activity): Promise<InvokeResponse | undefined> {
    const { adapter, botAppId } = this.deps;
    return this.inOrder(activity, () => this.attempts((logic) => adapter.processTrusted(botAppId, activity, logic)));
  }

  private async attempts(process: (logic: (context: TurnContext) => Promise<void>) => Promise<InvokeResponse | undefined>): Promise<InvokeResponse | undefined> {
    for (let attempt = 1; ; attempt++) {
      const last = attempt >= MAX_TURN_ATTEMPTS;
      let conflicted = false;
      const response = await process(async (context) => {
        try {
          await this.deps.bot.run(context);
        } catch (err) {
          if (last || !isTurnConflict(err)) throw err;
          conflicted = true;
        }
      });
      if (!conflicted) return response;
      this.deps.logger.info({ attempt }, 'turn conflicted with another turn of its conversation: running it again');
      await new Promise((resolve) => setTimeout(resolve, 10 * attempt * (0.5 + Math.random())));
    }
  }

  /**
   * Queued behind the conversation's other turns, measured, and logged under the request's
   * correlation id (a fresh one outside a request).
   */
  private inOrder<T>(activity: Activity, task: () => Promise<T>): Promise<T> {
    const key = conversationKeyOf(this.deps.pseudonymSecret, activity.channelId, activity.conversation.id);
    const { metrics } = this.deps;
    const run = (): Promise<T> => (metrics ? metrics.turn(activity.channelId, () => this.deps.queue.run(key, task)) : this.deps.queue.run(key, task));
    const id = currentCorrelationId();
    return id ? run() : withCorrelation(newCorrelationId(), run);
  }
}
