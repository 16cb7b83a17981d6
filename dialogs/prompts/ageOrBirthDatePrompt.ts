import type { Texts } from '../../src/i18n';
import { recognizeAgeOrBirthDate, type AgeOrBirthDate } from '../../src/understanding';
import { AskPrompt, type PromptDeps } from './askPrompt';

/** Asks for an age or a date of birth ("22", "j'ai vingt-deux ans", "born 3 March 2004"). */
export class AskAgeOrBirthDatePrompt extends AskPrompt<AgeOrBirthDate> {
  /** `today` gives today's date (`YYYY-MM-DD`) in the programmes' time zone. */
  constructor(id: string, deps: PromptDeps, private readonly today: () => string) {
    super(id, deps);
  }

  protected recognize(text: string, texts: Texts): AgeOrBirthDate | undefined {
    return recognizeAgeOrBirthDate(text, texts.lang, this.today(), this.lexicon(texts.lang));
  }
}
