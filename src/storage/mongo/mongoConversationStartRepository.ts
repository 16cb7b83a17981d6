import type { Collection } from 'mongodb';
import { assertConversationStart } from '../conversationStartCodec';
import type { OpenGuard } from '../openGuard';
import type { ConversationStart, ConversationStartRepository, StartCount } from '../ports';
import { isDuplicateKeyError } from './mongoFailure';

/** A conversation start (`_id` = start id); `month` is the day's first seven characters, for counting. */
export interface ConversationStartDocument {
  _id: string;
  day: string;
  month: string;
  language: string;
}

/** Conversation starts in the `conversationStarts` collection (nothing personal). */
export class MongoConversationStartRepository implements ConversationStartRepository {
  constructor(
    private readonly collection: Collection<ConversationStartDocument>,
    private readonly guard: OpenGuard
  ) {}

  async record(start: ConversationStart): Promise<void> {
    this.guard.assertOpen();
    assertConversationStart(start);
    try {
      await this.collection.insertOne({ _id: start.id, day: start.day, month: start.day.slice(0, 7), language: start.language });
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
    }
  }

  async countByMonthAndLanguage(): Promise<StartCount[]> {
    this.guard.assertOpen();
    const groups = await this.collection
      .aggregate<{ _id: { month: string; language: string }; count: number }>([
        { $group: { _id: { month: '$month', language: '$language' }, count: { $sum: 1 } } }
      ])
      .toArray();
    return groups
      .map((g) => ({ month: g._id.month, language: g._id.language, count: Number(g.count) }))
      .sort((a, b) => a.month.localeCompare(b.month) || a.language.localeCompare(b.language));
  }
}
