import type { ReferralEvent } from './types';

/** Who must hear of a referral's change, and how (the service turns each into an outbox message). */
export type ReferralNotice =
  /** A signed webhook to the partner's system, and an e-mail to the partner when it has one. */
  | { to: 'partner'; event: PartnerEvent }
  /** A message to the person, in their language, on their channel. */
  | { to: 'person'; event: PersonEvent };

/** What partners are told: the referral's new state, as an event name. */
export type PartnerEvent = 'referral.routed' | 'referral.accepted' | 'referral.declined' | 'referral.infoRequested' | 'referral.infoAnswered' | 'referral.enrolled' | 'referral.completed' | 'referral.withdrawn';

/** What the person is told (`referral:update.<event>`). */
export type PersonEvent = 'routed' | 'accepted' | 'declined' | 'infoRequested' | 'enrolled' | 'completed';

const PARTNER_EVENT: Partial<Record<ReferralEvent['action'], PartnerEvent>> = {
  route: 'referral.routed',
  accept: 'referral.accepted',
  decline: 'referral.declined',
  requestInfo: 'referral.infoRequested',
  answerInfo: 'referral.infoAnswered',
  enrol: 'referral.enrolled',
  complete: 'referral.completed',
  withdraw: 'referral.withdrawn'
};

const PERSON_EVENT: Partial<Record<ReferralEvent['action'], PersonEvent>> = {
  route: 'routed',
  accept: 'accepted',
  decline: 'declined',
  requestInfo: 'infoRequested',
  enrol: 'enrolled',
  complete: 'completed'
};

/**
 * Who is told of a change: the partner of every change it did not make itself (a caseworker
 * accepting on its behalf, the person answering or cancelling), and the person of every change
 * they did not make, except a routing made while they were in the chat (they were told then).
 */
export function noticesFor(event: ReferralEvent, options: { personSawRouting: boolean }): ReferralNotice[] {
  const notices: ReferralNotice[] = [];
  const partnerEvent = PARTNER_EVENT[event.action];
  if (partnerEvent && event.actor.kind !== 'partner') notices.push({ to: 'partner', event: partnerEvent });
  const personEvent = PERSON_EVENT[event.action];
  if (personEvent && event.actor.kind !== 'person' && !(event.action === 'route' && options.personSawRouting)) {
    notices.push({ to: 'person', event: personEvent });
  }
  return notices;
}
