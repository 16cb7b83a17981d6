import { choicesActivity } from '../../src/bot/rendering/choiceRendering';

const choices = ['I am at school or university', 'I have a job', 'None of these'].map((label) => ({
  value: label,
  action: { type: 'imBack', title: label, value: label }
}));

describe('choicesActivity', () => {
  it.each(['webchat', 'directline', 'emulator', 'telegram'])('%s gets suggested actions, even with long titles', (channel) => {
    const activity = choicesActivity(channel, choices, 'What are you doing now?');
    expect(activity.text).toBe('What are you doing now?');
    expect(activity.suggestedActions?.actions.map((a) => a.title)).toEqual(choices.map((c) => c.value));
  });

  it('msteams gets a hero card with buttons', () => {
    const activity = choicesActivity('msteams', choices, 'Q?');
    expect(activity.suggestedActions).toBeUndefined();
    expect(activity.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.hero');
    expect((activity.attachments?.[0]?.content as { buttons: unknown[] }).buttons).toHaveLength(3);
  });

  it.each(['sms', 'whatsapp', 'unknown-channel'])('%s gets a numbered text list', (channel) => {
    const activity = choicesActivity(channel, choices, 'Q?');
    expect(activity.suggestedActions).toBeUndefined();
    expect(activity.attachments ?? []).toHaveLength(0);
    expect(activity.text).toContain('1. I am at school or university');
    expect(activity.text).toContain('3. None of these');
  });

  it('facebook falls back to a numbered list when a title is longer than 20 characters', () => {
    expect(choicesActivity('facebook', choices, 'Q?').suggestedActions).toBeUndefined();
    const short = choices.slice(1);
    expect(choicesActivity('facebook', short, 'Q?').suggestedActions?.actions).toHaveLength(2);
  });
});
