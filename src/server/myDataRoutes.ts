import type { Request, Response, Server } from 'restify';
import type { PrivacyService } from '../services/privacyService';

export interface MyDataRouteDeps {
  privacy: PrivacyService;
}

/** Never cached, never sent as a referrer, never sniffed as anything but JSON. */
const PRIVATE_HEADERS: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'Content-Disposition': 'attachment; filename="passerelle-my-data.json"'
};

function sendJson(res: Response, status: number, body: unknown): void {
  const text = JSON.stringify(body, null, 2);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...PRIVATE_HEADERS });
  res.end(text);
}

/**
 * `GET /my-data/:token`: everything kept about the person, as JSON, from the link the bot gives
 * in "My information". The token is sealed (unguessable) and expires; a forged, altered or
 * expired one gets 404.
 */
export function addMyDataRoutes(server: Server, deps: MyDataRouteDeps): void {
  server.get('/my-data/:token', async (req: Request, res: Response) => {
    const data = await deps.privacy.openExport(String(req.params.token ?? ''));
    if (!data) sendJson(res, 404, { error: 'not_found', message: 'This link has expired or is not valid. Ask Passerelle in the chat for a new one.' });
    else sendJson(res, 200, data);
  });
}
