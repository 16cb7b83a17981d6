import type { Texts } from '../../src/i18n';
import { AskPrompt, type AskSpec, type PromptDeps } from './askPrompt';
import { choiceAtPosition } from './choicePosition';

/** Result of an optional free-text question: the text, or `null` when the person skipped. */
export type OptionalText = { text: string | null };

/**
 * Asks for a free text (a region: 80 characters at most; an answer to a partner's question:
 * longer) that may be skipped with the skip button, its number in a numbered list, or a skip
 * word. Text is trimmed, control characters removed; a longer text is asked again.
 */
export class AskOptionalTextPrompt extends AskPrompt<OptionalText> {
  constructor(id: string, deps: PromptDeps, private readonly maxLength = 80) {
    super(id, deps);
  }

  protected recognize(text: string, texts: Texts, ask: AskSpec): OptionalText | undefined {
    const { lang } = texts;
    const normalized = text.trim().toLocaleLowerCase(lang);
    const skipChoices = (ask.choices ?? []).filter((c) => c.value === 'skip');
    const skipWords = [
      texts.t('common:skip'),
      ...texts.list('common:skipWords'),
      ...skipChoices.flatMap((c) => [this.labelOf(texts, c), ...(c.synonymsKey ? texts.list(c.synonymsKey) : [])])
    ].map((w) => w.toLocaleLowerCase(lang));
    if (skipWords.includes(normalized)) return { text: null };
    if (choiceAtPosition(text, ask.choices)?.value === 'skip') return { text: null };
    // eslint-disable-next-line no-control-regex
    const cleaned = text.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim();
    if (cleaned.length === 0 || cleaned.length > this.maxLength) return undefined;
    return { text: cleaned };
  }
}
