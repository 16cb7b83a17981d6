import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { createApp, type App } from '../../src/app';
import { readConfig, type Config } from '../../src/config';
import type { Clock } from '../../src/services/clock';

const ROOT = path.resolve(__dirname, '..', '..');

/** A fresh temporary data directory. */
export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-test-'));
}

export interface RunningApp {
  app: App;
  config: Config;
  url: string;
  close(): Promise<void>;
}

/**
 * Starts the real app (real restify server on a random port, real SQLite file) with test
 * settings; `env` overrides any variable.
 */
export async function startApp(env: Record<string, string> = {}, clock?: Clock): Promise<RunningApp> {
  // A data folder made here is removed on close; one given by the test belongs to it (restarts).
  const ownDataDir = env.DATA_DIR === undefined ? tempDataDir() : undefined;
  const config = readConfig(
    {
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      DATA_DIR: env.DATA_DIR ?? ownDataDir!,
      CONTENT_DIR: path.join(ROOT, 'content'),
      LOCALES_DIR: path.join(ROOT, 'locales'),
      LEXICONS_DIR: path.join(ROOT, 'lexicons'),
      SHUTDOWN_TIMEOUT_MS: '5000',
      // Many conversations from one address in a few seconds: the limits stay on, far above that
      // (test/server/rateLimits.test.ts sets its own).
      RATE_LIMIT_MESSAGES_PER_IP: '1000000',
      RATE_LIMIT_TOKENS_PER_IP: '1000000',
      RATE_LIMIT_TOKENS_PER_CONVERSATION: '1000000',
      RATE_LIMIT_CONVERSATIONS_PER_IP: '1000000',
      RATE_LIMIT_CONVERSATIONS_PER_IP_PER_DAY: '1000000',
      RATE_LIMIT_ELIGIBILITY_PER_IP: '1000000',
      ...env
    },
    ROOT
  );
  const app = await createApp(config, { logger: pino({ level: 'silent' }), clock, warmUpRecognizers: false });
  let address;
  try {
    address = await app.listen();
  } catch (err) {
    await app.close();
    if (ownDataDir) fs.rmSync(ownDataDir, { recursive: true, force: true });
    throw err;
  }
  const close = async (): Promise<void> => {
    await app.close();
    if (ownDataDir) fs.rmSync(ownDataDir, { recursive: true, force: true });
  };
  return { app, config, url: `http://127.0.0.1:${address.port}`, close };
}

let sequence = 0;

/** Builds a message activity as a channel would send it. */
export function messageActivity(input: {
  serviceUrl: string;
  conversationId: string;
  userId?: string;
  text?: string;
  locale?: string;
  channelId?: string;
}): Record<string, unknown> {
  sequence += 1;
  return {
    type: 'message',
    id: `act-${sequence}`,
    timestamp: new Date().toISOString(),
    channelId: input.channelId ?? 'webchat',
    serviceUrl: input.serviceUrl,
    locale: input.locale ?? 'en-US',
    from: { id: input.userId ?? `user-${input.conversationId}`, name: 'User', role: 'user' },
    recipient: { id: 'bot', name: 'Passerelle', role: 'bot' },
    conversation: { id: input.conversationId },
    text: input.text
  };
}

/** POSTs JSON to the app. */
export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body)
  });
}
