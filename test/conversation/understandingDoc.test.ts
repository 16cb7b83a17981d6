import fs from 'node:fs';
import path from 'node:path';
import { CORPORA, QUESTION_KINDS, type QuestionKind } from './corpus';
import type { Understood } from './corpusRunner';

/**
 * docs/understanding.md lists what the bot understands from the conversation corpus itself: the
 * section between the markers below is generated from test/conversation/corpus, and this test
 * fails when they differ. `UPDATE_DOCS=1 npx jest test/conversation/understandingDoc` rewrites it.
 */

const DOC = path.resolve(__dirname, '..', '..', 'docs', 'understanding.md');
const START = '<!-- corpus:start (generated from test/conversation/corpus: UPDATE_DOCS=1 npx jest test/conversation/understandingDoc) -->';
const END = '<!-- corpus:end -->';

const TITLES: Record<QuestionKind, string> = {
  language: '"Which language?" (the language question)',
  age: '"How old are you?" (the age question)',
  country: '"In which country do you live now?"',
  yesNo: 'Yes or no (the consent question, and every yes/no question)',
  search: '"What kind of training are you looking for?"'
};

function shown(kind: QuestionKind, understood: Understood): string {
  if (understood === 'retry') return 'not understood: asked again, saying how to answer';
  if (understood === 'greeting') return 'a greeting: greeted back, asked again with its languages first';
  if (understood === 'confirm') return 'asked to confirm ("you are 1 year old: is that right?")';
  if (typeof understood === 'boolean') return understood ? 'yes' : 'no';
  if (typeof understood === 'string') return kind === 'country' && understood === 'OTHER' ? '`OTHER` (another country)' : `\`${understood}\``;
  if ('age' in understood) return `age ${understood.age}`;
  if ('birthDate' in understood) return `born on ${understood.birthDate}`;
  if ('birthYear' in understood) return `born in ${understood.birthYear} (two possible ages)`;
  if ('filter' in understood) return `the filter button "${understood.filter}"`;
  const parts = Object.entries(understood).map(([name, value]) => `${name} \`${String(value)}\``);
  return parts.length > 0 ? parts.join(', ') : 'no filter';
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

function corpusSection(): string {
  const lines = [
    START,
    '',
    'Every row is run through the real dialogs and prompts by `test/conversation/corpus.test.ts`',
    '(one test per language and question); the corpus is `test/conversation/corpus/<lang>.ts`.',
    ''
  ];
  for (const kind of QUESTION_KINDS) {
    lines.push(`### ${TITLES[kind]}`, '', '| language | said | understood as | why it is here |', '| --- | --- | --- | --- |');
    for (const corpus of CORPORA) {
      for (const [said, understood, note] of corpus[kind]) {
        lines.push(`| ${corpus.lang} | ${cell(said)} | ${cell(shown(kind, understood))} | ${cell(note ?? '')} |`);
      }
    }
    lines.push('');
  }
  lines.push(END);
  return lines.join('\n');
}

it('docs/understanding.md lists the corpus as it is', () => {
  const doc = fs.readFileSync(DOC, 'utf8');
  const start = doc.indexOf(START);
  const end = doc.indexOf(END);
  expect({ start: start >= 0, end: end > start }).toEqual({ start: true, end: true });
  const expected = corpusSection();
  if (process.env.UPDATE_DOCS === '1') {
    fs.writeFileSync(DOC, `${doc.slice(0, start)}${expected}${doc.slice(end + END.length)}`);
    return;
  }
  expect(doc.slice(start, end + END.length)).toBe(expected);
});
