import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { proposedLanguages, turnLanguage, turnTexts, type People } from '../../src/conversation';
import { ask } from '../ask';
import { CHOICE_PROMPT, LANGUAGE_DIALOG } from '../dialogIds';
import { AskChoicePrompt, type PromptDeps } from '../prompts';

/** Result of the language dialog: the language now in use. */
export interface LanguageChoice {
  language: string;
}

export interface LanguageDialogDeps extends PromptDeps {
  /** Every language offered, each named in itself ("Français", "العربية"). */
  languages: readonly { code: string; name: string }[];
  people: People;
}

/**
 * Offers every supported language (each named in itself, the proposed and current ones first)
 * and remembers the choice for the person. Used on first contact and whenever the person asks
 * to change.
 */
export class LanguageDialog extends ComponentDialog {
  constructor(private readonly deps: LanguageDialogDeps) {
    super(LANGUAGE_DIALOG);
    this.addDialog(new AskChoicePrompt(CHOICE_PROMPT, deps));
    this.addDialog(new WaterfallDialog(`${LANGUAGE_DIALOG}.steps`, [this.askLanguageStep.bind(this), this.rememberLanguageStep.bind(this)]));
    this.initialDialogId = `${LANGUAGE_DIALOG}.steps`;
  }

  private async askLanguageStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const names = new Map(this.deps.languages.map((l) => [l.code, l.name]));
    const ordered = [...new Set([...proposedLanguages(step.context), turnLanguage(step.context), ...names.keys()])].filter((code) => names.has(code));
    return ask(step, CHOICE_PROMPT, {
      key: 'language:ask',
      retryKey: 'language:retry',
      choices: ordered.map((code) => ({ value: code, label: names.get(code)!, synonymsKey: `language:synonyms.${code}` }))
    });
  }

  private async rememberLanguageStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const language = step.result as string;
    await this.deps.people.chooseLanguage(step.context, language);
    await step.context.sendActivity(turnTexts(step.context).t('language:confirmed'));
    const result: LanguageChoice = { language };
    return step.endDialog(result);
  }
}
