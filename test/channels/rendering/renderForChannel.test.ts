import type { Activity, CardAction } from 'botbuilder';
import { CHANNEL_CAPABILITIES, capabilitiesOf } from '../../../src/channels/rendering/channelCapabilities';
import { HERO_CARD_CONTENT_TYPE, convertMarkdown, renderForChannel, splitText } from '../../../src/channels/rendering/renderForChannel';

const LABELS = ['Yes', 'No', 'I am at school or university', 'Maybe later'];

function imBacks(labels: readonly string[]): CardAction[] {
  return labels.map((label) => ({ type: 'imBack', title: label, value: label }));
}

/** The canonical reply the prompts send: markdown text and imBack suggested actions. */
function question(labels: readonly string[] = LABELS, text = '**DIGI@TER**: what are you doing now?\nPick one.'): Partial<Activity> {
  return {
    type: 'message',
    text,
    inputHint: 'expectingInput',
    locale: 'en',
    replyToId: 'incoming-1',
    conversation: { id: 'conv-1' } as Activity['conversation'],
    suggestedActions: { to: [], actions: imBacks(labels) }
  };
}

const NUMBERED = '1. Yes\n2. No\n3. I am at school or university\n4. Maybe later';

type Expected =
  | { form: 'suggestedActions'; text: string }
  | { form: 'heroCard'; text: string }
  | { form: 'numberedText'; text: string };

const KEPT = '**DIGI@TER**: what are you doing now?\nPick one.';
const WHATSAPP = '*DIGI@TER*: what are you doing now?\nPick one.';
const PLAIN = 'DIGI@TER: what are you doing now?\nPick one.';

/** The same question with 4 choices (one title of 28 characters), per channel. */
const EXPECTED: Record<string, Expected> = {
  webchat: { form: 'suggestedActions', text: KEPT },
  directline: { form: 'suggestedActions', text: KEPT },
  emulator: { form: 'suggestedActions', text: KEPT },
  telegram: { form: 'suggestedActions', text: KEPT },
  msteams: { form: 'heroCard', text: KEPT },
  // Quick replies cut titles after 20 characters and a generic template holds 3 buttons.
  facebook: { form: 'numberedText', text: `${PLAIN}\n\n${NUMBERED}` },
  whatsapp: { form: 'numberedText', text: `${WHATSAPP}\n\n${NUMBERED}` },
  sms: { form: 'numberedText', text: `${PLAIN}\n\n${NUMBERED}` },
  'some-new-channel': { form: 'numberedText', text: `${PLAIN}\n\n${NUMBERED}` }
};

function formOf(activity: Partial<Activity>): string {
  if (activity.suggestedActions) return 'suggestedActions';
  if ((activity.attachments ?? []).some((a) => a.contentType === HERO_CARD_CONTENT_TYPE)) return 'heroCard';
  return 'numberedText';
}

function heroButtons(activity: Partial<Activity>): CardAction[] {
  const card = (activity.attachments ?? []).find((a) => a.contentType === HERO_CARD_CONTENT_TYPE);
  return (card?.content as { buttons?: CardAction[] } | undefined)?.buttons ?? [];
}

describe('renderForChannel: one question, every channel', () => {
  it('has an expectation for every channel in the capability table', () => {
    expect(Object.keys(EXPECTED).filter((c) => c !== 'some-new-channel').sort()).toEqual(Object.keys(CHANNEL_CAPABILITIES).sort());
  });

  it.each(Object.entries(EXPECTED))('%s', (channel, expected) => {
    const parts = renderForChannel(question(), channel);
    expect(parts).toHaveLength(1);
    const [reply] = parts as [Partial<Activity>];
    expect(formOf(reply)).toBe(expected.form);
    expect(reply.text).toBe(expected.text);
    expect(reply).toMatchObject({ type: 'message', inputHint: 'expectingInput', locale: 'en', replyToId: 'incoming-1', conversation: { id: 'conv-1' } });
    switch (expected.form) {
      case 'suggestedActions':
        expect(reply.suggestedActions?.actions).toEqual(imBacks(LABELS));
        expect(reply.attachments).toBeUndefined();
        break;
      case 'heroCard':
        expect(reply.suggestedActions).toBeUndefined();
        expect(heroButtons(reply)).toEqual(imBacks(LABELS));
        break;
      case 'numberedText':
        expect(reply.suggestedActions).toBeUndefined();
        expect(reply.attachments).toBeUndefined();
        expect(reply.textFormat).toBe('plain');
        break;
    }
  });

  it('does not change the activity it is given', () => {
    const original = question();
    const copy = structuredClone(original);
    for (const channel of Object.keys(EXPECTED)) renderForChannel(original, channel);
    expect(original).toEqual(copy);
  });
});

describe('renderForChannel: channel limits', () => {
  const cases: [name: string, channel: string, labels: string[], form: string][] = [
    ['facebook quick replies with titles of 20 characters', 'facebook', ['Yes', 'No', 'Exactly twenty chars'], 'suggestedActions'],
    ['facebook with a title of 21 characters and 3 choices: a generic template', 'facebook', ['Yes', 'No', 'Twenty-one characters'], 'numberedText'],
    ['facebook with 13 short choices', 'facebook', Array.from({ length: 13 }, (_, i) => `Choice ${i + 1}`), 'suggestedActions'],
    ['facebook with 14 short choices', 'facebook', Array.from({ length: 14 }, (_, i) => `Choice ${i + 1}`), 'numberedText'],
    ['msteams with 6 choices', 'msteams', Array.from({ length: 6 }, (_, i) => `Choice ${i + 1}`), 'heroCard'],
    ['msteams with 7 choices (hero cards show 6 buttons)', 'msteams', Array.from({ length: 7 }, (_, i) => `Choice ${i + 1}`), 'numberedText'],
    ['msteams with a 41-character title', 'msteams', ['Yes', 'x'.repeat(41)], 'numberedText'],
    ['telegram with a 41-character title', 'telegram', ['Yes', 'x'.repeat(41)], 'numberedText'],
    ['webchat with a 100-character title', 'webchat', ['Yes', 'x'.repeat(100)], 'suggestedActions'],
    ['channel ids are case-insensitive', 'WebChat', ['Yes', 'No'], 'suggestedActions']
  ];
  it.each(cases)('%s', (_name, channel, labels, form) => {
    const [reply] = renderForChannel(question(labels), channel) as [Partial<Activity>];
    expect(formOf(reply)).toBe(form);
    if (form === 'numberedText') expect(reply.text).toContain(labels.map((l, i) => `${i + 1}. ${l}`).join('\n'));
    else expect(reply.text).not.toMatch(/^1\. /m);
  });

  it('numbers a question that has no text', () => {
    const [reply] = renderForChannel({ type: 'message', suggestedActions: { to: [], actions: imBacks(['Yes', 'No']) } }, 'sms');
    expect(reply?.text).toBe('1. Yes\n2. No');
  });

  it('keeps other attachments, adding the hero card after them', () => {
    const image = { contentType: 'image/png', contentUrl: 'https://example.org/a.png' };
    const [reply] = renderForChannel({ ...question(['Yes', 'No']), attachments: [image] }, 'msteams') as [Partial<Activity>];
    expect(reply.attachments?.map((a) => a.contentType)).toEqual(['image/png', HERO_CARD_CONTENT_TYPE]);
  });
});

describe('renderForChannel: markdown', () => {
  const cases: [input: string, basic: string, whatsapp: string, none: string][] = [
    ['**bold** and more', '**bold** and more', '*bold* and more', 'bold and more'],
    ['__bold__ text', '__bold__ text', '*bold* text', 'bold text'],
    ['an *italic* word', 'an *italic* word', 'an _italic_ word', 'an italic word'],
    ['**bold** then *italic*', '**bold** then *italic*', '*bold* then _italic_', 'bold then italic'],
    ['~~gone~~', '~~gone~~', '~gone~', 'gone'],
    ['see [the site](https://example.org)', 'see [the site](https://example.org)', 'see the site (https://example.org)', 'see the site (https://example.org)'],
    ['5 * 3 * 2 = 30', '5 * 3 * 2 = 30', '5 * 3 * 2 = 30', '5 * 3 * 2 = 30'],
    ['**الأهلية**: نعم', '**الأهلية**: نعم', '*الأهلية*: نعم', 'الأهلية: نعم'],
    ['line one\nline two\n\nparagraph', 'line one\nline two\n\nparagraph', 'line one\nline two\n\nparagraph', 'line one\nline two\n\nparagraph']
  ];
  it.each(cases)('%j', (input, basic, whatsapp, none) => {
    expect(convertMarkdown(input, 'basic')).toBe(basic);
    expect(convertMarkdown(input, 'whatsapp')).toBe(whatsapp);
    expect(convertMarkdown(input, 'none')).toBe(none);
  });

  it.each([
    ['webchat', '**Hello**'],
    ['msteams', '**Hello**'],
    ['telegram', '**Hello**'],
    ['whatsapp', '*Hello*'],
    ['sms', 'Hello']
  ])('a plain message on %s', (channel, text) => {
    expect(renderForChannel({ type: 'message', text: '**Hello**' }, channel)).toEqual([
      expect.objectContaining({ type: 'message', text })
    ]);
  });

  it('leaves text that is declared plain alone', () => {
    const [reply] = renderForChannel({ type: 'message', text: '**not bold**', textFormat: 'plain' }, 'sms');
    expect(reply?.text).toBe('**not bold**');
  });
});

describe('renderForChannel: long texts', () => {
  /** About 5,000 characters: paragraphs of numbered sentences, so that order and loss can be checked. */
  function longText(): string {
    const paragraphs: string[] = [];
    let n = 0;
    while (paragraphs.join('\n\n').length < 5000) {
      const sentences: string[] = [];
      for (let i = 0; i < 6; i++) sentences.push(`Sentence ${++n} says something useful about the programme.`);
      paragraphs.push(sentences.join(' '));
    }
    return paragraphs.join('\n\n');
  }
  const text = longText();

  it('is about 5,000 characters', () => {
    expect(text.length).toBeGreaterThanOrEqual(5000);
    expect(text.length).toBeLessThan(5400);
  });

  it.each([
    ['sms', 1600, 'numberedText'],
    ['whatsapp', 4096, 'numberedText'],
    ['facebook', 2000, 'numberedText'],
    ['telegram', 4096, 'suggestedActions']
  ])('%s: parts of at most %i characters, cut at sentences, choices on the last part only', (channel, max, form) => {
    const parts = renderForChannel(question(LABELS, text), channel);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(part.text!.length).toBeLessThanOrEqual(max);
      expect(part).toMatchObject({ inputHint: 'expectingInput', locale: 'en', replyToId: 'incoming-1' });
    }
    const body = parts.slice(0, -1);
    const last = parts[parts.length - 1]!;
    for (const part of body) {
      expect(part.text).toMatch(/\.$/); // a sentence boundary, never a word cut
      expect(part.text).not.toContain('1. Yes');
      expect(part.suggestedActions).toBeUndefined();
      expect(part.attachments).toBeUndefined();
    }
    expect(formOf(last)).toBe(form);
    if (form === 'numberedText') expect(last.text!.endsWith(`programme.\n\n${NUMBERED}`)).toBe(true);
    // Nothing lost, nothing repeated, in order.
    const sentences = parts.map((p) => p.text!).join(' ').match(/Sentence \d+/g);
    expect(sentences).toEqual(text.match(/Sentence \d+/g));
  });

  it('does not split what fits', () => {
    expect(renderForChannel(question(LABELS, text), 'webchat')).toHaveLength(1);
  });

  it('cuts a text without spaces at the limit, never inside a surrogate pair', () => {
    const emoji = '😀'.repeat(1000); // 2,000 UTF-16 units
    const parts = splitText(emoji, 1599);
    expect(parts.map((p) => p.length)).toEqual([1598, 402]);
    expect(parts.join('')).toBe(emoji);
  });

  it('prefers a paragraph, then a line, then a sentence, then a word', () => {
    expect(splitText('aaaa bbbb.\n\ncccc', 12)).toEqual(['aaaa bbbb.', 'cccc']);
    expect(splitText('aaaa bbbb.\ncccc', 12)).toEqual(['aaaa bbbb.', 'cccc']);
    expect(splitText('aaaa. bbbb cccc', 12)).toEqual(['aaaa. bbbb', 'cccc']);
    expect(splitText('aaaa. bbbbbbb cccc', 12)).toEqual(['aaaa.', 'bbbbbbb cccc']);
  });
});

describe('renderForChannel: other activities', () => {
  it.each(['webchat', 'msteams', 'sms', 'whatsapp', 'unknown'])('typing and events are untouched on %s', (channel) => {
    const typing: Partial<Activity> = { type: 'typing', text: '**x**'.repeat(1000), replyToId: 'r' };
    const event: Partial<Activity> = { type: 'event', name: 'x', value: { a: 1 } };
    expect(renderForChannel(typing, channel)).toEqual([typing]);
    expect(renderForChannel(typing, channel)[0]).toBe(typing);
    expect(renderForChannel(event, channel)[0]).toBe(event);
  });

  it('the default for unknown channels is text only and plain', () => {
    expect(capabilitiesOf('slack')).toMatchObject({ heroCards: false, suggestedActions: { supported: false }, markdown: 'none' });
    expect(capabilitiesOf(undefined)).toBe(capabilitiesOf('slack'));
  });
});
