import { LocalDirectLineInUseError } from '../../../src/channels/directline';
import { startApp, tempDataDir } from '../../support/testApp';

describe('the local Direct Line with several instances on one database', () => {
  it('is served by one instance: a second refuses to start, pointing to Azure Bot Service’s Direct Line; it starts once the first has stopped', async () => {
    const dataDir = tempDataDir();
    const first = await startApp({ DATA_DIR: dataDir });
    const refused = startApp({ DATA_DIR: dataDir });
    await expect(refused).rejects.toBeInstanceOf(LocalDirectLineInUseError);
    const message = await refused.catch((err: Error) => err.message);
    expect(message).toContain(`instance ${(await first.app.storage.leases.current('directline/owner'))!.holder} already serves it`);
    expect(message).toMatch(/LOCAL_DIRECTLINE=off/);
    expect(message).toMatch(/Azure Bot Service's Direct Line/);
    expect(message).toMatch(/AZURE_DIRECTLINE_SECRET/);

    // Without the local Direct Line, any number of instances share the database.
    const other = await startApp({ DATA_DIR: dataDir, LOCAL_DIRECTLINE: 'off' });
    expect((await fetch(`${other.url}/readyz`)).status).toBe(200);
    await other.close();

    await first.close();
    const next = await startApp({ DATA_DIR: dataDir });
    expect((await fetch(`${next.url}/readyz`)).status).toBe(200);
    await next.close();
  });
});
