import type { Database, Statement } from 'better-sqlite3';
import { assertConversationStart } from '../conversationStartCodec';
import type { OpenGuard } from '../openGuard';
import type { ConversationStart, ConversationStartRepository, StartCount } from '../ports';

/** Conversation starts in `conversation_starts` (id, day, language: nothing personal). */
export class SqliteConversationStartRepository implements ConversationStartRepository {
  private readonly insert: Statement<[ConversationStart]>;
  private readonly countByMonth: Statement<[], StartCount>;

  constructor(db: Database, private readonly guard: OpenGuard) {
    this.insert = db.prepare<[ConversationStart]>('INSERT OR IGNORE INTO conversation_starts (id, day, language) VALUES (@id, @day, @language)');
    this.countByMonth = db.prepare<[], StartCount>(
      `SELECT substr(day, 1, 7) AS month, language, COUNT(*) AS count
       FROM conversation_starts GROUP BY month, language ORDER BY month, language`
    );
  }

  async record(start: ConversationStart): Promise<void> {
    this.guard.assertOpen();
    assertConversationStart(start);
    this.insert.run({ id: start.id, day: start.day, language: start.language });
  }

  async countByMonthAndLanguage(): Promise<StartCount[]> {
    this.guard.assertOpen();
    return this.countByMonth.all().map((r) => ({ month: r.month, language: r.language, count: Number(r.count) }));
  }
}
