import { randomBytes, randomUUID } from 'node:crypto';
import {
  holdsPlace,
  noticesFor,
  openInfoRequest,
  referenceFrom,
  routeReferral,
  sharedData,
  transition,
  type InfoRequest,
  type NewOutboxMessage,
  type Partner,
  type PartnerDirectory,
  type ProgrammeId,
  type Referral,
  type ReferralAction,
  type ReferralActor,
  type ReferralEvent,
  type ReferralNotice,
  type ReferralSource,
  type ReferralSources,
  type ReferralStatus,
  type RoutingReason,
  type RoutingRequest,
  type RoutingResult,
  type SharedField,
  type TransitionRefusal,
  type UserKey
} from '../domain';
import { CapacityReachedError, ConcurrentUpdateError, DuplicateKeyError, type PartnerCapacityRepository, type PlaceChange, type ReferralRepository } from '../storage';
import type { Clock } from './clock';

/** The outbox message kinds referrals produce (the outbox worker knows how to deliver each). */
export const REFERRAL_MESSAGE_KINDS = {
  partnerWebhook: 'partner.webhook',
  partnerEmail: 'partner.email',
  personMessage: 'person.message'
} as const;

/** What the person agreed to, to create a referral. */
export interface SubmitReferral {
  userKey: UserKey;
  programme: ProgrammeId;
  partnerId: string;
  language: string;
  source: ReferralSource;
  sources: ReferralSources;
  /** The fields the person agreed to share (shown to them one by one). */
  fields: SharedField[];
  /** Version of the privacy notice in force. */
  noticeVersion: string;
  reasons: RoutingReason[];
  /**
   * The referral's id when the caller can name it (the chat uses the turn's record id): the same
   * turn processed again finds the referral it made instead of making a second one.
   */
  id?: string;
}

/** An action on a referral, by whom and with what. */
export interface ReferralActInput {
  actor: ReferralActor;
  partnerId?: string;
  reason?: string;
  question?: string;
  answer?: string;
}

export type ReferralActResult =
  | { ok: true; referral: Referral; event: ReferralEvent }
  | { ok: false; reason: 'notFound' }
  | { ok: false; reason: 'refused'; refusal: TransitionRefusal }
  | { ok: false; reason: 'full'; programme: string; capacity: number };

/** A referral could not be created (every reference drawn was taken, or the store refused). */
export class ReferralNotCreatedError extends Error {
  override readonly name = 'ReferralNotCreatedError';
}

const MAX_ATTEMPTS = 5;

/**
 * Referrals: routing proposals, creation with the person's consent, every change through the
 * domain's state machine, and — in the same atomic step as each change — the messages it must
 * send (partner webhook and e-mail, message to the person), written to the outbox. The chat,
 * the partner API and the console all act through it.
 */
export class ReferralService {
  private readonly byId: ReadonlyMap<string, Partner>;

  constructor(
    private readonly deps: {
      referrals: ReferralRepository;
      partners: PartnerDirectory;
      clock: Clock;
      /** Partners get e-mails only when SMTP is configured. */
      emailEnabled: boolean;
      /** Training id → the partner that runs it (the catalogue's `partnerId`). */
      trainingPartners?: ReadonlyMap<string, string>;
      /** Capacities partners set in the console, overriding content/partners.json. */
      capacities?: PartnerCapacityRepository;
      /** Random bytes (references); the system's by default. */
      random?: (size: number) => Uint8Array;
    }
  ) {
    this.byId = new Map(deps.partners.partners.map((p) => [p.id, p]));
  }

  partner(id: string): Partner | undefined {
    return this.byId.get(id);
  }

  get partners(): readonly Partner[] {
    return this.deps.partners.partners;
  }

  /** Open referrals per partner (what its capacity is compared with). */
  countOpen(): Promise<Map<string, number>> {
    return this.deps.referrals.countOpenByPartner();
  }

  /** The partner that runs a training of the catalogue, if any. */
  partnerOfTraining(trainingId: string): string | undefined {
    return this.deps.trainingPartners?.get(trainingId);
  }

  /** The partners that fit, best first, with why; or what to tell the person when none does. */
  async propose(request: RoutingRequest): Promise<RoutingResult> {
    return routeReferral(request, await this.currentPartners(), await this.deps.referrals.countOpenByPartner());
  }

  /** Sets the capacity a partner takes (open referrals at a time), used from now on when routing. */
  async setCapacity(partnerId: string, capacity: number): Promise<void> {
    if (!this.deps.capacities) throw new Error('no store of capacities was given');
    await this.deps.capacities.set(partnerId, capacity, this.deps.clock());
  }

  /** The partners with the capacities they set in the console, if any. */
  async currentPartners(): Promise<Partner[]> {
    const set = (await this.deps.capacities?.all()) ?? new Map<string, number>();
    return this.deps.partners.partners.map((p) => (set.has(p.id) ? { ...p, capacity: set.get(p.id)! } : p));
  }

  /**
   * Creates the referral and sends it to the partner the person chose: submitted, then routed by
   * the system, in one save with the partner's messages. When the person's eligibility for the
   * programme says an adviser should look, it stays `submitted` for a caseworker to review and
   * route in the console. Returns the saved referral (with its reference).
   */
  async submit(input: SubmitReferral): Promise<Referral> {
    if (input.id) {
      const existing = await this.deps.referrals.get(input.id);
      if (existing) return existing;
    }
    const at = this.deps.clock();
    const iso = at.toISOString();
    const id = input.id ?? randomUUID();
    const created: Referral = {
      id,
      reference: '',
      userKey: input.userKey,
      programme: input.programme,
      status: 'submitted',
      partnerId: null,
      country: input.sources.answers?.country ?? null,
      language: input.language,
      details: {
        source: input.source,
        shared: sharedData(input.fields, input.sources),
        consent: { partnerId: input.partnerId, fields: [...input.fields], noticeVersion: input.noticeVersion, grantedAt: iso },
        history: [{ at: iso, actor: { kind: 'person' }, action: 'submit', from: null, to: 'submitted' }],
        infoRequests: [],
        notes: [],
        routingReasons: input.reasons.map((r) => ({ key: r.key, params: { ...r.params } }))
      },
      createdAt: at,
      updatedAt: at,
      waitingSince: at,
      version: 0
    };
    // "An adviser should look" at this programme: the referral waits for a caseworker, who routes
    // it (to the partner the person agreed to) from the console; otherwise it goes straight away.
    const held = input.sources.result?.programmes.some((p) => p.programme === input.programme && p.outcome === 'needs_adviser') ?? false;
    const routed = held ? undefined : transition(created, 'route', { actor: { kind: 'system' }, at, partnerId: input.partnerId });
    if (routed && !routed.ok) throw new ReferralNotCreatedError(`the new referral could not be routed (${routed.refusal.code})`);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const referral = { ...(routed?.ok ? routed.referral : created), reference: this.newReference() };
      try {
        return await this.deps.referrals.save(referral, routed?.ok ? this.messagesFor(referral, routed.event, { personSawRouting: true }) : []);
      } catch (err) {
        if (!(err instanceof DuplicateKeyError)) throw err;
        // The same turn, run at the same time elsewhere, saved it first: that one stands.
        if (err.id === id) return (await this.deps.referrals.get(id)) ?? Promise.reject(err);
        // Another referral has that reference: draw again.
        if (err.id !== referral.reference) throw err;
      }
    }
    throw new ReferralNotCreatedError(`no free reference after ${MAX_ATTEMPTS} draws`);
  }

  /**
   * Applies an action (accept, decline, request information, answer, enrol, complete, withdraw,
   * review, route) as the domain's state machine allows, takes or gives back a limited place, and
   * writes the messages the change must send, all in one save; re-reads and re-applies when
   * another change came first.
   */
  async act(referralId: string, action: ReferralAction, input: ReferralActInput): Promise<ReferralActResult> {
    for (let attempt = 1; ; attempt++) {
      const current = await this.deps.referrals.get(referralId);
      if (!current) return { ok: false, reason: 'notFound' };
      const result = transition(current, action, {
        actor: input.actor,
        at: this.deps.clock(),
        partnerId: input.partnerId,
        reason: input.reason,
        question: input.question === undefined ? undefined : { id: randomUUID(), text: input.question },
        answer: input.answer
      });
      if (!result.ok) return { ok: false, reason: 'refused', refusal: result.refusal };
      if (action === 'route' && input.partnerId && !this.byId.has(input.partnerId)) {
        return { ok: false, reason: 'refused', refusal: { code: 'missing', field: 'partner' } };
      }
      try {
        const saved = await this.deps.referrals.save(result.referral, this.messagesFor(result.referral, result.event, { personSawRouting: false }), this.placeChange(current.status, result.referral));
        return { ok: true, referral: saved, event: result.event };
      } catch (err) {
        if (err instanceof CapacityReachedError) return { ok: false, reason: 'full', programme: err.programme, capacity: err.capacity };
        if (!(err instanceof ConcurrentUpdateError) || attempt >= MAX_ATTEMPTS) throw err;
      }
    }
  }

  get(id: string): Promise<Referral | null> {
    return this.deps.referrals.get(id);
  }

  findByReference(reference: string): Promise<Referral | null> {
    return this.deps.referrals.findByReference(reference);
  }

  /** A person's referrals, newest first. */
  listForPerson(userKey: UserKey): Promise<Referral[]> {
    return this.deps.referrals.listByUser(userKey);
  }

  /** The question a partner is waiting for the person to answer, if any (the oldest). */
  async openQuestionFor(userKey: UserKey): Promise<{ referral: Referral; request: InfoRequest } | undefined> {
    const referrals = await this.deps.referrals.listByUser(userKey);
    for (const referral of [...referrals].reverse()) {
      const request = openInfoRequest(referral);
      if (request) return { referral, request };
    }
    return undefined;
  }

  /** A partner's referrals, longest waiting first. */
  listForPartner(partnerId: string, statuses: readonly ReferralStatus[] | undefined, limit: number): Promise<Referral[]> {
    return this.deps.referrals.listForPartner({ partnerId, statuses, limit });
  }

  /** How many places of a limited programme are held, and how many there are. */
  async places(programme: ProgrammeId): Promise<{ held: number; capacity: number } | undefined> {
    const capacity = this.deps.partners.programmeCapacity[programme];
    return capacity === undefined ? undefined : { held: await this.deps.referrals.countPlaces(programme), capacity };
  }

  private placeChange(before: ReferralStatus, after: Referral): PlaceChange | undefined {
    const capacity = this.deps.partners.programmeCapacity[after.programme];
    if (capacity === undefined) return undefined;
    if (!holdsPlace(before) && holdsPlace(after.status)) return { take: { capacity } };
    if (holdsPlace(before) && !holdsPlace(after.status)) return { release: true };
    return undefined;
  }

  private newReference(): string {
    const random = this.deps.random ?? ((size: number) => new Uint8Array(randomBytes(size)));
    for (;;) {
      const reference = referenceFrom(random(16));
      if (reference) return reference;
    }
  }

  /** The outbox messages of one change: a snapshot of what may be shared, taken now. */
  private messagesFor(referral: Referral, event: ReferralEvent, options: { personSawRouting: boolean }): NewOutboxMessage[] {
    const at = new Date(event.at);
    return noticesFor(event, options).flatMap((notice) => this.messagesOf(notice, referral, event, at));
  }

  private messagesOf(notice: ReferralNotice, referral: Referral, event: ReferralEvent, at: Date): NewOutboxMessage[] {
    const base = { aggregateId: referral.id, createdAt: at };
    if (notice.to === 'person') {
      const request = notice.event === 'infoRequested' ? openInfoRequest(referral) : undefined;
      return [
        {
          ...base,
          id: randomUUID(),
          kind: REFERRAL_MESSAGE_KINDS.personMessage,
          payload: {
            event: notice.event,
            userKey: referral.userKey,
            referralId: referral.id,
            reference: referral.reference,
            partnerId: referral.partnerId,
            ...(request ? { requestId: request.id, question: request.question } : {}),
            ...(notice.event === 'declined' && referral.details.declineReason ? { reason: referral.details.declineReason } : {})
          }
        }
      ];
    }
    const partner = referral.partnerId ? this.byId.get(referral.partnerId) : undefined;
    if (!partner) return [];
    const messages: NewOutboxMessage[] = [];
    if (partner.delivery.webhookUrl) {
      const id = randomUUID();
      messages.push({ ...base, id, kind: REFERRAL_MESSAGE_KINDS.partnerWebhook, payload: { partnerId: partner.id, event: notice.event, body: webhookBody(id, notice.event, referral, event) } });
    }
    if (partner.delivery.email && this.deps.emailEnabled) {
      messages.push({
        ...base,
        id: randomUUID(),
        kind: REFERRAL_MESSAGE_KINDS.partnerEmail,
        payload: { partnerId: partner.id, event: notice.event, referralId: referral.id, reference: referral.reference, programme: referral.programme }
      });
    }
    return messages;
  }
}

/**
 * What a partner's system receives: the referral as it stands, with only the data the person
 * agreed to share with this partner — nothing once they have withdrawn.
 */
export function webhookBody(messageId: string, partnerEvent: string, referral: Referral, event: ReferralEvent): Record<string, unknown> {
  const withdrawn = referral.details.consent.withdrawnAt !== undefined;
  return {
    id: messageId,
    event: partnerEvent,
    occurredAt: event.at,
    referral: {
      id: referral.id,
      reference: referral.reference,
      programme: referral.programme,
      status: referral.status,
      language: referral.language,
      createdAt: referral.createdAt.toISOString(),
      ...(withdrawn
        ? {}
        : {
            shared: referral.details.shared,
            infoRequests: referral.details.infoRequests.map((r) => ({ id: r.id, question: r.question, askedAt: r.askedAt, ...(r.answer ? { answer: r.answer, answeredAt: r.answeredAt } : {}) }))
          }),
      ...(referral.details.declineReason ? { declineReason: referral.details.declineReason } : {})
    }
  };
}
