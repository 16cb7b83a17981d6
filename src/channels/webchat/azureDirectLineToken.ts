import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import type { AzureDirectLineConfig } from '../../config';
import type { Logger } from '../../logger';
import { USER_ID } from '../directline/directLineSchemas';

/** Where the page asks for a token when it talks to Azure's Direct Line. */
export const AZURE_TOKEN_PATH = '/webchat/token';

const tokenRequestSchema = z
  .object({ user: z.object({ id: z.string().regex(USER_ID, 'must be the random id the page keeps') }).passthrough() })
  .passthrough();

const azureTokenSchema = z.object({ conversationId: z.string().min(1), token: z.string().min(1), expires_in: z.number().int().positive() }).passthrough();

/**
 * `POST /webchat/token` (when AZURE_DIRECTLINE_SECRET is set): exchanges the Direct Line secret
 * for a token of a new conversation bound to the page's user id (prefixed `dl_`, as Azure
 * requires), so the page talks to Azure's Direct Line without ever seeing the secret.
 */
export function addAzureDirectLineTokenRoute(server: Server, deps: { azure: AzureDirectLineConfig; logger: Logger; fetch?: typeof fetch }): void {
  const { azure, logger } = deps;
  const doFetch = deps.fetch ?? fetch;
  server.post(AZURE_TOKEN_PATH, async (req: Request, res: Response) => {
    const parsed = tokenRequestSchema.safeParse(req.body);
    if (!parsed.success) {
      res.send(400, { error: 'invalid_request', reasons: parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`) });
      return;
    }
    try {
      const response = await doFetch(`${azure.endpoint}/tokens/generate`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${azure.secret}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ user: { id: `dl_${parsed.data.user.id}` } }),
        signal: AbortSignal.timeout(10_000)
      });
      const body = azureTokenSchema.safeParse(await response.json().catch(() => undefined));
      if (!response.ok || !body.success) {
        logger.error({ status: response.status }, 'Azure Direct Line refused to issue a token: check AZURE_DIRECTLINE_SECRET');
        res.send(502, { error: 'directline_unavailable' });
        return;
      }
      res.send(200, { conversationId: body.data.conversationId, token: body.data.token, expires_in: body.data.expires_in });
    } catch (err) {
      logger.error({ err: { name: (err as Error).name, message: (err as Error).message } }, 'Azure Direct Line unreachable');
      res.send(502, { error: 'directline_unavailable' });
    }
  });
}
