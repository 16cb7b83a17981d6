import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { messageActivity, postJson, startApp } from '../support/testApp';

/** A Connector that holds each reply for a while, so a turn is still running when we stop. */
async function slowConnector(delayMs: number): Promise<{ url: string; received: string[]; close: () => Promise<void> }> {
  const received: string[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      setTimeout(() => {
        received.push((JSON.parse(body) as { text?: string }).text ?? '');
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"id":"1"}');
      }, delayMs);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    received,
    close: () => new Promise((r) => server.close(() => r()))
  };
}

describe('graceful shutdown', () => {
  it('finishes the turn in flight, then refuses new connections and closes the database', async () => {
    const connector = await slowConnector(300);
    const running = await startApp();
    const inFlight = postJson(`${running.url}/api/messages`, messageActivity({ serviceUrl: connector.url, conversationId: 'conv-stop', text: 'hello' }));
    await new Promise((r) => setTimeout(r, 100));
    const closing = running.close();
    const response = await inFlight;
    expect(response.status).toBe(200);
    await closing;
    expect(connector.received.length).toBeGreaterThanOrEqual(2); // greeting and first question delivered
    await expect(fetch(`${running.url}/healthz`)).rejects.toThrow();
    await expect(running.app.storage.ping()).rejects.toThrow();
    await connector.close();
  });
});
