import { CloudAdapter, type Activity, type InvokeResponse, type ResourceResponse, type TurnContext } from 'botbuilder';
import { AuthenticationConstants } from 'botframework-connector';
import { HeldReplies } from '../../bot/turnCommits';

/**
 * CloudAdapter with its authenticated entry point made public, so the HTTP route (not the
 * adapter) answers: 400 for bad activities, 401 for refused credentials, 500 for the rest,
 * without the adapter writing to the console. While a turn holds its replies (until its state is
 * committed, see `TurnCommits`), outgoing activities are handed to it instead of being sent.
 */
export class PasserelleAdapter extends CloudAdapter {
  /** Authenticates `authorization` for `activity` (when an app id is configured) and runs `logic`. */
  processAuthenticated(authorization: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authorization, activity, logic);
  }

  /**
   * Runs `logic` for an activity this process has authenticated itself (the local Direct Line
   * checked its own token): no Bot Framework JWT is expected. The turn is otherwise exactly an
   * incoming one (middleware, `onTurnError`, invoke responses); replies are sent to the
   * activity's `serviceUrl` with the credentials of `botAppId`, as for a proactive turn.
   */
  processTrusted(botAppId: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    const claimsIdentity = this.createClaimsIdentity(botAppId);
    return this.processActivity(
      {
        audience: AuthenticationConstants.ToChannelFromBotOAuthScope,
        claimsIdentity,
        connectorFactory: this.botFrameworkAuthentication.createConnectorFactory(claimsIdentity)
      },
      activity,
      logic
    );
  }

  /** Sends, or hands to the turn's held replies (typing indicators and invoke responses always leave at once). */
  override async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const held = HeldReplies.of(context);
    if (!held) return super.sendActivities(context, activities);
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      if (HeldReplies.holds(activity)) responses.push(held.hold(activity));
      else responses.push(...(await super.sendActivities(context, [activity])));
    }
    return responses;
  }
}
