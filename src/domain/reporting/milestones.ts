import type { ReferralEvent } from '../referrals/types';

/** When a referral was first accepted and first enrolled, from its history (null when never). */
export function referralMilestones(history: readonly Pick<ReferralEvent, 'at' | 'to'>[]): { acceptedAt: Date | null; enrolledAt: Date | null } {
  const first = (status: ReferralEvent['to']): Date | null => {
    const times = history.filter((e) => e.to === status).map((e) => Date.parse(e.at)).filter((t) => Number.isFinite(t));
    return times.length === 0 ? null : new Date(Math.min(...times));
  };
  return { acceptedAt: first('accepted'), enrolledAt: first('enrolled') };
}
