import { CloudAdapter, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';

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
}
