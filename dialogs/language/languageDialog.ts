import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { proposedLanguages, setTurnLanguage, turnLanguage, turnTexts, type People } from '../../src/conversation';
import { ask } from '../ask';
import { LANGUAGE_DIALOG } from '../dialogIds';
import type { PromptDeps } from '../prompts';
import { LanguagePrompt, type LanguageAnswer } from './languagePrompt';

/** Result of the language dialog: the language now in use. */
export interface LanguageChoice {
  language: string;
}

export interface LanguageDialogDeps extends PromptDeps {
  /** Every language offered, each named in itself ("Français", "العربية"). */
  languages: readonly { code: string; name: string }[];
  people: People;
}

/** How the question is (re)asked: languages to offer first (those of a greeting the person said). */
interface AskOptions {
  first?: readonly string[];
}

const STEPS = `${LANGUAGE_DIALOG}.steps`;
const PROMPT = `${LANGUAGE_DIALOG}.prompt`;

/**
 * Offers every supported language (each named in itself, the proposed and current ones first)
 * and remembers the choice for the person. Used on first contact and whenever the person asks
 * to change. A language may be named in any language; a greeting ("bonjour", "مرحبا") is greeted
 * back in its language and the question asked again with that language first.
 */
export class LanguageDialog extends ComponentDialog {
  constructor(private readonly deps: LanguageDialogDeps) {
    super(LANGUAGE_DIALOG);
    this.addDialog(new LanguagePrompt(PROMPT, deps));
    this.addDialog(new WaterfallDialog(STEPS, [this.askLanguageStep.bind(this), this.rememberLanguageStep.bind(this)]));
    this.initialDialogId = STEPS;
  }

  private async askLanguageStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const first = ((step.options ?? {}) as AskOptions).first ?? [];
    const names = new Map(this.deps.languages.map((l) => [l.code, l.name]));
    const ordered = [...new Set([...first, ...proposedLanguages(step.context), turnLanguage(step.context), ...names.keys()])].filter((code) => names.has(code));
    return ask(step, PROMPT, {
      key: 'language:ask',
      retryKey: 'language:retry',
      choices: ordered.map((code) => ({ value: code, label: names.get(code)! }))
    });
  }

  private async rememberLanguageStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answer = step.result as LanguageAnswer;
    if (answer.kind === 'greeting') {
      // The greeting's languages first, those already proposed (channel locale, script) before
      // the others; greeted back in the first of them (for this turn only: nothing is chosen yet).
      const proposed = [turnLanguage(step.context), ...proposedLanguages(step.context)];
      const rank = (lang: string) => (proposed.includes(lang) ? proposed.indexOf(lang) : proposed.length);
      const first = [...answer.languages].sort((a, b) => rank(a) - rank(b));
      setTurnLanguage(step.context, first[0]!);
      await step.context.sendActivity(turnTexts(step.context).t('language:greeted'));
      const options: AskOptions = { first };
      return step.replaceDialog(STEPS, options);
    }
    const { language } = answer;
    await this.deps.people.chooseLanguage(step.context, language);
    await step.context.sendActivity(turnTexts(step.context).t('language:confirmed'));
    const result: LanguageChoice = { language };
    return step.endDialog(result);
  }
}
