import type { Activity } from 'botbuilder';
import type { Request, Response } from 'restify';
import { describeError, type Logger } from '../../logger';
import { sendTooManyRequests } from '../../server/createServer';
import { flatErrorShape, parseBody, requireJson } from '../../server/http';
import type { RateLimits } from '../../server/rateLimits';
import type { ServiceUrlPolicy } from './serviceUrlPolicy';
import { incomingActivitySchema } from './activitySchema';
import type { TurnRunner } from './turnRunner';

/**
 * Whether an error means the request's credentials were refused. botframework-connector throws
 * `AuthenticationError` for most refusals, but lets jsonwebtoken's own errors through for a bad
 * signature or an expired token; all of them are the caller's fault: 401, never 500.
 */
export function isAuthenticationFailure(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  if (['AuthenticationError', 'JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError'].includes(err.name)) return true;
  return (err as { statusCode?: number }).statusCode === 401;
}

/** `{ error, message? }`, and `{ error, reasons }` for a rejected activity. */
const messagesErrors = flatErrorShape();

/**
 * `POST /api/messages`: validates the activity's shape (400 with reasons), then hands it to the
 * CloudAdapter, which authenticates it when an app id is configured (401 otherwise) and runs the
 * bot. Turns of one conversation run one at a time.
 */
export function createMessagesHandler(deps: { turns: TurnRunner; logger: Logger; rateLimits?: RateLimits; serviceUrls?: ServiceUrlPolicy }): (req: Request, res: Response) => Promise<void> {
  const { turns, logger, rateLimits, serviceUrls } = deps;
  return async (req, res) => {
    if (!requireJson(req, res, messagesErrors, { code: 'unsupported_media_type', message: 'send the activity as application/json' })) return;
    const parsed = parseBody(req, res, incomingActivitySchema, messagesErrors, { code: 'invalid_activity' });
    if (!parsed) return;
    const activity = parsed as unknown as Activity;
    if (serviceUrls && !serviceUrls.acceptsFromChannel(parsed.serviceUrl)) {
      messagesErrors(res, { status: 400, code: 'invalid_activity', message: serviceUrls.refusal });
      return;
    }
    const wait = await rateLimits?.take('messagesPerConversation', `${parsed.channelId}\u0000${parsed.conversation.id}`);
    if (wait !== undefined) {
      sendTooManyRequests(req, res, wait);
      return;
    }
    const authorization = req.header('authorization') ?? '';
    try {
      const invokeResponse = await turns.run(authorization, activity);
      if (invokeResponse?.body !== undefined) res.send(invokeResponse.status, invokeResponse.body);
      else res.send(invokeResponse?.status ?? 200);
    } catch (err) {
      if (isAuthenticationFailure(err)) {
        logger.info({ reason: (err as Error).name }, 'request refused: not authenticated');
        messagesErrors(res, { status: 401, code: 'unauthorized' });
        return;
      }
      logger.error({ err: describeError(err) }, 'activity processing failed');
      if (!res.headersSent) messagesErrors(res, { status: 500, code: 'internal_error' });
    }
  };
}
