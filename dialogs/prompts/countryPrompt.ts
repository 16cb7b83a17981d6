import type { Texts } from '../../src/i18n';
import { recognizeCountry } from '../../src/understanding';
import { type AskSpec, type PromptDeps } from './askPrompt';
import { AskChoicePrompt } from './choicePrompt';

/** The value of the "another country" choice. */
export const OTHER_COUNTRY = 'OTHER';

/**
 * Asks for a country among `ask.choices` (ISO codes, and `OTHER`). Besides the buttons, their
 * numbers and words, any country named in any language is understood: a country that is a
 * choice is that choice ("Deutschland" → `DE`), any other is `OTHER` ("یونان", Greece).
 */
export class AskCountryPrompt extends AskChoicePrompt {
  constructor(id: string, deps: PromptDeps) {
    super(id, deps);
  }

  protected override recognize(text: string, texts: Texts, ask: AskSpec): string | undefined {
    const chosen = super.recognize(text, texts, ask);
    if (chosen !== undefined) return chosen;
    const country = recognizeCountry(text, this.deps.lexicons);
    if (country === undefined) return undefined;
    const values = (ask.choices ?? []).map((c) => c.value);
    if (values.includes(country)) return country;
    return values.includes(OTHER_COUNTRY) ? OTHER_COUNTRY : undefined;
  }
}
