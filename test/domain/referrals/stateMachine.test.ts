import {
  allowedActions,
  holdsPlace,
  openInfoRequest,
  REFERRAL_ACTIONS,
  REFERRAL_STATUSES,
  transition,
  type ReferralAction,
  type ReferralActor,
  type ReferralStatus,
  type TransitionInput
} from '../../../src/domain';
import { AT, aReferral } from './fixtures';

const person: ReferralActor = { kind: 'person' };
const caseworker: ReferralActor = { kind: 'caseworker', id: 'cw-1' };
const partnerA: ReferralActor = { kind: 'partner', id: 'fr-coordinator' };
const partnerB: ReferralActor = { kind: 'partner', id: 'be-training' };
const system: ReferralActor = { kind: 'system' };

const inputs: Record<ReferralAction, Omit<TransitionInput, 'actor' | 'at'>> = {
  review: {},
  route: { partnerId: 'be-training' },
  accept: {},
  decline: { reason: 'No place this year' },
  requestInfo: { question: { id: 'q1', text: 'Do you have a CV?' } },
  answerInfo: { answer: 'Yes' },
  enrol: {},
  complete: {},
  withdraw: {}
};

/** The whole table: [status, action, actor] → new status or the refusal's code. */
const EXPECTED: Array<[ReferralStatus, ReferralAction, ReferralActor, ReferralStatus | string]> = [
  ['submitted', 'review', caseworker, 'inReview'],
  ['submitted', 'review', partnerA, 'notYourRole'],
  ['submitted', 'route', caseworker, 'routed'],
  ['submitted', 'route', system, 'routed'],
  ['inReview', 'route', caseworker, 'routed'],
  ['routed', 'route', caseworker, 'notAllowedFrom'],
  ['routed', 'accept', partnerA, 'accepted'],
  ['routed', 'accept', partnerB, 'notYourReferral'],
  ['routed', 'accept', caseworker, 'accepted'],
  ['routed', 'accept', person, 'notYourRole'],
  ['submitted', 'accept', caseworker, 'notAllowedFrom'],
  ['routed', 'decline', partnerA, 'declined'],
  ['infoRequested', 'decline', caseworker, 'declined'],
  ['accepted', 'decline', partnerA, 'notAllowedFrom'],
  ['routed', 'requestInfo', partnerA, 'infoRequested'],
  ['accepted', 'requestInfo', caseworker, 'infoRequested'],
  ['submitted', 'requestInfo', caseworker, 'notAllowedFrom'],
  ['accepted', 'enrol', partnerA, 'enrolled'],
  ['routed', 'enrol', partnerA, 'notAllowedFrom'],
  ['enrolled', 'complete', partnerA, 'completed'],
  ['accepted', 'complete', partnerA, 'notAllowedFrom'],
  ['submitted', 'withdraw', person, 'withdrawn'],
  ['enrolled', 'withdraw', person, 'withdrawn'],
  ['routed', 'withdraw', partnerA, 'notYourRole'],
  ['declined', 'withdraw', person, 'finished'],
  ['completed', 'accept', partnerA, 'finished'],
  ['withdrawn', 'review', caseworker, 'finished']
];

describe('the referral state machine', () => {
  it.each(EXPECTED)('%s + %s by %o → %s', (status, action, actor, expected) => {
    const result = transition(aReferral({ status }), action, { actor, at: AT, ...inputs[action] });
    expect(result.ok ? result.referral.status : result.refusal.code).toBe(expected);
  });

  it('records every transition in the history, with who, when, from and to, and restarts the waiting time', () => {
    const later = new Date('2026-12-02T10:00:00.000Z');
    const result = transition(aReferral(), 'decline', { actor: partnerA, at: later, reason: '  No place this year ' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.event).toEqual({ at: later.toISOString(), actor: partnerA, action: 'decline', from: 'routed', to: 'declined', reason: 'No place this year' });
    expect(result.referral.details.history).toEqual([result.event]);
    expect(result.referral.details.declineReason).toBe('No place this year');
    expect(result.referral.updatedAt).toEqual(later);
    expect(result.referral.waitingSince).toEqual(later);
  });

  it('refuses a transition that lacks what it needs, and changes nothing', () => {
    const referral = aReferral();
    for (const [action, input] of [
      ['decline', { reason: '   ' }],
      ['requestInfo', { question: { id: 'q', text: '' } }],
      ['route', {}]
    ] as const) {
      const status = action === 'route' ? 'submitted' : 'routed';
      const result = transition({ ...referral, status }, action, { actor: caseworker, at: AT, ...input });
      expect(result).toEqual({ ok: false, refusal: expect.objectContaining({ code: 'missing' }) });
    }
    expect(referral.details.history).toEqual([]);
  });

  it('an information request waits for the person, whose answer goes back where the referral was', () => {
    const asked = transition(aReferral({ status: 'accepted' }), 'requestInfo', { actor: partnerA, at: AT, question: { id: 'q1', text: 'Do you have a CV?' } });
    if (!asked.ok) throw new Error('refused');
    expect(openInfoRequest(asked.referral)).toMatchObject({ id: 'q1', question: 'Do you have a CV?', askedBy: partnerA });
    const answered = transition(asked.referral, 'answerInfo', { actor: person, at: AT, answer: 'Yes, I can send it' });
    if (!answered.ok) throw new Error('refused');
    expect(answered.referral.status).toBe('accepted');
    expect(answered.referral.details.infoRequests[0]).toMatchObject({ answer: 'Yes, I can send it', answeredAt: AT.toISOString() });
    expect(openInfoRequest(answered.referral)).toBeUndefined();
  });

  it('routing names the partner; withdrawal marks the consent withdrawn', () => {
    const routed = transition(aReferral({ status: 'submitted', partnerId: null }), 'route', { actor: system, at: AT, partnerId: 'be-training' });
    expect(routed.ok && [routed.referral.partnerId, routed.event.partnerId]).toEqual(['be-training', 'be-training']);
    const withdrawn = transition(aReferral(), 'withdraw', { actor: person, at: AT });
    expect(withdrawn.ok && withdrawn.referral.details.consent.withdrawnAt).toBe(AT.toISOString());
  });

  it('lists exactly the actions each actor may take', () => {
    expect(allowedActions(aReferral({ status: 'routed' }), partnerA).sort()).toEqual(['accept', 'decline', 'requestInfo']);
    expect(allowedActions(aReferral({ status: 'routed' }), partnerB)).toEqual([]);
    expect(allowedActions(aReferral({ status: 'submitted' }), caseworker).sort()).toEqual(['decline', 'review', 'route']);
    expect(allowedActions(aReferral({ status: 'infoRequested' }), person).sort()).toEqual(['answerInfo', 'withdraw']);
    expect(allowedActions(aReferral({ status: 'completed' }), caseworker)).toEqual([]);
    // Every status and action is covered by the rules (no action is possible from a final status).
    for (const status of REFERRAL_STATUSES) for (const actor of [person, caseworker, partnerA, system]) {
      for (const action of allowedActions(aReferral({ status }), actor)) expect(REFERRAL_ACTIONS).toContain(action);
    }
  });

  it('only accepted, enrolled and completed referrals hold one of a programme\'s places', () => {
    expect(REFERRAL_STATUSES.filter(holdsPlace)).toEqual(['accepted', 'enrolled', 'completed']);
  });
});
