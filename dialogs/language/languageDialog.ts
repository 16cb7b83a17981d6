import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { getProposedLanguages, getTurnLanguage, setTurnLanguage } from '../../src/bot/turnLanguage';
import { hasValidConsent } from '../../src/bot/userData';
import { ask } from '../ask';
import type { DialogDeps } from '../dialogDeps';
import { CHOICE_PROMPT, LANGUAGE_DIALOG } from '../dialogIds';
import { AskChoicePrompt } from '../prompts';

/** Result of the language dialog: the language now in use. */
export interface LanguageChoice {
  language: string;
}

/**
 * Offers every supported language (each named in itself, the current one first) and remembers
 * the choice for the user. Used on first contact and whenever the person asks to change.
 */
export class LanguageDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(LANGUAGE_DIALOG);
    this.addDialog(new AskChoicePrompt(CHOICE_PROMPT, deps));
    this.addDialog(
      new WaterfallDialog(`${LANGUAGE_DIALOG}.steps`, [this.askLanguageStep.bind(this), this.rememberLanguageStep.bind(this)])
    );
    this.initialDialogId = `${LANGUAGE_DIALOG}.steps`;
  }

  private async askLanguageStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { localizer } = this.deps;
    const current = getTurnLanguage(step.context);
    const ordered = [...new Set([...getProposedLanguages(step.context), current, ...localizer.languages])];
    return ask(step, CHOICE_PROMPT, {
      key: 'language:ask',
      retryKey: 'language:retry',
      choices: ordered.map((lang) => ({
        value: lang,
        label: localizer.t(lang, 'language:name'),
        synonymsKey: `language:synonyms.${lang}`
      }))
    });
  }

  private async rememberLanguageStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const language = step.result as string;
    const { userData, localizer, consent, userKeyOf, privacyNotice } = this.deps;
    const user = await userData.get(step.context, {});
    user.language = language;
    await userData.set(step.context, user);
    setTurnLanguage(step.context, language);
    if (hasValidConsent(user, privacyNotice.version)) {
      await consent.rememberLanguage(userKeyOf(step.context), language);
    }
    await step.context.sendActivity(localizer.t(language, 'language:confirmed'));
    const result: LanguageChoice = { language };
    return step.endDialog(result);
  }
}
