import { randomBytes } from 'node:crypto';
import type { ChannelAccount } from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import type { Logger } from '../../logger';
import { describeIssues } from '../botframework/activitySchema';
import type { ActivityFields, DirectLineConversationStore } from './directLineConversationStore';
import { botActivitySchema } from './directLineSchemas';
import { DIRECTLINE_CHANNEL_ID } from './directLineRoutes';
import { LOCAL_CONNECTOR_PATH, type LocalConnectorAuth } from './localConnectorCredentials';

export interface ConnectorRouteDeps {
  store: DirectLineConversationStore;
  connector: LocalConnectorAuth;
  bot: ChannelAccount;
  logger: Logger;
}

function sendError(res: Response, status: number, code: string, message: string, extra: Record<string, unknown> = {}): void {
  if (status === 401) res.header('WWW-Authenticate', 'Bearer');
  res.send(status, { error: { code, message }, ...extra });
}

/**
 * The Bot Connector API, as far as the bot uses it, for local Direct Line conversations: their
 * `serviceUrl` points here, so the bot's replies (`sendToConversation`, `replyToActivity`),
 * updates (`updateActivity`) and proactive messages land in the conversation's transcript and
 * reach the page. Only this process may call it (its per-process secret as bearer token).
 */
export function addConnectorRoutes(server: Server, deps: ConnectorRouteDeps): void {
  const { store, connector } = deps;
  const base = `${LOCAL_CONNECTOR_PATH}v3/conversations/:conversationId/activities`;

  /** Checks the caller and the body; answers and returns undefined when refused. */
  const accept = async (req: Request, res: Response) => {
    if (!connector.accepts(req.header('authorization'))) {
      sendError(res, 401, 'Unauthorized', 'only this server may call its Connector route');
      return undefined;
    }
    if (!req.is('json')) {
      sendError(res, 415, 'UnsupportedMediaType', 'send the activity as application/json');
      return undefined;
    }
    const parsed = botActivitySchema.safeParse(req.body);
    if (!parsed.success) {
      sendError(res, 400, 'BadArgument', 'invalid activity', { reasons: describeIssues(parsed.error) });
      return undefined;
    }
    const conversation = await store.get(req.params.conversationId as string);
    if (!conversation) {
      sendError(res, 404, 'NotFound', 'no such conversation');
      return undefined;
    }
    return { activity: parsed.data, conversation };
  };

  /** The activity as the page receives it: server-set channel, conversation, time; no serviceUrl. */
  const normalise = (activity: { type: string } & Record<string, unknown>, conversationId: string, keptIds: Set<string>): ActivityFields => {
    const { serviceUrl: _serviceUrl, id: _id, ...rest } = activity;
    const normalised: ActivityFields = {
      ...rest,
      type: activity.type,
      timestamp: new Date().toISOString(),
      channelId: DIRECTLINE_CHANNEL_ID,
      conversation: { id: conversationId },
      from: rest.from ?? deps.bot
    };
    // Web Chat holds back a reply whose replyToId it has not seen (e.g. the start of the
    // conversation, which clients never receive): keep only references it can resolve.
    if (typeof normalised.replyToId !== 'string' || !keptIds.has(normalised.replyToId)) delete normalised.replyToId;
    return normalised;
  };

  const post = async (req: Request, res: Response) => {
    const accepted = await accept(req, res);
    if (!accepted) return;
    const { activity, conversation } = accepted;
    const replyToId = (req.params.activityId as string | undefined) ?? activity.replyToId;
    const keptIds = new Set(conversation.activities.map((a) => a.activity.id));
    const toStore = normalise({ ...activity, ...(replyToId ? { replyToId } : {}) }, conversation.conversationId, keptIds);
    if (toStore.type === 'typing') {
      // Typing indicators are shown live, never kept.
      const id = `${conversation.conversationId}|typing-${randomBytes(6).toString('hex')}`;
      store.publishEphemeral(conversation.conversationId, { ...toStore, id });
      res.send(200, { id });
      return;
    }
    const stored = await store.append(conversation.conversationId, toStore);
    res.send(200, { id: stored.id });
  };

  server.post(base, post);
  server.post(`${base}/:activityId`, post);

  server.put(`${base}/:activityId`, async (req: Request, res: Response) => {
    const accepted = await accept(req, res);
    if (!accepted) return;
    const { activity, conversation } = accepted;
    const activityId = req.params.activityId as string;
    const keptIds = new Set(conversation.activities.map((a) => a.activity.id));
    const updated = await store.replace(conversation.conversationId, activityId, normalise(activity, conversation.conversationId, keptIds));
    if (!updated) {
      sendError(res, 404, 'NotFound', 'no such activity in the kept transcript');
      return;
    }
    res.send(200, { id: updated.id });
  });
}
