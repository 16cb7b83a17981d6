import { randomBytes } from 'node:crypto';
import type { ChannelAccount } from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import type { Logger } from '../../logger';
import { parseBody, requireJson } from '../../server/http';
import type { ActivityFields, DirectLineConversation, DirectLineConversationStore } from './directLineConversationStore';
import { directLineErrors } from './directLineHttp';
import { botActivitySchema } from './directLineSchemas';
import { DIRECTLINE_CHANNEL_ID } from './directLineRoutes';
import { LOCAL_CONNECTOR_PATH, type LocalConnectorAuth } from './localConnectorCredentials';

export interface ConnectorRouteDeps {
  store: DirectLineConversationStore;
  connector: LocalConnectorAuth;
  bot: ChannelAccount;
  logger: Logger;
}

type Handler = (req: Request, res: Response) => Promise<void>;
type BotActivity = { type: string } & Record<string, unknown>;

/**
 * The caller (this process's secret), the body (a JSON activity) and the conversation of a
 * Connector request; answers 401, 415, 400 or 404 and returns undefined when refused.
 */
async function acceptBotActivity(deps: ConnectorRouteDeps, req: Request, res: Response): Promise<{ activity: BotActivity; conversation: DirectLineConversation } | undefined> {
  if (!deps.connector.accepts(req.header('authorization'))) {
    directLineErrors(res, { status: 401, code: 'Unauthorized', message: 'only this server may call its Connector route' });
    return undefined;
  }
  if (!requireJson(req, res, directLineErrors, { code: 'UnsupportedMediaType', message: 'send the activity as application/json' })) return undefined;
  const activity = parseBody(req, res, botActivitySchema, directLineErrors, { code: 'BadArgument', message: 'invalid activity' });
  if (!activity) return undefined;
  const conversation = await deps.store.get(req.params.conversationId as string);
  if (!conversation) {
    directLineErrors(res, { status: 404, code: 'NotFound', message: 'no such conversation' });
    return undefined;
  }
  return { activity, conversation };
}

/** The activity as the page receives it: server-set channel, conversation, time; no serviceUrl. */
function normalise(deps: ConnectorRouteDeps, activity: BotActivity, conversation: DirectLineConversation): ActivityFields {
  const { serviceUrl: _serviceUrl, id: _id, ...rest } = activity;
  const normalised: ActivityFields = {
    ...rest,
    type: activity.type,
    timestamp: new Date().toISOString(),
    channelId: DIRECTLINE_CHANNEL_ID,
    conversation: { id: conversation.conversationId },
    from: rest.from ?? deps.bot
  };
  // Web Chat holds back a reply whose replyToId it has not seen (e.g. the start of the
  // conversation, which clients never receive): keep only references it can resolve.
  const keptIds = new Set(conversation.activities.map((a) => a.activity.id));
  if (typeof normalised.replyToId !== 'string' || !keptIds.has(normalised.replyToId)) delete normalised.replyToId;
  return normalised;
}

/**
 * `POST …/activities` (`sendToConversation`) and `POST …/activities/:activityId`
 * (`replyToActivity`): keeps the bot's activity in the transcript and pushes it to the page;
 * typing indicators are pushed live, never kept.
 */
export function sendActivityHandler(deps: ConnectorRouteDeps): Handler {
  return async (req, res) => {
    const accepted = await acceptBotActivity(deps, req, res);
    if (!accepted) return;
    const { activity, conversation } = accepted;
    const replyToId = (req.params.activityId as string | undefined) ?? activity.replyToId;
    const toStore = normalise(deps, { ...activity, ...(replyToId ? { replyToId } : {}) }, conversation);
    if (toStore.type === 'typing') {
      const id = `${conversation.conversationId}|typing-${randomBytes(6).toString('hex')}`;
      deps.store.publishEphemeral(conversation.conversationId, { ...toStore, id });
      res.send(200, { id });
      return;
    }
    const stored = await deps.store.append(conversation.conversationId, toStore);
    res.send(200, { id: stored.id });
  };
}

/** `PUT …/activities/:activityId` (`updateActivity`): replaces a kept activity (404 when it is no longer kept). */
export function updateActivityHandler(deps: ConnectorRouteDeps): Handler {
  return async (req, res) => {
    const accepted = await acceptBotActivity(deps, req, res);
    if (!accepted) return;
    const { activity, conversation } = accepted;
    const updated = await deps.store.replace(conversation.conversationId, req.params.activityId as string, normalise(deps, activity, conversation));
    if (!updated) {
      directLineErrors(res, { status: 404, code: 'NotFound', message: 'no such activity in the kept transcript' });
      return;
    }
    res.send(200, { id: updated.id });
  };
}

/**
 * The Bot Connector API, as far as the bot uses it, for local Direct Line conversations: their
 * `serviceUrl` points here, so the bot's replies (`sendToConversation`, `replyToActivity`),
 * updates (`updateActivity`) and proactive messages land in the conversation's transcript and
 * reach the page. Only this process may call it (its per-process secret as bearer token).
 */
export function addConnectorRoutes(server: Server, deps: ConnectorRouteDeps): void {
  const base = `${LOCAL_CONNECTOR_PATH}v3/conversations/:conversationId/activities`;
  server.post(base, sendActivityHandler(deps));
  server.post(`${base}/:activityId`, sendActivityHandler(deps));
  server.put(`${base}/:activityId`, updateActivityHandler(deps));
}
