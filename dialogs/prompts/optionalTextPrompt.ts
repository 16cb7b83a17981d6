import { AskPrompt, type AskSpec, type PromptDeps } from './askPrompt';

/** Result of an optional free-text question: the text, or `null` when the person skipped. */
export type OptionalText = { text: string | null };

const MAX_LENGTH = 80;

/**
 * Asks for a short free text (e.g. a region) that may be skipped with the skip button or a
 * skip word. Text is trimmed, control characters removed, and limited to 80 characters.
 */
export class AskOptionalTextPrompt extends AskPrompt<OptionalText> {
  constructor(id: string, deps: PromptDeps) {
    super(id, deps);
  }

  protected recognize(text: string, lang: string, _ask: AskSpec): OptionalText | undefined {
    const { localizer } = this.deps;
    const normalized = text.trim().toLocaleLowerCase(lang);
    const skipWords = [localizer.t(lang, 'common:skip'), ...localizer.list(lang, 'common:skipWords')].map((w) =>
      w.toLocaleLowerCase(lang)
    );
    if (skipWords.includes(normalized)) return { text: null };
    // eslint-disable-next-line no-control-regex
    const cleaned = text.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim();
    if (cleaned.length === 0 || cleaned.length > MAX_LENGTH) return undefined;
    return { text: cleaned };
  }
}
