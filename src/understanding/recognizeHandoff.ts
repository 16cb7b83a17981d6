import { compileLexicon } from './lexicon';
import { tokenize } from './normalize';
import type { Lexicons } from './recognizeNames';

/** A request for a person is a short message ("bonjour, je veux parler à quelqu'un svp"). */
const MAX_ASK_TOKENS = 14;
/** Ending is said alone ("fin", "end the conversation"). */
const MAX_END_TOKENS = 6;

/**
 * Whether a short message asks to talk to a person, in any of the lexicons' languages (people
 * mix languages): "je veux parler à quelqu'un", "talk to a human please", "بدي احكي مع حدا".
 */
export function recognizeHandoffRequest(text: string, lexicons: Lexicons): boolean {
  const tokens = tokenize(text);
  if (tokens.length === 0 || tokens.length > MAX_ASK_TOKENS) return false;
  return Object.values(lexicons).some((lexicon) => compileLexicon(lexicon).handoffAsk.findAll(tokens).length > 0);
}

/**
 * Whether the whole message ends the talk with a person, in any of the lexicons' languages:
 * "fin", "End", "إنهاء", "back to the assistant" (not "the end of my contract").
 */
export function recognizeHandoffEnd(text: string, lexicons: Lexicons): boolean {
  const tokens = tokenize(text);
  if (tokens.length === 0 || tokens.length > MAX_END_TOKENS) return false;
  return Object.values(lexicons).some((lexicon) => {
    const matches = compileLexicon(lexicon).handoffEnd.findAll(tokens);
    return matches.reduce((sum, m) => sum + m.end - m.start, 0) === tokens.length;
  });
}
