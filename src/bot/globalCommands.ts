import type { Localizer } from '../i18n';

/** Commands that work anywhere in a conversation, in every language. */
export const GLOBAL_COMMANDS = ['help', 'restart', 'language', 'menu', 'referrals', 'cancelReferral', 'myData', 'eraseData', 'withdrawConsent'] as const;
export type GlobalCommand = (typeof GLOBAL_COMMANDS)[number];

/** Lower-cases, removes accents' combining marks, surrounding punctuation and extra spaces. */
export function normalizeCommandText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '')
    .replace(/\s+/g, ' ');
}

/**
 * Recognizes global commands. The words of every supported language are accepted whatever the
 * conversation's language (someone who reads French may still type "help"): they come from
 * `common:commands.<command>` in each locale, as `|`-separated lists.
 */
export class GlobalCommandRecognizer {
  private readonly words = new Map<string, GlobalCommand>();

  constructor(localizer: Localizer) {
    for (const lang of localizer.languages) {
      for (const command of GLOBAL_COMMANDS) {
        for (const word of localizer.list(lang, `common:commands.${command}`)) {
          this.words.set(normalizeCommandText(word), command);
        }
      }
    }
  }

  recognize(text: string | undefined): GlobalCommand | undefined {
    if (!text) return undefined;
    const normalized = normalizeCommandText(text);
    if (normalized.length === 0 || normalized.length > 40) return undefined;
    return this.words.get(normalized);
  }
}
