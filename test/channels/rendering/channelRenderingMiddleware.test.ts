import { ActivityTypes, MessageFactory, TestAdapter, type Activity } from 'botbuilder';
import { ChannelRenderingMiddleware } from '../../../src/channels/rendering/channelRenderingMiddleware';

function adapterFor(channelId: string): TestAdapter {
  const adapter = new TestAdapter(
    async (context) => {
      await context.sendActivity({ type: ActivityTypes.Typing });
      const long = Array.from({ length: 60 }, (_, i) => `Sentence ${i + 1} is long enough to need a second message.`).join(' ');
      const reply = MessageFactory.suggestedActions(['Yes', 'No'], `**Hello**. ${long}`);
      reply.inputHint = 'expectingInput';
      reply.locale = 'en';
      await context.sendActivity(reply);
    },
    { channelId, conversation: { id: 'conv', isGroup: false, conversationType: 'personal', name: '' }, user: { id: 'u', name: 'U' }, bot: { id: 'b', name: 'B' }, locale: 'en' } as never
  );
  adapter.use(new ChannelRenderingMiddleware());
  return adapter;
}

async function repliesOn(channelId: string): Promise<Partial<Activity>[]> {
  const adapter = adapterFor(channelId);
  await adapter.send('hi');
  return adapter.activeQueue.splice(0);
}

describe('ChannelRenderingMiddleware', () => {
  it('renders every outgoing activity for the turn channel (sms: split, numbered, plain)', async () => {
    const replies = await repliesOn('sms');
    expect(replies[0]?.type).toBe('typing');
    const messages = replies.slice(1);
    expect(messages.length).toBeGreaterThanOrEqual(3);
    for (const message of messages) {
      expect(message.text!.length).toBeLessThanOrEqual(1600);
      expect(message.text).not.toContain('**');
      expect(message.suggestedActions).toBeUndefined();
      expect(message).toMatchObject({ type: 'message', inputHint: 'expectingInput', locale: 'en', replyToId: expect.any(String) });
      expect(message.conversation?.id).toBe('conv');
    }
    expect(messages[0]!.text!.startsWith('Hello. Sentence 1 ')).toBe(true);
    // The question's last sentence stays with its choices.
    expect(messages[messages.length - 1]!.text).toBe('Sentence 60 is long enough to need a second message.\n\n1. Yes\n2. No');
  });

  it('keeps suggested actions on web chat, in one message', async () => {
    const replies = await repliesOn('webchat');
    expect(replies.map((r) => r.type)).toEqual(['typing', 'message']);
    expect(replies[1]?.text?.startsWith('**Hello**.')).toBe(true);
    expect(replies[1]?.suggestedActions?.actions.map((a) => a.title)).toEqual(['Yes', 'No']);
  });
});
