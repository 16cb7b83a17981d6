import type { Texts } from '../../src/i18n';
import { matchChoice, recognizeGreeting, recognizeLanguageName } from '../../src/understanding';
import { AskPrompt, type AskSpec, type PromptDeps } from '../prompts';

/** A language chosen, or a greeting said instead ("bonjour", "سلام"), with the languages it is said in. */
export type LanguageAnswer = { kind: 'language'; language: string } | { kind: 'greeting'; languages: string[] };

/**
 * "Which language?": a button (a language's own name), its number, or a language named in any
 * language ("arabe", "عربي", "بالعربي", "turc", "kurdî"). A greeting alone is not a wrong answer
 * but a greeting, answered in kind by the dialog.
 */
export class LanguagePrompt extends AskPrompt<LanguageAnswer> {
  constructor(id: string, deps: PromptDeps) {
    super(id, deps);
  }

  protected recognize(text: string, texts: Texts, ask: AskSpec): LanguageAnswer | undefined {
    const offered = (ask.choices ?? []).map((c) => c.value);
    const choices = (ask.choices ?? []).map((spec) => ({ value: spec.value, labels: [this.labelOf(texts, spec)] }));
    const language = matchChoice(text, choices, texts.lang) ?? recognizeLanguageName(text, this.deps.lexicons);
    if (language !== undefined && offered.includes(language)) return { kind: 'language', language };
    const languages = recognizeGreeting(text, this.deps.lexicons).filter((lang) => offered.includes(lang));
    return languages.length > 0 ? { kind: 'greeting', languages } : undefined;
  }
}
