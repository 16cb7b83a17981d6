import { ConversationState, MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import pino from 'pino';
import { createTurnErrorHandler, isCorruptStateError } from '../../src/bot/turnErrorHandler';
import { CorruptStateError } from '../../src/storage';
import { localizer } from '../support/dialogHarness';

/** Conversation states present in a MemoryStorage (its delete sets the entry to undefined). */
function storedConversations(storage: MemoryStorage): string[] {
  const memory = (storage as unknown as { memory: Record<string, unknown> }).memory;
  return Object.keys(memory).filter((k) => k.includes('/conversations/') && memory[k] !== undefined);
}

function setup(error: Error, locale: string) {
  const storage = new MemoryStorage();
  const conversationState = new ConversationState(storage);
  const lines: string[] = [];
  const logger = pino({ level: 'error' }, { write: (line: string) => lines.push(line) });
  const adapter = new TestAdapter(async (context) => {
    const counter = conversationState.createProperty<number>('counter');
    await counter.set(context, ((await counter.get(context, 0)) ?? 0) + 1);
    await conversationState.saveChanges(context);
    throw error;
  }, { locale } as Partial<Activity>);
  adapter.onTurnError = createTurnErrorHandler({ logger, localizer, conversationState });
  return { adapter, storage, lines };
}

describe('createTurnErrorHandler', () => {
  it('apologizes in the channel language and keeps the conversation state after an ordinary error', async () => {
    const { adapter, storage, lines } = setup(new Error('database hiccup'), 'ar');
    await adapter.send('مرحبا 0612345678').assertReply((reply) => expect(reply.text).toMatch(/[\u0600-\u06FF]/));
    expect(storedConversations(storage)).toHaveLength(1);
    expect(lines.join('\n')).toMatch(/turn failed/);
    expect(lines.join('\n')).not.toMatch(/0612345678/); // no message text in logs
  });

  it('deletes the conversation state when it is corrupt', async () => {
    const { adapter, storage } = setup(new CorruptStateError('conversation/x'), 'en-US');
    await adapter.send('hello').assertReply((reply) => expect(reply.text).toMatch(/had to start our conversation again/));
    expect(storedConversations(storage)).toHaveLength(0);
  });

  it.each([
    [new CorruptStateError('k'), true],
    [new Error("DialogContext.continue(): Can't continue dialog. A dialog with an id of 'old' wasn't found."), true],
    [new Error('ECONNRESET'), false]
  ])('isCorruptStateError(%s) → %s', (error, expected) => {
    expect(isCorruptStateError(error)).toBe(expected);
  });
});
