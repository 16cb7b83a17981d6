import { SHIPPED_LANGUAGES } from '../../src/config';
import { warmUp } from '../../src/understanding';
import { CORPORA, QUESTION_KINDS } from './corpus';
import { understand } from './corpusRunner';

/**
 * The conversation corpus: the everyday ways people answer each question, in every shipped
 * language, said to the real dialogs and prompts, with what the bot must make of them. One test
 * per language and question lists every answer understood otherwise.
 */

/** JSON with object keys in order: `{ country, format }` equals `{ format, country }`. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v
  );
}

beforeAll(() => warmUp(['fr', 'en', 'pt', 'de', 'nl']), 120_000);

it('has a corpus for every shipped language, each with examples of every question', () => {
  expect(CORPORA.map((c) => c.lang).sort()).toEqual([...SHIPPED_LANGUAGES].sort());
  const thin = CORPORA.flatMap((c) => QUESTION_KINDS.filter((kind) => c[kind].length < 3).map((kind) => `${c.lang}: ${kind}`));
  expect(thin).toEqual([]);
});

describe.each(CORPORA.map((c) => [c.lang, c] as const))('%s', (lang, corpus) => {
  it.each(QUESTION_KINDS.map((kind) => [kind]))('%s', async (kind) => {
    const wrong: string[] = [];
    for (const [said, expected] of corpus[kind]) {
      const understood = await understand(kind, lang, said);
      if (canonical(understood) !== canonical(expected)) {
        wrong.push(`"${said}": expected ${canonical(expected)}, understood ${canonical(understood)}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
