#!/usr/bin/env node
/**
 * The framework's ceiling for the benchmark's traffic (scripts/bench.mjs): a bare botbuilder bot
 * on the same stack as Passerelle (restify with its JSON body parser, a CloudAdapter in local
 * mode) that answers each turn of a conversation with the replies Passerelle's eligibility flow
 * sends at that turn, of the same shape (BENCH_REPLIES: per turn, a list of [text length,
 * buttons]; a reply with buttons carries them as suggested actions, like Passerelle's
 * questions). It keeps no state but a turn counter per conversation in memory, reads nothing
 * and writes nothing: what is left is the framework's own cost (HTTP in, adapter, turn context,
 * Connector client out).
 *
 *   PORT=3979 BENCH_REPLIES='[[[135,0],[34,14]],[[34,0]]]' node scripts/bench/ceilingBot.mjs
 */
import { ActivityTypes, CloudAdapter, ConfigurationBotFrameworkAuthentication, MessageFactory } from 'botbuilder';
import restify from 'restify';

/** @type {[number, number][][]} */
const shapes = JSON.parse(process.env.BENCH_REPLIES ?? '[[[100,0]]]');
const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const turns = new Map();
const WORDS = 'This is a reply of about the length of one Passerelle sends at this turn of the flow. ';

function reply([length, buttons], turn, i) {
  const text = `${turn}.${i} ${WORDS.repeat(Math.ceil(length / WORDS.length))}`.slice(0, length);
  if (buttons === 0) return MessageFactory.text(text);
  return MessageFactory.suggestedActions(Array.from({ length: buttons }, (_, b) => `Choice number ${b + 1}`), text);
}

async function logic(context) {
  const { type, conversation } = context.activity;
  if (type !== ActivityTypes.Message && type !== ActivityTypes.ConversationUpdate) return;
  const turn = turns.get(conversation.id) ?? 0;
  if (turn + 1 >= shapes.length) turns.delete(conversation.id);
  else turns.set(conversation.id, turn + 1);
  const replies = shapes[Math.min(turn, shapes.length - 1)] ?? [];
  await context.sendActivities(replies.map((shape, i) => reply(shape, turn, i)));
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
