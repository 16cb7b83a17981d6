import { CloudAdapter, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import { AuthenticationConstants } from 'botframework-connector';

/**
 * CloudAdapter with its authenticated entry point made public, so the HTTP route (not the
 * adapter) answers: 400 for bad activities, 401 for refused credentials, 500 for the rest,
 * without the adapter writing to the console.
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
}
