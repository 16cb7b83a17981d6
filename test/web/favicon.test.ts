import fs from 'node:fs';
import path from 'node:path';
import { startApp, type RunningApp } from '../support/testApp';

/**
 * Passerelle's icon: named by every page (content-hashed SVG) and served as `/favicon.ico`,
 * which browsers ask for on their own (a 404 before).
 */
const PUBLIC = path.resolve(__dirname, '..', '..', 'public');

let running: RunningApp;
beforeAll(async () => {
  running = await startApp();
});
afterAll(() => running.close());

it('/favicon.ico is the icon at 16, 32 and 48 px, kept a week, revalidated by ETag', async () => {
  const res = await fetch(`${running.url}/favicon.ico`);
  expect([res.status, res.headers.get('content-type'), res.headers.get('cache-control')]).toEqual([200, 'image/x-icon', 'public, max-age=604800']);
  const body = Buffer.from(await res.arrayBuffer());
  expect(body.equals(fs.readFileSync(path.join(PUBLIC, 'favicon.ico')))).toBe(true);
  // An ICO header (reserved 0, type 1, three images), each image a PNG of its announced size.
  expect([body.readUInt16LE(0), body.readUInt16LE(2), body.readUInt16LE(4)]).toEqual([0, 1, 3]);
  const sizes = [0, 1, 2].map((i) => {
    const entry = 6 + 16 * i;
    const png = body.subarray(body.readUInt32LE(entry + 12), body.readUInt32LE(entry + 12) + body.readUInt32LE(entry + 8));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    return [body.readUInt8(entry), png.readUInt32BE(16)];
  });
  expect(sizes).toEqual([
    [16, 16],
    [32, 32],
    [48, 48]
  ]);
  const again = await fetch(`${running.url}/favicon.ico`, { headers: { 'if-none-match': res.headers.get('etag')! } });
  expect(again.status).toBe(304);
});

it.each([
  ['the web chat page', '/', 200],
  ['the page of an expired profile link', '/profile/not-a-token', 404]
])('%s names the icon, served content-hashed', async (_name, url, status) => {
  const page = await fetch(`${running.url}${url}`);
  expect(page.status).toBe(status);
  const href = /<link rel="icon" href="([^"]+)" type="image\/svg\+xml"\/>/.exec(await page.text())?.[1];
  expect(href).toMatch(/^\/assets\/favicon\.[0-9a-f]{16}\.svg$/);
  const icon = await fetch(`${running.url}${href}`);
  expect([icon.status, icon.headers.get('content-type'), icon.headers.get('cache-control')]).toEqual([200, 'image/svg+xml', 'public, max-age=31536000, immutable']);
  expect(await icon.text()).toBe(fs.readFileSync(path.join(PUBLIC, 'favicon.svg'), 'utf8'));
});
