import fs from 'node:fs';
import path from 'node:path';
import { TestAdapter, type Activity } from 'botbuilder';
import { countryOfLocale } from '../../src/bot/safetyNet';
import { SHIPPED_LANGUAGES } from '../../src/config';
import { formatPhoneNumber, isConsoleNamespace } from '../../src/i18n';
import { CONCERNS, ConcernRecognizer, loadSafetyLexicons } from '../../src/understanding';
import { CORPORA, QUESTION_KINDS } from '../conversation/corpus';
import { content, dialogHarness, localizer, type KnownPerson } from '../support/dialogHarness';
import { testBot } from '../support/testBot';

/**
 * Part 6 of issue 11: words of distress, self-harm, violence or abuse, in every shipped
 * language, are answered at once with the emergency number and the national helplines of the
 * person's country and a way to talk to a person now; the dialog in progress is kept.
 */

const ROOT = path.resolve(__dirname, '..', '..');
const LEXICONS = loadSafetyLexicons(path.join(ROOT, 'lexicons'));
const recognizer = new ConcernRecognizer(LEXICONS);

/** A message someone might really write, per language, and what it speaks of. */
const MESSAGES: [lang: string, text: string][] = [
  ['fr', "Je n'en peux plus, je veux mourir"],
  ['en', 'honestly I want to die'],
  ['de', 'Mein Mann schlägt mich jeden Tag'],
  ['nl', 'ik denk aan zelfmoord'],
  ['pt', 'Quero morrer, não aguento'],
  ['ro', 'Mă bate în fiecare seară'],
  ['ar', 'زوجي يضربني كل يوم'],
  ['fa', 'به خودکشی فکر می‌کنم'],
  ['ps', 'زه په خطر کې یم'],
  ['ckb', 'دەمەوێت بمرم'],
  ['so', 'waxaan rabaa inaan dhinto'],
  ['ti', 'ክመውት ደልየ'],
  ['tr', 'Kocam beni dövüyor'],
  ['uk', 'Я хочу померти']
];

describe('the words', () => {
  it('every shipped language has its lexicon', () => {
    expect(Object.keys(LEXICONS).sort()).toEqual([...SHIPPED_LANGUAGES].sort());
  });

  it('every phrase of every lexicon is recognized inside a sentence', () => {
    const missed = Object.values(LEXICONS).flatMap((lexicon) =>
      CONCERNS.flatMap((concern) => lexicon[concern].filter((phrase) => recognizer.recognize(`… ${phrase}, voilà`) === undefined).map((p) => `${lexicon.language}: ${p}`))
    );
    expect(missed).toEqual([]);
  });

  it.each(MESSAGES)('%s: "%s"', (_lang, text) => {
    expect(recognizer.recognize(text)).toBeDefined();
  });

  it('no everyday answer of the conversation corpus, and no text or button of the bot, is taken for distress', () => {
    const said = CORPORA.flatMap((corpus) => QUESTION_KINDS.flatMap((kind) => (corpus[kind] ?? []).map(([text]) => `${corpus.lang} ${kind}: ${text}`)));
    const shown: string[] = [];
    const walk = (lang: string, key: string, value: unknown): void => {
      if (typeof value === 'string') for (const part of value.split('|')) shown.push(`${lang} ${key}: ${part}`);
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(lang, `${key}.${k}`, v);
    };
    for (const lang of SHIPPED_LANGUAGES) {
      // The console's texts are for staff, in six languages: people never see them to repeat them.
      for (const ns of localizer.namespaces.filter((n) => n !== 'safety' && !isConsoleNamespace(n))) walk(lang, ns, JSON.parse(fs.readFileSync(path.join(ROOT, 'locales', lang, `${ns}.json`), 'utf8')));
    }
    const titles = content.trainings.trainings.map((t) => `training: ${JSON.stringify(t)}`);
    const taken = [...said, ...shown, ...titles].filter((line) => recognizer.recognize(line.replace(/^[^:]*: /, '')) !== undefined);
    expect(said.length).toBeGreaterThan(500);
    expect(shown.length).toBeGreaterThan(2000);
    expect(taken).toEqual([]);
  });

  it('reads the partner country from the locale', () => {
    expect([countryOfLocale('fr-BE'), countryOfLocale('pt-PT'), countryOfLocale('ar'), countryOfLocale('en-US'), countryOfLocale(undefined)]).toEqual(['BE', 'PT', undefined, undefined, undefined]);
  });
});

async function botAdapter(locale: string, person?: KnownPerson) {
  const harness = await dialogHarness({ lang: 'en', person });
  const bot = testBot(harness);
  const adapter = new TestAdapter((context) => bot.run(context), { locale } as Partial<Activity>);
  return { adapter, harness };
}

async function say(adapter: TestAdapter, text: string): Promise<string> {
  adapter.activeQueue.splice(0);
  await adapter.receiveActivity(text);
  return adapter.activeQueue
    .splice(0)
    .map((a) => a.text ?? '')
    .join('\n');
}

describe('the answer', () => {
  it('interrupts the eligibility questions, gives 112 and the lines of Belgium, then asks the same question again', async () => {
    const { adapter, harness } = await botAdapter('en-BE');
    try {
      await say(adapter, 'hi');
      await say(adapter, 'English');
      await say(adapter, 'yes');
      expect(await say(adapter, '1')).toMatch(/How old are you\?/);
      const reply = await say(adapter, 'my partner beats me and I want to die');
      for (const expected of [/You are not alone/, /call \*\*112\*\*/, /0800 32 123/, /1813/, /1712/, /0800 30 030/, /Here is where we stopped/, /How old are you\?/]) expect(reply).toMatch(expected);
      // The message was not taken as an answer; the question goes on.
      expect(await say(adapter, '22')).toMatch(/In which country/);
    } finally {
      await harness.storage.close();
    }
  });

  it('with no known country, names each partner country with one line, and 112', async () => {
    const { adapter, harness } = await botAdapter('en');
    try {
      const reply = await say(adapter, 'I feel suicidal');
      for (const expected of [/\*\*112\*\*/, /France, suicide prevention: \*\*3114\*\*/, /Belgium/, /Romania/, /Germany/, /Portugal/, /write “menu”/]) expect(reply).toMatch(expected);
    } finally {
      await harness.storage.close();
    }
  });

  // One case per shipped language: the person's language, their country's lines in its digits.
  const CASES = MESSAGES.map(([lang, text], i): [string, string, string] => [lang, text, ['fr-FR', 'de-DE', 'ro-RO', 'pt-PT', 'nl-BE'][i % 5]!]);
  it.each(CASES)('%s: "%s" (locale %s) is answered in the person\'s language, with the emergency number in its digits', async (lang, text, locale) => {
    const { adapter, harness } = await botAdapter(locale, { language: lang, consent: 'granted' });
    try {
      const texts = localizer.textsIn(lang);
      const reply = await say(adapter, text);
      expect(reply).toContain(texts.t('safety:concern'));
      expect(reply).toContain(`**${formatPhoneNumber('112', lang)}**`);
      const country = countryOfLocale(locale)!;
      for (const line of content.helplines.byCountry[country]!) expect(reply).toContain(formatPhoneNumber(line.number, lang));
      expect(reply).toContain(texts.t('safety:menu'));
    } finally {
      await harness.storage.close();
    }
  });
});
