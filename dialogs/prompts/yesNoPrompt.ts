import type { Texts } from '../../src/i18n';
import { recognizeYesNo } from '../../src/understanding';
import { AskPrompt, type AskSpec, type PromptDeps } from './askPrompt';
import { choiceAtPosition } from './choicePosition';

/** The yes/no buttons every yes/no question shows. */
export const YES_NO_CHOICES = [
  { value: 'yes', labelKey: 'common:yes' },
  { value: 'no', labelKey: 'common:no' }
];

/** Asks a yes/no question; understands buttons, their numbers ("1") and free words ("non merci", "نعم", "nope"). */
export class AskYesNoPrompt extends AskPrompt<boolean> {
  constructor(id: string, deps: PromptDeps) {
    super(id, deps);
  }

  protected recognize(text: string, texts: Texts, ask: AskSpec): boolean | undefined {
    const { lang } = texts;
    const normalized = text.trim().toLocaleLowerCase(lang);
    if (normalized === texts.t('common:yes').toLocaleLowerCase(lang)) return true;
    if (normalized === texts.t('common:no').toLocaleLowerCase(lang)) return false;
    const picked = choiceAtPosition(text, ask.choices);
    if (picked?.value === 'yes' || picked?.value === 'no') return picked.value === 'yes';
    return recognizeYesNo(text, lang, this.lexicon(lang));
  }
}
