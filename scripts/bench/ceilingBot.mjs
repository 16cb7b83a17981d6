#!/usr/bin/env node
/**
 * The framework's ceiling for the benchmark's traffic (scripts/bench.mjs): a bare botbuilder bot
 * on the same stack as Passerelle (restify with its JSON body parser, a CloudAdapter in local
 * mode) that answers each turn of a conversation with as many replies as Passerelle's
 * eligibility flow sends at that turn (BENCH_REPLIES, e.g. "1,2,1,…"), each a short text with
 * suggested actions, like Passerelle's questions. It keeps no state but a turn counter per
 * conversation in memory, reads nothing and writes nothing: what is left is the framework's own
 * cost (HTTP in, adapter, turn context, Connector client out).
 *
 *   PORT=3979 BENCH_REPLIES=2,2,1,2,2,2,2,2,1,1 node scripts/bench/ceilingBot.mjs
 */
import { ActivityTypes, CloudAdapter, ConfigurationBotFrameworkAuthentication, MessageFactory } from 'botbuilder';
import restify from 'restify';

const replies = (process.env.BENCH_REPLIES ?? '1')
  .split(',')
  .map(Number)
  .filter((n) => Number.isInteger(n) && n >= 0);
const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const turns = new Map();
const TEXT = 'This is a reply of about the length of a question of the eligibility flow, with a few words more to read.';

async function logic(context) {
  const { type, conversation } = context.activity;
  if (type !== ActivityTypes.Message && type !== ActivityTypes.ConversationUpdate) return;
  const turn = turns.get(conversation.id) ?? 0;
  if (turn + 1 >= replies.length) turns.delete(conversation.id);
  else turns.set(conversation.id, turn + 1);
  const count = replies[Math.min(turn, replies.length - 1)] ?? 1;
  const activities = Array.from({ length: count }, (_, i) =>
    i === count - 1 ? MessageFactory.suggestedActions(['Yes', 'No', 'I do not know'], `${TEXT} (${turn}.${i})`) : MessageFactory.text(`${TEXT} (${turn}.${i})`)
  );
  await context.sendActivities(activities);
}

const server = restify.createServer({ name: 'ceiling', handleUncaughtExceptions: false });
server.use(restify.plugins.jsonBodyParser({ maxBodySize: 262_144, mapParams: false }));
server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, logic);
});
server.get('/healthz', async (_req, res) => {
  res.send(200, { status: 'ok' });
});
server.listen(Number(process.env.PORT ?? 3979), process.env.HOST ?? '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ msg: 'ceiling bot listening', port: server.address().port })}\n`);
});
const stop = () => server.close(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
