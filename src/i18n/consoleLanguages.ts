/**
 * The console's languages: those of the partner countries (French, English, German, Dutch,
 * Portuguese, Romanian). Its texts are the namespaces whose name starts with `console`, which
 * exist in these six languages only; the bot's fourteen languages are shown by their own names.
 */
export const CONSOLE_LANGUAGES = ['fr', 'en', 'de', 'nl', 'pt', 'ro'] as const;
export type ConsoleLanguage = (typeof CONSOLE_LANGUAGES)[number];

/** Whether a locale namespace holds console texts (`console.json`, `consoleHandoff.json`, …). */
export function isConsoleNamespace(namespace: string): boolean {
  return /^console/.test(namespace);
}
