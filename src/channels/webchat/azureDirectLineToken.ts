import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import type { AzureDirectLineConfig } from '../../config';
import { describeError, type Logger } from '../../logger';
import { flatErrorShape, parseBody } from '../../server/http';
import { USER_ID } from '../directline/directLineSchemas';

/** Where the page asks for a token when it talks to Azure's Direct Line. */
export const AZURE_TOKEN_PATH = '/webchat/token';

const tokenRequestSchema = z
  .object({ user: z.object({ id: z.string().regex(USER_ID, 'must be the random id the page keeps') }).passthrough() })
  .passthrough();

const azureTokenSchema = z.object({ conversationId: z.string().min(1), token: z.string().min(1), expires_in: z.number().int().positive() }).passthrough();

const tokenErrors = flatErrorShape();

/**
 * `POST /webchat/token` (when AZURE_DIRECTLINE_SECRET is set): exchanges the Direct Line secret
 * for a token of a new conversation bound to the page's user id (prefixed `dl_`, as Azure
 * requires), so the page talks to Azure's Direct Line without ever seeing the secret.
 */
export function azureTokenHandler(deps: { azure: AzureDirectLineConfig; logger: Logger; fetch?: typeof fetch }): (req: Request, res: Response) => Promise<void> {
  const { azure, logger } = deps;
  const doFetch = deps.fetch ?? fetch;
  return async (req, res) => {
    const body = parseBody(req, res, tokenRequestSchema, tokenErrors, { code: 'invalid_request' });
    if (!body) return;
    try {
      const response = await doFetch(`${azure.endpoint}/tokens/generate`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${azure.secret}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ user: { id: `dl_${body.user.id}` } }),
        signal: AbortSignal.timeout(10_000)
      });
      const issued = azureTokenSchema.safeParse(await response.json().catch(() => undefined));
      if (!response.ok || !issued.success) {
        logger.error({ status: response.status }, 'Azure Direct Line refused to issue a token: check AZURE_DIRECTLINE_SECRET');
        tokenErrors(res, { status: 502, code: 'directline_unavailable' });
        return;
      }
      res.send(200, { conversationId: issued.data.conversationId, token: issued.data.token, expires_in: issued.data.expires_in });
    } catch (err) {
      logger.error({ err: describeError(err) }, 'Azure Direct Line unreachable');
      tokenErrors(res, { status: 502, code: 'directline_unavailable' });
    }
  };
}

/** Adds `POST /webchat/token` (see `azureTokenHandler`). */
export function addAzureDirectLineTokenRoute(server: Server, deps: { azure: AzureDirectLineConfig; logger: Logger; fetch?: typeof fetch }): void {
  server.post(AZURE_TOKEN_PATH, azureTokenHandler(deps));
}
