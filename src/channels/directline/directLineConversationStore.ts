import type { Storage, StoreItem } from 'botbuilder';
import { EtagConflictError } from '../../storage/errors';
import { TurnQueue } from '../botframework/turnQueue';

/** The fields of an activity as JSON (the timestamp is a string). */
export interface ActivityFields {
  type: string;
  id?: string;
  timestamp?: string;
  [field: string]: unknown;
}

/** An activity as the local Direct Line keeps and serves it. */
export interface DirectLineActivity extends ActivityFields {
  id: string;
}

/** What a client receives: activities after its watermark, and the new watermark. */
export interface ActivitySet {
  activities: DirectLineActivity[];
  /** Sequence number of the last activity of the conversation, as a string (Direct Line's form). */
  watermark: string;
}

/** A conversation of the local Direct Line, as stored under `directline/<conversationId>`. */
export interface DirectLineConversation {
  conversationId: string;
  /** The user bound to the conversation (the only one who may get a token for it). */
  userId: string;
  /** Locale the conversation was started with, if the client gave one. */
  locale?: string;
  createdAt: string;
  updatedAt: string;
  /** Sequence number of the last activity appended: the conversation's watermark. */
  lastSeq: number;
  /** The most recent activities, oldest first (bounded), each with its sequence number. */
  activities: { seq: number; activity: DirectLineActivity }[];
  /**
   * Until when the transcript may be kept (ISO date; the storage's `keepUntil`): set while the
   * person's data may not be kept, so the retention sweep deletes it soon after their last
   * message. Absent: kept for the retention period.
   */
  keepUntil?: string;
}

/** A listener of a conversation's new activities (the WebSocket stream). */
export type ActivityListener = (set: ActivitySet) => void;

/** The conversation does not exist (never started, or its record is gone). */
export class DirectLineConversationNotFoundError extends Error {
  override readonly name = 'DirectLineConversationNotFoundError';
  constructor(readonly conversationId: string) {
    super('Direct Line conversation not found');
  }
}

export interface DirectLineConversationStoreOptions {
  /** Activities kept per conversation (older ones are dropped). Default 200. */
  maxActivities?: number;
  /** Upper bound of a conversation's kept activities, in bytes of JSON. Default 1 MB. */
  maxBytes?: number;
  /** Conversations kept in memory for reads. Default 200. */
  cacheSize?: number;
  now?: () => Date;
}

const KEY_PREFIX = 'directline/';
const WRITE_ATTEMPTS = 3;

/** Direct Line's activity id: `<conversationId>|<7-digit sequence>`. */
export function activityIdOf(conversationId: string, seq: number): string {
  return `${conversationId}|${String(seq).padStart(7, '0')}`;
}

/**
 * The transcripts of the local Direct Line, kept through botbuilder's `Storage` port (the same
 * bot-state store, SQLite or MongoDB) so that a returning person finds their conversation after
 * a restart. Each write is a read-modify-write checked by eTag, serialised per conversation in
 * this process; a conflicting write from elsewhere is retried on fresh data. Transcripts are
 * bounded (the last 200 activities, at most 1 MB). New activities are also pushed to listeners.
 */
export class DirectLineConversationStore {
  private readonly maxActivities: number;
  private readonly maxBytes: number;
  private readonly cacheSize: number;
  private readonly now: () => Date;
  private readonly cache = new Map<string, DirectLineConversation>();
  private readonly writes = new TurnQueue();
  private readonly listeners = new Map<string, Set<ActivityListener>>();

  constructor(
    private readonly storage: Storage,
    options: DirectLineConversationStoreOptions = {}
  ) {
    this.maxActivities = options.maxActivities ?? 200;
    this.maxBytes = options.maxBytes ?? 1_000_000;
    this.cacheSize = options.cacheSize ?? 200;
    this.now = options.now ?? (() => new Date());
  }

  /** The conversation, or undefined when it was never started. */
  async get(conversationId: string): Promise<DirectLineConversation | undefined> {
    const cached = this.cache.get(conversationId);
    if (cached) {
      this.remember(cached);
      return cached;
    }
    const loaded = await this.load(conversationId);
    if (loaded) this.remember(loaded.conversation);
    return loaded?.conversation;
  }

  /** Creates the conversation unless it exists; says whether it did. */
  create(input: { conversationId: string; userId: string; locale?: string }): Promise<{ conversation: DirectLineConversation; created: boolean }> {
    return this.writes.run(input.conversationId, async () => {
      const existing = await this.load(input.conversationId);
      if (existing) {
        this.remember(existing.conversation);
        return { conversation: existing.conversation, created: false };
      }
      const at = this.now().toISOString();
      const conversation: DirectLineConversation = {
        conversationId: input.conversationId,
        userId: input.userId,
        ...(input.locale ? { locale: input.locale } : {}),
        createdAt: at,
        updatedAt: at,
        lastSeq: 0,
        activities: []
      };
      // eTag '*' would overwrite; a missing eTag with a concurrent creation elsewhere is
      // harmless (same id, same user: the id is random and bound to one token).
      await this.storage.write({ [KEY_PREFIX + input.conversationId]: { ...conversation } });
      this.remember(conversation);
      return { conversation, created: true };
    });
  }

  /**
   * Appends an activity: gives it the next sequence number and, unless it has one, the id
   * `<conversationId>|<seq>`; persists; then tells the listeners. Returns the stored activity.
   */
  async append(conversationId: string, activity: ActivityFields): Promise<DirectLineActivity> {
    const stored = await this.mutate(conversationId, (conversation) => {
      const seq = conversation.lastSeq + 1;
      const withId = { ...activity, id: activity.id ?? activityIdOf(conversationId, seq) } as DirectLineActivity;
      conversation.lastSeq = seq;
      conversation.activities.push({ seq, activity: withId });
      return withId;
    });
    this.publish(conversationId, { activities: [stored.result], watermark: String(stored.conversation.lastSeq) });
    return stored.result;
  }

  /**
   * Replaces the activity `activityId` (an update from the bot): the new version takes the
   * next sequence number, so clients past the old one receive it; same id, so Web Chat
   * replaces what it shows. Undefined when the activity is not (or no longer) kept.
   */
  async replace(conversationId: string, activityId: string, activity: ActivityFields): Promise<DirectLineActivity | undefined> {
    const stored = await this.mutate(conversationId, (conversation) => {
      const index = conversation.activities.findIndex((a) => a.activity.id === activityId);
      if (index < 0) return undefined;
      conversation.activities.splice(index, 1);
      const seq = conversation.lastSeq + 1;
      const updated = { ...activity, id: activityId } as DirectLineActivity;
      conversation.lastSeq = seq;
      conversation.activities.push({ seq, activity: updated });
      return updated;
    });
    if (stored.result) this.publish(conversationId, { activities: [stored.result], watermark: String(stored.conversation.lastSeq) });
    return stored.result;
  }

  /** Activities after `watermark` (all kept ones when it is undefined or below the oldest). */
  async since(conversationId: string, watermark: number | undefined): Promise<ActivitySet> {
    const conversation = await this.get(conversationId);
    if (!conversation) throw new DirectLineConversationNotFoundError(conversationId);
    return setAfter(conversation, watermark);
  }

  /** Pushes an activity to the listeners without keeping it (typing indicators). */
  publishEphemeral(conversationId: string, activity: DirectLineActivity): void {
    this.publish(conversationId, { activities: [activity], watermark: '' });
  }

  /** Calls `listener` with each new activity of the conversation; returns the unsubscribe. */
  subscribe(conversationId: string, listener: ActivityListener): () => void {
    let set = this.listeners.get(conversationId);
    if (!set) {
      set = new Set();
      this.listeners.set(conversationId, set);
    }
    set.add(listener);
    return () => {
      const current = this.listeners.get(conversationId);
      current?.delete(listener);
      if (current?.size === 0) this.listeners.delete(conversationId);
    };
  }

  /**
   * Sets until when the transcript may be kept (null: the retention period); written only when
   * it changes. A conversation that does not exist is left alone.
   */
  async retain(conversationId: string, keepUntil: Date | null): Promise<void> {
    const conversation = await this.get(conversationId);
    if (!conversation) return;
    const wanted = keepUntil?.toISOString();
    // Refreshed at most once an hour while short-lived, so that not every message writes twice.
    const unchanged = wanted === undefined ? conversation.keepUntil === undefined : conversation.keepUntil !== undefined && Math.abs(Date.parse(conversation.keepUntil) - Date.parse(wanted)) < 60 * 60 * 1000;
    if (unchanged) return;
    await this.mutate(conversationId, (c) => {
      if (wanted === undefined) delete c.keepUntil;
      else c.keepUntil = wanted;
    });
  }

  /**
   * Forgets what the conversation said (the person was erased): its activities are dropped and
   * what is left (the bare conversation and the device's random id it is bound to) is kept
   * only until `keepUntil`, so that the page still works until then.
   */
  async forget(conversationId: string, keepUntil: Date): Promise<void> {
    if (!(await this.get(conversationId))) return;
    await this.mutate(conversationId, (c) => {
      c.activities = [];
      delete c.locale;
      c.keepUntil = keepUntil.toISOString();
    });
  }

  private publish(conversationId: string, set: ActivitySet): void {
    for (const listener of this.listeners.get(conversationId) ?? []) {
      try {
        listener(set);
      } catch {
        // A broken listener (a closing socket) must not stop the others or the writer.
      }
    }
  }

  /** Read-modify-write with the stored eTag, one at a time per conversation, retried on conflict. */
  private mutate<T>(conversationId: string, change: (conversation: DirectLineConversation) => T): Promise<{ result: T; conversation: DirectLineConversation }> {
    return this.writes.run(conversationId, async () => {
      for (let attempt = 1; ; attempt += 1) {
        const loaded = await this.load(conversationId);
        if (!loaded) throw new DirectLineConversationNotFoundError(conversationId);
        const { conversation, eTag } = loaded;
        const result = change(conversation);
        conversation.updatedAt = this.now().toISOString();
        this.trim(conversation);
        try {
          await this.storage.write({ [KEY_PREFIX + conversationId]: { ...conversation, eTag } });
        } catch (err) {
          if (err instanceof EtagConflictError && attempt < WRITE_ATTEMPTS) continue;
          throw err;
        }
        this.remember(conversation);
        return { result, conversation };
      }
    });
  }

  private trim(conversation: DirectLineConversation): void {
    const excess = conversation.activities.length - this.maxActivities;
    if (excess > 0) conversation.activities.splice(0, excess);
    let bytes = conversation.activities.reduce((sum, a) => sum + JSON.stringify(a.activity).length, 0);
    while (bytes > this.maxBytes && conversation.activities.length > 1) {
      bytes -= JSON.stringify(conversation.activities.shift()!.activity).length;
    }
  }

  private async load(conversationId: string): Promise<{ conversation: DirectLineConversation; eTag: string | undefined } | undefined> {
    const key = KEY_PREFIX + conversationId;
    const items = await this.storage.read([key]);
    const item = items[key] as (StoreItem & Partial<DirectLineConversation>) | undefined;
    if (!item || typeof item.userId !== 'string' || !Array.isArray(item.activities)) return undefined;
    const { eTag, ...rest } = item;
    return { conversation: rest as DirectLineConversation, eTag: typeof eTag === 'string' ? eTag : undefined };
  }

  private remember(conversation: DirectLineConversation): void {
    this.cache.delete(conversation.conversationId);
    this.cache.set(conversation.conversationId, conversation);
    while (this.cache.size > this.cacheSize) {
      const oldest = this.cache.keys().next().value as string;
      this.cache.delete(oldest);
    }
  }
}

function setAfter(conversation: DirectLineConversation, watermark: number | undefined): ActivitySet {
  const after = watermark ?? 0;
  return {
    activities: conversation.activities.filter((a) => a.seq > after).map((a) => a.activity),
    watermark: String(conversation.lastSeq)
  };
}
