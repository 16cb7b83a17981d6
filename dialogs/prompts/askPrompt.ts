import { ActionTypes, InputHints, MessageFactory, type CardAction, type TurnContext } from 'botbuilder';
import { Prompt, type PromptOptions, type PromptRecognizerResult } from 'botbuilder-dialogs';
import type { Localizer, TranslateParams } from '../../src/i18n';
import { getTurnLanguage } from '../../src/bot/turnLanguage';
import type { Lexicon } from '../../src/understanding';

/** A button: a stable value, shown with a localized label (or a literal one, e.g. a language's own name). */
export interface ChoiceSpec {
  value: string;
  labelKey?: string;
  label?: string;
  /** Key of a `|`-separated list of extra words that also select this choice. */
  synonymsKey?: string;
}

/**
 * What to ask, as message keys rather than text: the prompt is rendered in the turn's language
 * every time it is shown, so a re-prompt after a language switch speaks the new language.
 */
export interface AskSpec {
  key: string;
  params?: TranslateParams;
  /** Hint shown after "I did not understand …" on a retry. */
  retryKey: string;
  choices?: ChoiceSpec[];
}

export interface AskPromptOptions extends PromptOptions {
  ask: AskSpec;
}

export interface PromptDeps {
  localizer: Localizer;
  lexicons: Record<string, Lexicon>;
}

const MAX_ECHO = 60;

/** Base of Passerelle's prompts: localized rendering, channel-aware buttons, clear retries. */
export abstract class AskPrompt<T> extends Prompt<T> {
  protected constructor(id: string, protected readonly deps: PromptDeps) {
    super(id);
  }

  protected async onPrompt(context: TurnContext, _state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    const { ask } = options as AskPromptOptions;
    const lang = getTurnLanguage(context);
    const { localizer } = this.deps;
    let text = localizer.t(lang, ask.key, ask.params);
    if (isRetry) {
      const said = (context.activity.text ?? '').trim();
      const echo = said.length > MAX_ECHO ? `${said.slice(0, MAX_ECHO)}…` : said;
      const notUnderstood = echo
        ? localizer.t(lang, 'common:retry.notUnderstood', { answer: echo })
        : localizer.t(lang, 'common:retry.noText');
      text = `${notUnderstood} ${localizer.t(lang, ask.retryKey)}\n\n${text}`;
    }
    // The canonical form for every channel: the channel-rendering middleware turns it into
    // what the channel shows well (suggested actions, a hero card or a numbered list).
    const actions = this.actionsFor(lang, ask.choices);
    const activity = actions.length > 0 ? MessageFactory.suggestedActions(actions, text) : MessageFactory.text(text);
    activity.inputHint = InputHints.ExpectingInput;
    activity.locale = lang;
    await context.sendActivity(activity);
  }

  protected async onRecognize(context: TurnContext, _state: object, options: PromptOptions): Promise<PromptRecognizerResult<T>> {
    const activity = context.activity;
    const text = typeof activity.text === 'string' ? activity.text.trim() : '';
    if (!text) return { succeeded: false };
    const value = this.recognize(text, getTurnLanguage(context), (options as AskPromptOptions).ask);
    return value === undefined ? { succeeded: false } : { succeeded: true, value };
  }

  /** Understands one answer; undefined when it could not. */
  protected abstract recognize(text: string, lang: string, ask: AskSpec): T | undefined;

  protected labelOf(lang: string, choice: ChoiceSpec): string {
    return choice.label ?? this.deps.localizer.t(lang, choice.labelKey ?? choice.value);
  }

  private actionsFor(lang: string, specs: ChoiceSpec[] | undefined): CardAction[] {
    return (specs ?? []).map((spec) => {
      const label = this.labelOf(lang, spec);
      return { type: ActionTypes.ImBack, title: label, value: label };
    });
  }
}
