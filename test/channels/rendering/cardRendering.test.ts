import { renderForChannel } from '../../../src/channels/rendering/renderForChannel';

const adaptive = {
  contentType: 'application/vnd.microsoft.card.adaptive',
  content: {
    type: 'AdaptiveCard',
    version: '1.3',
    body: [
      { type: 'TextBlock', text: 'Your skills profile', weight: 'Bolder' },
      { type: 'FactSet', facts: [{ title: 'Safety', value: 'On my own' }] },
      { type: 'TextBlock', text: 'Training level we suggest: EQF 4' }
    ]
  }
};
const hero = { contentType: 'application/vnd.microsoft.card.hero', content: { title: '1. Web basics', subtitle: 'Porto (Portugal) · EQF level 4 · Online', text: 'Next start: 3 March 2027' } };

describe('cards on each channel', () => {
  it.each(['webchat', 'emulator', 'msteams'])('%s keeps the Adaptive Card and the hero card', (channel) => {
    const [part] = renderForChannel({ type: 'message', text: 'Results:', attachments: [adaptive, hero] }, channel);
    expect(part!.attachments?.map((a) => a.contentType)).toEqual([adaptive.contentType, hero.contentType]);
    expect(part!.text).toBe('Results:');
  });

  it.each([
    ['sms', /Your skills profile\n• Safety: On my own\nTraining level we suggest: EQF 4\n\n1\. Web basics\nPorto \(Portugal\)/],
    ['whatsapp', /\*Your skills profile\*\n• Safety: On my own/],
    ['telegram', /\*\*Your skills profile\*\*\n• Safety: On my own[\s\S]*\*\*1\. Web basics\*\*/],
    ['directline', /\*\*Your skills profile\*\*[\s\S]*1\. Web basics/]
  ])('%s gets the cards as text, in order, after the message text', (channel, expected) => {
    const parts = renderForChannel({ type: 'message', text: 'Results:', attachments: [adaptive, hero] }, channel);
    expect(parts.every((p) => (p.attachments ?? []).length === 0)).toBe(true);
    const text = parts.map((p) => p.text).join('\n');
    expect(text.startsWith('Results:')).toBe(true);
    expect(text).toMatch(expected);
  });

  it('a card-only message on SMS becomes a text message', () => {
    const [part] = renderForChannel({ type: 'message', attachments: [adaptive] }, 'sms');
    expect(part!.text).toMatch(/^Your skills profile/);
    expect(part!.attachments).toBeUndefined();
  });
});
