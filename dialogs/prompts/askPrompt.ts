import { ActionTypes, InputHints, MessageFactory, type CardAction, type TurnContext } from 'botbuilder';
import { Prompt, type PromptOptions, type PromptRecognizerResult } from 'botbuilder-dialogs';
import { turnTexts } from '../../src/conversation';
import { formatDate, formatDay, type Texts, type TranslateParams } from '../../src/i18n';
import type { Lexicon } from '../../src/understanding';

/** A button: a stable value, shown with a localized label (or a literal one, e.g. a language's own name). */
export interface ChoiceSpec {
  value: string;
  labelKey?: string;
  /** A label that is the same in every language (a language's own name), never a translated text. */
  label?: string;
  /** Key of a `|`-separated list of extra words that also select this choice. */
  synonymsKey?: string;
}

/**
 * A value shown in a question. It is kept as data (in dialog state) and put into words each time
 * the question is shown, in the language of that turn: a text is a key (with its own params), a
 * calendar date a `YYYY-MM-DD`, the day of an instant an ISO timestamp; numbers are written in
 * the language's digits by the Localizer. A string is shown as it is: only for what is the same
 * in every language (a name, a link), never a text rendered in one language.
 */
export type AskParam = string | number | { key: string; params?: AskParams } | { date: string } | { dayOf: string };
export type AskParams = { readonly [name: string]: AskParam };

/** `params` in the words of `texts`' language. */
export function renderParams(texts: Texts, params: AskParams | undefined): TranslateParams {
  const out: TranslateParams = {};
  for (const [name, value] of Object.entries(params ?? {})) {
    if (typeof value !== 'object') out[name] = value;
    else if ('key' in value) out[name] = texts.t(value.key, renderParams(texts, value.params));
    else if ('date' in value) out[name] = formatDate(value.date, texts.lang);
    else out[name] = formatDay(new Date(value.dayOf), texts.lang);
  }
  return out;
}

/**
 * What to ask, as message keys rather than text: the prompt is rendered in the turn's language
 * every time it is shown, so a re-prompt after a language switch speaks the new language.
 */
export interface AskSpec {
  key: string;
  params?: AskParams;
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
    let text = texts.t(ask.key, renderParams(texts, ask.params));
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
