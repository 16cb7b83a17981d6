import {
  FINAL_STATUSES,
  type ActorKind,
  type InfoRequest,
  type Referral,
  type ReferralAction,
  type ReferralActor,
  type ReferralEvent,
  type ReferralStatus
} from './types';

/** What each action needs besides the actor. */
type Need = 'partner' | 'reason' | 'question' | 'answer';

interface Rule {
  from: readonly ReferralStatus[];
  /** The new status; `resume` goes back to the status before the information request. */
  to: ReferralStatus | 'resume';
  actors: readonly ActorKind[];
  needs?: Need;
}

const OPEN: readonly ReferralStatus[] = ['submitted', 'inReview', 'routed', 'accepted', 'infoRequested', 'enrolled'];

/**
 * The referral lifecycle: who may do what, from which status.
 *
 * ```
 * submitted ─review→ inReview ─route→ routed ─accept→ accepted ─enrol→ enrolled ─complete→ completed
 *     └────────────route───────────────↗  │               │
 *  (submitted | inReview | routed | infoRequested) ─decline→ declined
 *  (inReview | routed | accepted) ─requestInfo→ infoRequested ─answerInfo→ (back where it was)
 *  any open status ─withdraw (the person)→ withdrawn
 * ```
 */
export const REFERRAL_RULES: Readonly<Record<ReferralAction, Rule>> = {
  review: { from: ['submitted'], to: 'inReview', actors: ['caseworker'] },
  route: { from: ['submitted', 'inReview'], to: 'routed', actors: ['caseworker', 'system'], needs: 'partner' },
  accept: { from: ['routed'], to: 'accepted', actors: ['partner', 'caseworker'] },
  decline: { from: ['submitted', 'inReview', 'routed', 'infoRequested'], to: 'declined', actors: ['partner', 'caseworker'], needs: 'reason' },
  requestInfo: { from: ['inReview', 'routed', 'accepted'], to: 'infoRequested', actors: ['partner', 'caseworker'], needs: 'question' },
  answerInfo: { from: ['infoRequested'], to: 'resume', actors: ['person'], needs: 'answer' },
  enrol: { from: ['accepted'], to: 'enrolled', actors: ['partner', 'caseworker'] },
  complete: { from: ['enrolled'], to: 'completed', actors: ['partner', 'caseworker'] },
  withdraw: { from: OPEN, to: 'withdrawn', actors: ['person'] }
};

/** What a transition is given. */
export interface TransitionInput {
  actor: ReferralActor;
  at: Date;
  /** `route`: the partner chosen. */
  partnerId?: string;
  /** `decline`: why (required); `withdraw`: why, if the person said. */
  reason?: string;
  /** `requestInfo`: the question, and its new id. */
  question?: { id: string; text: string };
  /** `answerInfo`: the answer. */
  answer?: string;
}

/** Why a transition was refused (a message key of the `referral` namespace says it in words). */
export type TransitionRefusal =
  | { code: 'finished'; status: ReferralStatus }
  | { code: 'notAllowedFrom'; status: ReferralStatus; action: ReferralAction }
  | { code: 'notYourRole'; actor: ActorKind; action: ReferralAction }
  | { code: 'notYourReferral' }
  | { code: 'missing'; field: Need };

export type TransitionResult = { ok: true; referral: Referral; event: ReferralEvent } | { ok: false; refusal: TransitionRefusal };

/** Statuses that hold one of a programme's limited places (CAMPLUS: 180). */
export function holdsPlace(status: ReferralStatus): boolean {
  return status === 'accepted' || status === 'enrolled' || status === 'completed';
}

/** Whether nothing can change any more. */
export function isFinal(status: ReferralStatus): boolean {
  return FINAL_STATUSES.includes(status);
}

/** The actions `actor` may take on `referral` now (what the console shows, what the partner API accepts). */
export function allowedActions(referral: Referral, actor: ReferralActor): ReferralAction[] {
  return (Object.keys(REFERRAL_RULES) as ReferralAction[]).filter((action) => refusalOf(referral, action, actor) === undefined);
}

function refusalOf(referral: Referral, action: ReferralAction, actor: ReferralActor): TransitionRefusal | undefined {
  const rule = REFERRAL_RULES[action];
  if (isFinal(referral.status)) return { code: 'finished', status: referral.status };
  if (!rule.actors.includes(actor.kind)) return { code: 'notYourRole', actor: actor.kind, action };
  if (actor.kind === 'partner' && (referral.partnerId === null || actor.id !== referral.partnerId)) return { code: 'notYourReferral' };
  if (!rule.from.includes(referral.status)) return { code: 'notAllowedFrom', status: referral.status, action };
  return undefined;
}

/**
 * Applies `action` to `referral` if the rules allow it: the new referral (status, history,
 * partner, questions and answers, when it started waiting) and the history line, or why not.
 * Pure: `referral` is not changed.
 */
export function transition(referral: Referral, action: ReferralAction, input: TransitionInput): TransitionResult {
  const refusal = refusalOf(referral, action, input.actor);
  if (refusal) return { ok: false, refusal };
  const rule = REFERRAL_RULES[action];
  const missing = rule.needs && !provided(rule.needs, input) ? rule.needs : undefined;
  if (missing) return { ok: false, refusal: { code: 'missing', field: missing } };

  const at = input.at.toISOString();
  const details = { ...referral.details, history: [...referral.details.history], infoRequests: [...referral.details.infoRequests] };
  let to: ReferralStatus;
  if (rule.to === 'resume') {
    to = details.resumeStatus ?? 'inReview';
    delete details.resumeStatus;
  } else {
    to = rule.to;
  }
  let partnerId = referral.partnerId;
  let reason: string | undefined;
  switch (action) {
    case 'route':
      partnerId = input.partnerId!;
      break;
    case 'decline':
      reason = input.reason!.trim();
      details.declineReason = reason;
      break;
    case 'withdraw':
      reason = input.reason?.trim() || undefined;
      details.consent = { ...details.consent, withdrawnAt: at };
      break;
    case 'requestInfo': {
      details.resumeStatus = referral.status;
      const request: InfoRequest = { id: input.question!.id, question: input.question!.text.trim(), askedAt: at, askedBy: input.actor };
      details.infoRequests.push(request);
      reason = request.question;
      break;
    }
    case 'answerInfo': {
      const open = details.infoRequests.findIndex((r) => r.answer === undefined);
      if (open >= 0) details.infoRequests[open] = { ...details.infoRequests[open]!, answer: input.answer!.trim(), answeredAt: at };
      break;
    }
    default:
      break;
  }
  const event: ReferralEvent = {
    at,
    actor: input.actor,
    action,
    from: referral.status,
    to,
    ...(reason ? { reason } : {}),
    ...(action === 'route' ? { partnerId: partnerId! } : {})
  };
  details.history.push(event);
  return {
    ok: true,
    event,
    referral: { ...referral, status: to, partnerId, details, updatedAt: input.at, waitingSince: input.at }
  };
}

function provided(need: Need, input: TransitionInput): boolean {
  switch (need) {
    case 'partner':
      return typeof input.partnerId === 'string' && input.partnerId !== '';
    case 'reason':
      return typeof input.reason === 'string' && input.reason.trim() !== '';
    case 'question':
      return input.question !== undefined && input.question.text.trim() !== '';
    case 'answer':
      return typeof input.answer === 'string' && input.answer.trim() !== '';
  }
}

/** The open information request (the question the person is asked to answer), if any. */
export function openInfoRequest(referral: Referral): InfoRequest | undefined {
  return referral.status === 'infoRequested' ? referral.details.infoRequests.find((r) => r.answer === undefined) : undefined;
}
