import type { Texts } from '../../src/i18n';
import { AskPrompt, type AskSpec, type PromptDeps } from './askPrompt';
import { choiceAtPosition } from './choicePosition';

/** Result of an optional free-text question: the text, or `null` when the person skipped. */
export type OptionalText = { text: string | null };

const MAX_LENGTH = 80;

/**
 * Asks for a short free text (e.g. a region) that may be skipped with the skip button, its
 * number in a numbered list, or a skip word. Text is trimmed, control characters removed, and
 * limited to 80 characters.
 */
export class AskOptionalTextPrompt extends AskPrompt<OptionalText> {
  constructor(id: string, deps: PromptDeps) {
    super(id, deps);
  }

  protected recognize(text: string, texts: Texts, ask: AskSpec): OptionalText | undefined {
    const { lang } = texts;
    const normalized = text.trim().toLocaleLowerCase(lang);
    const skipWords = [texts.t('common:skip'), ...texts.list('common:skipWords')].map((w) => w.toLocaleLowerCase(lang));
    if (skipWords.includes(normalized)) return { text: null };
    if (choiceAtPosition(text, ask.choices)?.value === 'skip') return { text: null };
    // eslint-disable-next-line no-control-regex
    const cleaned = text.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim();
    if (cleaned.length === 0 || cleaned.length > MAX_LENGTH) return undefined;
    return { text: cleaned };
  }
}
