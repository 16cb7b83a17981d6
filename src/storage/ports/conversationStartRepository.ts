import type { ConversationStart, StartCount } from '../../domain';

/**
 * Conversations that started, for the funnel's first stage. A start holds nothing personal (a
 * day, a language, and an id derived one way from the conversation's first activity), so it is
 * kept for everybody, with or without consent, and erasure has nothing to find in it.
 */
export interface ConversationStartRepository {
  /**
   * Records a start. Idempotent by id: a start already recorded (the same turn processed again)
   * changes nothing. A malformed start (day not `YYYY-MM-DD`, empty id or language) is a
   * `TypeError` and is not stored.
   */
  record(start: ConversationStart): Promise<void>;
  /** How many conversations started, per month (`YYYY-MM`, from the day) and language, by month then language. */
  countByMonthAndLanguage(): Promise<StartCount[]>;
}
