import fs from 'node:fs';
import path from 'node:path';

/** The bot's languages by their own names, from `locales/languages.json` (`ar` → `العربية`). */
export function loadLanguageNames(localesDir: string): Record<string, string> {
  const file = JSON.parse(fs.readFileSync(path.join(localesDir, 'languages.json'), 'utf8')) as { languages: Record<string, { name: string }> };
  return Object.fromEntries(Object.entries(file.languages).map(([code, { name }]) => [code, name]));
}
