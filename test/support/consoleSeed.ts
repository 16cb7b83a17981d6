import type { App } from '../../src/app';
import type { AssessmentProfile, EligibilityResult, Referral } from '../../src/domain';

/** The console's test accounts: one per role, partner A and partner B of two organisations. */
export const CONSOLE_PASSWORD = 'a long password for tests';
export const ACCOUNTS = {
  admin: { email: 'admin@example.org', role: 'admin' },
  caseworker: { email: 'caseworker@example.org', role: 'caseworker' },
  partnerA: { email: 'partner-a@example.org', role: 'partner', partnerId: 'fr-coordinator' },
  partnerB: { email: 'partner-b@example.org', role: 'partner', partnerId: 'be-training' }
} as const;
export type AccountName = keyof typeof ACCOUNTS;

export async function createConsoleAccounts(app: App): Promise<void> {
  for (const a of Object.values(ACCOUNTS)) {
    const made = await app.accounts.create({ email: a.email, role: a.role, partnerId: 'partnerId' in a ? a.partnerId : undefined, password: CONSOLE_PASSWORD });
    if (!made.ok) throw new Error(`cannot create ${a.email}: ${made.problem}`);
  }
}

let counter = 0;

/**
 * A referral through the real service, as the chat makes them: `A` routed to partner A
 * (fr-coordinator, France), `B` to partner B (be-training, Belgium), `H` held for a caseworker
 * (its eligibility says an adviser should look; the person agreed to share with partner A). The
 * region is a marker that shows where a person's data reaches.
 */
export async function seedReferral(app: App, kind: 'A' | 'B' | 'H', region = `Region-${kind}-${++counter}-Q`, profile?: AssessmentProfile): Promise<Referral> {
  const country = kind === 'B' ? 'BE' : 'FR';
  const partnerId = kind === 'B' ? 'be-training' : 'fr-coordinator';
  const result: EligibilityResult = {
    rulesVersion: 'test-rules',
    asOf: '2026-12-05',
    programmes: [{ programme: 'digiter', outcome: kind === 'H' ? 'needs_adviser' : 'eligible', criteria: [], nextStepKey: 'next.digiter.eligible' }]
  };
  return app.referrals.submit({
    userKey: `person-${kind}-${counter}`,
    programme: 'digiter',
    partnerId,
    language: kind === 'B' ? 'nl' : 'fr',
    source: 'eligibility',
    sources: { programme: 'digiter', answers: { age: 22, country, region, situation: 'none', qualification: 'none' }, result, ...(profile ? { profile } : {}), language: kind === 'B' ? 'nl' : 'fr', today: '2026-12-05' },
    fields: ['age', 'country', 'region', 'eligibility', 'language', ...(profile ? (['skillsProfile'] as const) : [])],
    noticeVersion: 'test',
    reasons: []
  });
}

let handoffs = 0;

/**
 * A conversation waiting for a person (as the chat makes it), with something the person wrote
 * (`marker`, which only caseworkers and administrators may ever see).
 */
export async function seedHandoff(app: App, marker = `Handoff-words-${++handoffs}-Q`): Promise<{ id: string; userKey: string; marker: string }> {
  const n = ++handoffs;
  const userKey = `handoff-person-${n}`;
  const { handoff } = await app.handoffs.request({
    id: `seeded-handoff-${n}-0123456789`,
    userKey,
    conversationKey: `seeded-conversation-${n}`,
    reach: { userKey, channelId: 'emulator', serviceUrl: 'http://127.0.0.1:9/', conversationId: `c-${n}`, userId: `u-${n}`, botId: 'bot', locale: 'fr', updatedAt: new Date() },
    language: 'fr',
    recent: []
  });
  await app.handoffs.personSays(handoff.id, { id: `said-${n}`, text: marker });
  return { id: handoff.id, userKey, marker };
}
