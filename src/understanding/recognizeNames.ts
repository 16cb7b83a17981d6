import type { CompiledLexicon, Lexicon } from './lexicon';
import { compileLexicon } from './lexicon';
import { tokenize } from './normalize';
import type { PhraseMatcher } from './phraseMatcher';

/** Every lexicon, by language code (as `loadLexicons` returns them). */
export type Lexicons = Readonly<Record<string, Lexicon>>;

/** A greeting is a short answer: "bonjour", "hi there", "السلام عليكم". */
const MAX_GREETING_TOKENS = 5;

/** The codes named in `text` by one matcher of every lexicon (people mix languages). */
function codesNamed(text: string, lexicons: Lexicons, matcher: (compiled: CompiledLexicon) => PhraseMatcher<string>): Set<string> {
  const tokens = tokenize(text);
  const codes = new Set<string>();
  if (tokens.length === 0) return codes;
  for (const lexicon of Object.values(lexicons)) {
    for (const match of matcher(compileLexicon(lexicon)).findAll(tokens)) codes.add(match.value);
  }
  return codes;
}

function onlyOne(codes: Set<string>): string | undefined {
  if (codes.size !== 1) return undefined;
  const [code] = codes;
  return code;
}

/**
 * The one language named in `text`, in any of the lexicons' languages: "arabe", "Arabic", "عربي",
 * "بالعربي", "turc", "kurdî", "in English please" → its code. Undefined when no language or
 * several are named ("English or French").
 */
export function recognizeLanguageName(text: string, lexicons: Lexicons): string | undefined {
  return onlyOne(codesNamed(text, lexicons, (c) => c.languageNames));
}

/**
 * The one country named in `text`, in any of the lexicons' languages: "Grèce", "Greece",
 * "یونان", "in Deutschland" → its ISO 3166-1 alpha-2 code (`GR`, `DE`). Undefined when no
 * country or several are named.
 */
export function recognizeCountry(text: string, lexicons: Lexicons): string | undefined {
  return onlyOne(codesNamed(text, lexicons, (c) => c.countries));
}

/**
 * The languages whose greetings make up the whole answer ("bonjour" → fr; "salut" → fr, ro;
 * "سلام" → ar, fa, ps, ckb), in the order of `lexicons`; empty when the answer is not only a
 * greeting ("bonjour, je veux parler arabe" is an answer).
 */
export function recognizeGreeting(text: string, lexicons: Lexicons): string[] {
  const tokens = tokenize(text);
  if (tokens.length === 0 || tokens.length > MAX_GREETING_TOKENS) return [];
  return Object.entries(lexicons)
    .filter(([, lexicon]) => {
      const covered = compileLexicon(lexicon)
        .greetings.findAll(tokens)
        .reduce((sum, match) => sum + match.end - match.start, 0);
      return covered === tokens.length;
    })
    .map(([lang]) => lang);
}
