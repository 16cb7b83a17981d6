import type { Texts } from '../../src/i18n';
import { matchChoice } from '../../src/understanding';
import { AskPrompt, type AskSpec, type PromptDeps } from './askPrompt';

/** Asks to pick one of `ask.choices`; answers by button, number or words. Result: the choice's value. */
export class AskChoicePrompt extends AskPrompt<string> {
  constructor(id: string, deps: PromptDeps) {
    super(id, deps);
  }

  protected recognize(text: string, texts: Texts, ask: AskSpec): string | undefined {
    const choices = (ask.choices ?? []).map((spec) => ({
      value: spec.value,
      labels: [this.labelOf(texts, spec), ...(spec.synonymsKey ? texts.list(spec.synonymsKey) : [])]
    }));
    return matchChoice(text, choices, texts.lang);
  }
}
