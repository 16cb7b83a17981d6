import { recognizeAgeOrBirthDate, type AgeOrBirthDate } from '../../src/understanding';
import { AskPrompt, type AskSpec, type PromptDeps } from './askPrompt';

/** Asks for an age or a date of birth ("22", "j'ai vingt-deux ans", "born 3 March 2004"). */
export class AskAgeOrBirthDatePrompt extends AskPrompt<AgeOrBirthDate> {
  constructor(id: string, deps: PromptDeps, private readonly today: () => string) {
    super(id, deps);
  }

  protected recognize(text: string, lang: string, _ask: AskSpec): AgeOrBirthDate | undefined {
    return recognizeAgeOrBirthDate(text, lang, this.today(), this.deps.lexicons[lang]);
  }
}
