import fs from 'node:fs';
import path from 'node:path';
import { createApp, type App } from '../../src/app';
import { readConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { DirectLineClient } from '../support/directLineClient';
import { FakeConnector } from '../support/fakeConnector';
import { messageActivity, postJson, tempDataDir } from '../support/testApp';

/**
 * Part 7 of issue 11: at LOG_LEVEL=trace, a whole conversation with recognisable personal data,
 * on /api/messages and on the local Direct Line, and a few attacks, leave none of it in the logs:
 * no user or conversation id, no token, no text, no error message quoting what was sent. Each
 * line of a request carries a correlation id.
 */

const ROOT = path.resolve(__dirname, '..', '..');
const MARK = 'Zqxw';
const USER = `${MARK}-user-phone-33612345678`;
const CONVERSATION = `${MARK}-conversation-5521`;
const NAME = `${MARK}marie Dupont${MARK}`;
const SAID = ['hello', 'English', 'yes', '1', `I am ${MARK} born 03/03/2004`, '03/03/2004', 'France', 'none', 'none', 'no', `my name is ${NAME}, I live in ${MARK}ville`];

let app: App;
let url: string;
let connector: FakeConnector;
const lines: string[] = [];
let dataDir: string;

beforeAll(async () => {
  dataDir = tempDataDir();
  connector = await FakeConnector.start();
  const config = readConfig(
    {
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'trace',
      DATA_DIR: dataDir,
      CONTENT_DIR: path.join(ROOT, 'content'),
      LOCALES_DIR: path.join(ROOT, 'locales'),
      LEXICONS_DIR: path.join(ROOT, 'lexicons'),
      RATE_LIMIT_MESSAGES_PER_CONVERSATION: '1000'
    },
    ROOT
  );
  app = await createApp(config, { logger: createLogger('trace', { write: (line: string) => void lines.push(line) }), warmUpRecognizers: false });
  url = `http://127.0.0.1:${(await app.listen()).port}`;
});

afterAll(async () => {
  await app.close();
  await connector.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

it('a whole conversation and a few attacks at trace leave no personal data, token or sent value in the logs', async () => {
  const secrets = [MARK, USER, CONVERSATION, NAME, '03/03/2004', '33612345678'];
  // /api/messages: the eligibility flow, with a name and a birth date.
  for (const text of SAID) {
    const res = await postJson(`${url}/api/messages`, { ...messageActivity({ serviceUrl: connector.serviceUrl, conversationId: CONVERSATION, userId: USER, text }), from: { id: USER, name: NAME } });
    expect(res.status).toBe(200);
  }
  expect(connector.messagesFor(CONVERSATION).length).toBeGreaterThan(5);
  // The local Direct Line: its ids and tokens are secrets too.
  const client = await DirectLineClient.start(url, { userId: `${MARK}-web-user-0123456789` });
  secrets.push(client.conversationId, client.token, new URL(client.streamUrl!).searchParams.get('t')!);
  for (const text of ['English', 'yes', `${NAME} here`]) await client.say(text, { from: { id: client.userId, name: NAME } });
  await fetch(`${url}/v3/directline/tokens/refresh`, { method: 'POST', headers: client.authorization });
  // Attacks: forged and stale tokens, a malformed body quoting a secret, a path that is one, a
  // serviceUrl refused, an unknown profile link, a deep body.
  await fetch(`${url}/v3/directline/conversations/${client.conversationId}/activities`, { headers: { authorization: `Bearer ${MARK}.${MARK}.${MARK}` } });
  await postJson(`${url}/api/messages`, `{"text": "${MARK}" ${MARK}`);
  await fetch(`${url}/${MARK}/${USER}`);
  await postJson(`${url}/api/messages`, messageActivity({ serviceUrl: `http://${MARK}.example/`, conversationId: CONVERSATION, userId: USER, text: MARK }));
  await fetch(`${url}/profile/${MARK}-profile-token-0123456789abcdef`);
  await postJson(`${url}/api/eligibility`, `{"lang":"${MARK}","answers":${'['.repeat(100)}`);
  await postJson(`${url}/api/messages`, { type: 'message', channelId: MARK, serviceUrl: connector.serviceUrl, conversation: { id: CONVERSATION }, from: { id: USER }, text: 'x'.repeat(20_000) });

  expect(lines.length).toBeGreaterThan(30);
  const leaks = lines.flatMap((line, i) => secrets.filter((secret) => line.includes(secret)).map((secret) => `line ${i}: ${secret} in ${line.slice(0, 300)}`));
  expect(leaks).toEqual([]);
  // Long values are never repeated: no line is longer than a few hundred characters.
  expect(lines.filter((line) => line.length > 2000)).toEqual([]);
  // The lines of a request (its turn included) carry its correlation id.
  const requests = lines.map((l) => JSON.parse(l) as { msg: string; correlationId?: string }).filter((l) => l.msg === 'request');
  expect(requests.length).toBeGreaterThan(10);
  expect(requests.every((l) => typeof l.correlationId === 'string' && /^[0-9a-f]{12}$/.test(l.correlationId))).toBe(true);
});
