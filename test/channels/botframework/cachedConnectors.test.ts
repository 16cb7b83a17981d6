import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import { AuthenticationConstants, ClaimsIdentity } from 'botframework-connector';
import { CachedConnectorsAuthentication, MAX_CONNECTOR_CLIENTS } from '../../../src/channels/botframework/cachedConnectors';

/** Connector clients are made once per bot app id, serviceUrl and audience, not at every turn. */
describe('CachedConnectorsAuthentication', () => {
  const claims = (appId: string) => new ClaimsIdentity([{ type: AuthenticationConstants.AudienceClaim, value: appId }], true);
  const local = () => new CachedConnectorsAuthentication(new ConfigurationBotFrameworkAuthentication({}));

  it('gives every turn of the same bot, serviceUrl and audience the same client, and others their own', async () => {
    const auth = local();
    const first = await auth.createConnectorFactory(claims('bot')).create('http://127.0.0.1:9/', 'aud');
    const again = await auth.createConnectorFactory(claims('bot')).create('http://127.0.0.1:9/', 'aud');
    const otherUrl = await auth.createConnectorFactory(claims('bot')).create('http://127.0.0.1:10/', 'aud');
    const otherAudience = await auth.createConnectorFactory(claims('bot')).create('http://127.0.0.1:9/', 'other');
    const otherBot = await auth.createConnectorFactory(claims('another-bot')).create('http://127.0.0.1:9/', 'aud');
    expect(again).toBe(first);
    expect(new Set([first, otherUrl, otherAudience, otherBot]).size).toBe(4);
    expect(auth.connectorClients).toBe(4);
  });

  it('caches the clients of incoming activities too (local mode: no token)', async () => {
    const auth = local();
    const activity = { type: 'message', serviceUrl: 'http://127.0.0.1:9/', channelId: 'emulator', conversation: { id: 'c' }, from: { id: 'u' }, recipient: { id: 'b' } } as Activity;
    const a = await auth.authenticateRequest(activity, '');
    const b = await auth.authenticateRequest(activity, '');
    expect(await b.connectorFactory!.create(activity.serviceUrl, a.audience)).toBe(await a.connectorFactory!.create(activity.serviceUrl, a.audience));
    expect(auth.connectorClients).toBe(1);
  });

  it(`keeps at most ${MAX_CONNECTOR_CLIENTS} clients, dropping the least recently used`, async () => {
    const auth = local();
    const factory = auth.createConnectorFactory(claims('bot'));
    const kept = await factory.create('http://127.0.0.1:1/');
    const second = await factory.create('http://127.0.0.1:2/');
    for (let i = 3; i <= MAX_CONNECTOR_CLIENTS + 5; i++) {
      await factory.create(`http://127.0.0.1:${i}/`);
      await factory.create('http://127.0.0.1:1/'); // used at every turn: never the least recent
    }
    expect(auth.connectorClients).toBe(MAX_CONNECTOR_CLIENTS);
    expect(await factory.create('http://127.0.0.1:1/')).toBe(kept);
    // The second one went long ago: it is made anew.
    expect(await factory.create('http://127.0.0.1:2/')).not.toBe(second);
    expect(auth.connectorClients).toBe(MAX_CONNECTOR_CLIENTS);
  });
});
