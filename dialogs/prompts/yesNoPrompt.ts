import { recognizeYesNo } from '../../src/understanding';
import { AskPrompt, type AskSpec, type PromptDeps } from './askPrompt';

/** The yes/no buttons every yes/no question shows. */
export const YES_NO_CHOICES = [
  { value: 'yes', labelKey: 'common:yes' },
  { value: 'no', labelKey: 'common:no' }
];

/** Asks a yes/no question; understands buttons and free words ("non merci", "نعم", "nope"). */
export class AskYesNoPrompt extends AskPrompt<boolean> {
  constructor(id: string, deps: PromptDeps) {
    super(id, deps);
  }

  protected recognize(text: string, lang: string, _ask: AskSpec): boolean | undefined {
    const { localizer } = this.deps;
    const normalized = text.trim().toLocaleLowerCase(lang);
    if (normalized === localizer.t(lang, 'common:yes').toLocaleLowerCase(lang)) return true;
    if (normalized === localizer.t(lang, 'common:no').toLocaleLowerCase(lang)) return false;
    return recognizeYesNo(text, lang, this.deps.lexicons[lang]);
  }
}
