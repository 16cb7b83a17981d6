import type { Clock } from '../../src/services/clock';
import { FakeConnector } from './fakeConnector';
import { startApp, type RunningApp } from './testApp';

/**
 * One running app and one local Connector for the tests of a file: started before them, stopped
 * after. The returned object gives both once started.
 */
export function useAppWithConnector(env: Record<string, string> = {}, clock?: Clock): { readonly running: RunningApp; readonly connector: FakeConnector } {
  let running: RunningApp | undefined;
  let connector: FakeConnector | undefined;
  beforeAll(async () => {
    connector = await FakeConnector.start();
    running = await startApp(env, clock);
  });
  afterAll(async () => {
    await running?.close();
    await connector?.close();
  });
  return {
    get running() {
      if (!running) throw new Error('the app is not started yet (use it inside a test)');
      return running;
    },
    get connector() {
      if (!connector) throw new Error('the connector is not started yet (use it inside a test)');
      return connector;
    }
  };
}
