import { randomUUID } from 'node:crypto';
import {
  addCaseworkerReply,
  addPersonMessage,
  endHandoff,
  forgetExchange,
  nextOpening,
  requestHandoff,
  takeHandoff,
  type Handoff,
  type HandoffEnder,
  type HandoffEntry,
  type HandoffRefusal,
  type HandoffResult,
  type HandoffStatus,
  type NewOutboxMessage,
  type OpeningHours,
  type StoredConversationReference,
  type UserKey
} from '../domain';
import { ConcurrentUpdateError, DuplicateKeyError, type HandoffRepository } from '../storage';
import type { Clock } from './clock';
import type { ConsentService } from './consentService';

/** The outbox kind of messages to the person about their handoff (delivered like referral updates). */
export const HANDOFF_MESSAGE_KIND = 'handoff.message';

/** What a `handoff.message` carries: which handoff, and a caseworker's reply or the end. */
export interface HandoffMessagePayload {
  userKey: string;
  handoffId: string;
  event: 'reply' | 'ended';
  /** The reply's entry in the exchange. */
  entryId?: string;
}

export interface RequestHandoffInput {
  /** The request's id: the same turn run again finds the handoff it made. */
  id: string;
  userKey: UserKey;
  conversationKey: string;
  /** Where the caseworker's replies go (this conversation). */
  reach: StoredConversationReference;
  language: string;
  /** The conversation's last turns (kept only with consent). */
  recent: readonly HandoffEntry[];
}

export type HandoffActResult = { ok: true; handoff: Handoff } | { ok: false; refusal: HandoffRefusal | 'notFound' };

const MAX_ATTEMPTS = 5;

/**
 * "Talk to a person": the chat puts a conversation in the queue, a caseworker takes it, replies
 * (through the outbox, to the conversation it was asked in) and ends it, or the person does.
 * Consent rules are the `ConsentService`'s: the conversation before the request is kept only
 * for people whose data may be kept; for the others, what was said and where to reach them are
 * erased once the handoff ends.
 */
export class HandoffService {
  constructor(
    private readonly deps: {
      handoffs: HandoffRepository;
      consent: ConsentService;
      clock: Clock;
      hours: OpeningHours;
    }
  ) {}

  /** When caseworkers answer next; null when they answer now. */
  nextOpening(): Date | null {
    return nextOpening(this.deps.hours, this.deps.clock());
  }

  /** The time zone of the opening hours (to say the next opening in). */
  get timeZone(): string {
    return this.deps.hours.timeZone;
  }

  /**
   * Puts the conversation in the queue, or returns its handoff already open (asking twice is
   * asking once). `created` says whether this request made it (the same request id again, from
   * a turn run again, counts as made).
   */
  async request(input: RequestHandoffInput): Promise<{ handoff: Handoff; created: boolean }> {
    // The same turn run again (a conflict, a redelivery) finds the handoff it made: still "created".
    const open = await this.deps.handoffs.findOpen(input.conversationKey);
    if (open) return { handoff: open, created: open.id === input.id };
    const again = await this.deps.handoffs.get(input.id);
    if (again) return { handoff: again, created: true };
    const mayKeep = await this.deps.consent.mayKeep(input.userKey);
    const handoff = requestHandoff({ ...input, mayKeep, at: this.deps.clock() });
    try {
      return { handoff: await this.deps.handoffs.save(handoff, []), created: true };
    } catch (err) {
      if (!(err instanceof DuplicateKeyError)) throw err;
      const saved = await this.deps.handoffs.get(input.id);
      if (!saved) throw err;
      return { handoff: saved, created: true };
    }
  }

  get(id: string): Promise<Handoff | null> {
    return this.deps.handoffs.get(id);
  }

  /** The conversation's open handoff (requested or taken), or null. */
  openFor(conversationKey: string): Promise<Handoff | null> {
    return this.deps.handoffs.findOpen(conversationKey);
  }

  /** Handoffs in these statuses, longest waiting first. */
  list(statuses: readonly HandoffStatus[], limit = 100): Promise<Handoff[]> {
    return this.deps.handoffs.list(statuses, limit);
  }

  countByStatus(): Promise<Record<HandoffStatus, number>> {
    return this.deps.handoffs.countByStatus();
  }

  /** Keeps what the person wrote for the caseworker (once per entry id). */
  personSays(handoffId: string, entry: { id: string; text: string }): Promise<HandoffActResult> {
    return this.change(handoffId, (h, at) => addPersonMessage(h, { ...entry, at }));
  }

  take(handoffId: string, caseworkerId: string): Promise<HandoffActResult> {
    return this.change(handoffId, (h, at) => takeHandoff(h, caseworkerId, at));
  }

  /** A caseworker's reply, kept in the exchange and sent to the person in the same save. */
  reply(handoffId: string, caseworkerId: string, text: string): Promise<HandoffActResult> {
    const entryId = randomUUID();
    return this.change(
      handoffId,
      (h, at) => addCaseworkerReply(h, { id: entryId, text, at, caseworkerId }),
      (h) => [this.message(h, 'reply', entryId)]
    );
  }

  /**
   * Ends it. When a caseworker ends it, the person is told (and the bot resumes) through the
   * outbox; when the person ends it, in their own turn. Without consent, what was said is erased
   * at once when the person ends it, and once the end is delivered when a caseworker does
   * (`forgetIfNotKept`).
   */
  async end(handoffId: string, by: HandoffEnder): Promise<HandoffActResult> {
    const mayKeep = by.kind === 'person' ? await this.mayKeepFor(handoffId) : true;
    return this.change(
      handoffId,
      (h, at) => {
        const result = endHandoff(h, by, at);
        return result.ok && result.changed && !mayKeep ? { ...result, handoff: forgetExchange(result.handoff) } : result;
      },
      (h) => (by.kind === 'caseworker' ? [this.message(h, 'ended')] : [])
    );
  }

  /** Erases what was said in an ended handoff when the person's data may not be kept. */
  async forgetIfNotKept(handoffId: string): Promise<void> {
    if (await this.mayKeepFor(handoffId)) return;
    await this.change(handoffId, (h) => (h.status === 'ended' && (h.reach || h.exchange.length > 0 || h.recent.length > 0) ? { ok: true, handoff: forgetExchange(h), changed: true } : { ok: true, handoff: h, changed: false }));
  }

  private async mayKeepFor(handoffId: string): Promise<boolean> {
    const handoff = await this.deps.handoffs.get(handoffId);
    return handoff ? this.deps.consent.mayKeep(handoff.userKey) : true;
  }

  private message(handoff: Handoff, event: HandoffMessagePayload['event'], entryId?: string): NewOutboxMessage {
    const payload: HandoffMessagePayload = { userKey: handoff.userKey, handoffId: handoff.id, event, ...(entryId ? { entryId } : {}) };
    return { id: randomUUID(), kind: HANDOFF_MESSAGE_KIND, aggregateId: handoff.id, payload: { ...payload }, createdAt: this.deps.clock() };
  }

  /** Loads, applies, saves with its messages; re-reads and re-applies when another change came first. */
  private async change(
    handoffId: string,
    apply: (handoff: Handoff, at: Date) => HandoffResult,
    messages: (handoff: Handoff) => NewOutboxMessage[] = () => []
  ): Promise<HandoffActResult> {
    for (let attempt = 1; ; attempt++) {
      const current = await this.deps.handoffs.get(handoffId);
      if (!current) return { ok: false, refusal: 'notFound' };
      const result = apply(current, this.deps.clock());
      if (!result.ok) return result;
      if (!result.changed) return { ok: true, handoff: result.handoff };
      try {
        return { ok: true, handoff: await this.deps.handoffs.save(result.handoff, messages(result.handoff)) };
      } catch (err) {
        if (!(err instanceof ConcurrentUpdateError) || attempt >= MAX_ATTEMPTS) throw err;
      }
    }
  }
}
