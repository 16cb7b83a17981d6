import { INFO_ANSWER_DIALOG, ReferralPresenter, type InfoAnswerOptions } from '../../dialogs';
import type { PersonEvent } from '../domain';
import type { ReferralService } from '../services/referralService';
import type { PersonNotice } from './passerelleBot';

/** What a `person.message` outbox message carries (written by the referral service). */
export interface PersonMessagePayload {
  event: PersonEvent;
  userKey: string;
  referralId: string;
  reference: string;
  partnerId: string | null;
  requestId?: string;
  question?: string;
  reason?: string;
}

/** What the person is told when no partner holds the referral: a caseworker acted. */
const BY_ADVISER: Partial<Record<PersonEvent, string>> = {
  infoRequested: 'referral:update.infoRequestedByAdviser',
  declined: 'referral:update.declinedByAdviser'
};

/**
 * A referral update put into words for the person (`referral:update.<event>`): who, which
 * reference, and for a question, the question itself followed by the prompt to answer it.
 * Undefined when the referral is gone (erased).
 */
export async function referralNotice(payload: PersonMessagePayload, referrals: ReferralService): Promise<PersonNotice | undefined> {
  const referral = await referrals.get(payload.referralId);
  if (!referral) return undefined;
  const partner = payload.partnerId ? referrals.partner(payload.partnerId) : undefined;
  const presenter = new ReferralPresenter();
  return {
    fallbackLanguage: referral.language,
    text: (texts) => {
      const params = {
        partner: partner?.name ?? texts.t('referral:noPartnerYet'),
        reference: payload.reference,
        question: payload.question ?? '',
        reason: payload.reason ?? texts.t('referral:update.noReason'),
        contact: payload.event === 'accepted' && partner ? presenter.contact(partner, texts) : ''
      };
      const key = (!partner && BY_ADVISER[payload.event]) || `referral:update.${payload.event}`;
      return texts.t(key, params).trim();
    },
    ...(payload.event === 'infoRequested' && payload.requestId
      ? { dialog: { id: INFO_ANSWER_DIALOG, options: { referralId: payload.referralId, asked: true } satisfies InfoAnswerOptions } }
      : {})
  };
}
