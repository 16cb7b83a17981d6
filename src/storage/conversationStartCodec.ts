import type { ConversationStart } from '../domain';

/** Refuses a malformed conversation start (`TypeError`), the same way in every adapter. */
export function assertConversationStart(start: ConversationStart): void {
  const ok =
    typeof start.id === 'string' &&
    start.id.length > 0 &&
    start.id.length <= 200 &&
    typeof start.language === 'string' &&
    start.language.length > 0 &&
    start.language.length <= 35 &&
    typeof start.day === 'string' &&
    /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(start.day);
  if (!ok) throw new TypeError('conversationStarts: a start needs an id, a language and a day YYYY-MM-DD.');
}
