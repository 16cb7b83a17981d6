import { ActionTypes, InputHints, MessageFactory, type CardAction, type TurnContext } from 'botbuilder';
import { Prompt, type PromptOptions, type PromptRecognizerResult } from 'botbuilder-dialogs';
import { turnTexts } from '../../src/conversation';
import type { Texts, TranslateParams } from '../../src/i18n';
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

/** What every prompt needs: each language's words for understanding free answers. */
export interface PromptDeps {
  lexicons: Readonly<Record<string, Lexicon>>;
}

const MAX_ECHO = 60;

/** Base of Passerelle's prompts: localized rendering, channel-aware buttons, clear retries. */
export abstract class AskPrompt<T> extends Prompt<T> {
  protected constructor(id: string, protected readonly deps: PromptDeps) {
    super(id);
  }

  protected async onPrompt(context: TurnContext, _state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    const { ask } = options as AskPromptOptions;
    const texts = turnTexts(context);
    let text = texts.t(ask.key, ask.params);
    if (isRetry) {
      const said = (context.activity.text ?? '').trim();
      const echo = said.length > MAX_ECHO ? `${said.slice(0, MAX_ECHO)}…` : said;
      const notUnderstood = echo ? texts.t('common:retry.notUnderstood', { answer: echo }) : texts.t('common:retry.noText');
      text = `${notUnderstood} ${texts.t(ask.retryKey)}\n\n${text}`;
    }
    // The canonical form for every channel: the channel-rendering middleware turns it into
    // what the channel shows well (suggested actions, a hero card or a numbered list).
    const actions = this.actionsFor(texts, ask.choices);
    const activity = actions.length > 0 ? MessageFactory.suggestedActions(actions, text) : MessageFactory.text(text);
    activity.inputHint = InputHints.ExpectingInput;
    activity.locale = texts.lang;
    await context.sendActivity(activity);
  }

  protected async onRecognize(context: TurnContext, _state: object, options: PromptOptions): Promise<PromptRecognizerResult<T>> {
    const activity = context.activity;
    const text = typeof activity.text === 'string' ? activity.text.trim() : '';
    if (!text) return { succeeded: false };
    const value = this.recognize(text, turnTexts(context), (options as AskPromptOptions).ask);
    return value === undefined ? { succeeded: false } : { succeeded: true, value };
  }

  /** Understands one answer in the language of `texts`; undefined when it could not. */
  protected abstract recognize(text: string, texts: Texts, ask: AskSpec): T | undefined;

  /** The lexicon of a language, if it has one. */
  protected lexicon(lang: string): Lexicon | undefined {
    return this.deps.lexicons[lang];
  }

  protected labelOf(texts: Texts, choice: ChoiceSpec): string {
    return choice.label ?? texts.t(choice.labelKey ?? choice.value);
  }

  private actionsFor(texts: Texts, specs: ChoiceSpec[] | undefined): CardAction[] {
    return (specs ?? []).map((spec) => {
      const label = this.labelOf(texts, spec);
      return { type: ActionTypes.ImBack, title: label, value: label };
    });
  }
}
