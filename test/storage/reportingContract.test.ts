import { randomUUID } from 'node:crypto';
import type { AssessmentRecord, EligibilityCheckRecord, Referral } from '../../src/domain';
import type { StorageBundle } from '../../src/storage';
import { describeEachStorage } from '../support/storageTargets';
import { referral } from './contract/outboxContract';

const at = (iso: string): Date => new Date(iso);
const byKey = <T extends { userKey: string }>(rows: T[]): T[] => [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

function check(overrides: Partial<EligibilityCheckRecord>): EligibilityCheckRecord {
  return {
    id: randomUUID(),
    userKey: 'u1',
    answers: { birthDate: '2003-04-05', situation: 'none', qualification: 'none', country: 'PT' },
    result: {
      rulesVersion: 'r1',
      asOf: '2026-02-01',
      programmes: [
        { programme: 'digiter', outcome: 'eligible', criteria: [], nextStepKey: 'next.a' },
        { programme: 'camplus', outcome: 'not_eligible', criteria: [], nextStepKey: 'next.b' }
      ]
    },
    rulesVersion: 'r1',
    language: 'pt',
    createdAt: at('2026-02-01T09:00:00.000Z'),
    ...overrides
  };
}

function assessment(overrides: Partial<AssessmentRecord>): AssessmentRecord {
  return {
    id: randomUUID(),
    userKey: 'u1',
    questionnaireId: 'digiter',
    questionnaireVersion: 'q1',
    language: 'ro',
    answers: { a1: 3 },
    currentItemId: null,
    status: 'completed',
    profile: { areas: [] },
    startedAt: at('2026-02-02T09:00:00.000Z'),
    updatedAt: at('2026-02-02T09:10:00.000Z'),
    completedAt: at('2026-02-02T09:10:00.000Z'),
    version: 0,
    ...overrides
  };
}

describeEachStorage('reporting reads and conversation starts', (target) => {
  let storage: StorageBundle;
  beforeEach(async () => {
    storage = await target.open();
  });
  afterEach(() => storage.close());

  it('records conversation starts once per id and counts them per month and language', async () => {
    await storage.conversationStarts.record({ id: 's1', day: '2026-01-31', language: 'fr' });
    await storage.conversationStarts.record({ id: 's1', day: '2026-01-31', language: 'fr' });
    await storage.conversationStarts.record({ id: 's2', day: '2026-01-02', language: 'fr' });
    await storage.conversationStarts.record({ id: 's3', day: '2026-02-01', language: 'fr' });
    await storage.conversationStarts.record({ id: 's4', day: '2026-01-15', language: 'ar' });
    expect(await storage.conversationStarts.countByMonthAndLanguage()).toEqual([
      { month: '2026-01', language: 'ar', count: 1 },
      { month: '2026-01', language: 'fr', count: 2 },
      { month: '2026-02', language: 'fr', count: 1 }
    ]);
  });

  it('refuses a malformed start and stores nothing', async () => {
    const bad = [
      { id: '', day: '2026-01-01', language: 'fr' },
      { id: 'x', day: '2026-13-01', language: 'fr' },
      { id: 'x', day: '2026-01-01T00:00', language: 'fr' },
      { id: 'x', day: '2026-01-01', language: '' }
    ];
    for (const start of bad) await expect(storage.conversationStarts.record(start)).rejects.toThrow(TypeError);
    expect(await storage.conversationStarts.countByMonthAndLanguage()).toEqual([]);
  });

  it('reads granted consents only', async () => {
    const base = { noticeVersion: 'n1', guardianConfirmed: null };
    await storage.consents.append({ ...base, id: 'c1', userKey: 'u1', decision: 'granted', language: 'fr', decidedAt: at('2026-01-01T10:00:00.000Z') });
    await storage.consents.append({ ...base, id: 'c2', userKey: 'u1', decision: 'withdrawn', language: 'fr', decidedAt: at('2026-01-03T10:00:00.000Z') });
    await storage.consents.append({ ...base, id: 'c3', userKey: 'u2', decision: 'refused', language: 'ar', decidedAt: at('2026-01-02T10:00:00.000Z') });
    await storage.consents.append({ ...base, id: 'c4', userKey: 'u3', decision: 'granted', language: 'ar', decidedAt: at('2026-02-02T10:00:00.000Z') });
    expect(byKey(await storage.reporting.consentGrants())).toEqual([
      { userKey: 'u1', language: 'fr', decidedAt: at('2026-01-01T10:00:00.000Z') },
      { userKey: 'u3', language: 'ar', decidedAt: at('2026-02-02T10:00:00.000Z') }
    ]);
  });

  it('reads eligibility checks as country, language, instant and outcomes; no country is null', async () => {
    await storage.eligibilityChecks.save(check({ userKey: 'u1' }));
    await storage.eligibilityChecks.save(check({ userKey: 'u2', answers: { age: 40 }, language: 'so', createdAt: at('2026-03-01T00:00:00.000Z') }));
    expect(byKey(await storage.reporting.eligibilityChecks())).toEqual([
      {
        userKey: 'u1',
        country: 'PT',
        language: 'pt',
        createdAt: at('2026-02-01T09:00:00.000Z'),
        outcomes: [
          { programme: 'digiter', outcome: 'eligible' },
          { programme: 'camplus', outcome: 'not_eligible' }
        ]
      },
      {
        userKey: 'u2',
        country: null,
        language: 'so',
        createdAt: at('2026-03-01T00:00:00.000Z'),
        outcomes: [
          { programme: 'digiter', outcome: 'eligible' },
          { programme: 'camplus', outcome: 'not_eligible' }
        ]
      }
    ]);
  });

  it('reads completed assessments only', async () => {
    await storage.assessments.save(assessment({ userKey: 'u1' }));
    await storage.assessments.save(assessment({ userKey: 'u2', status: 'inProgress', completedAt: null, profile: null, currentItemId: 'a2' }));
    await storage.assessments.save(assessment({ userKey: 'u3', questionnaireId: 'camplus', language: 'ti', completedAt: at('2026-04-01T00:00:00.000Z') }));
    expect(byKey(await storage.reporting.completedAssessments())).toEqual([
      { userKey: 'u1', questionnaireId: 'digiter', language: 'ro', completedAt: at('2026-02-02T09:10:00.000Z') },
      { userKey: 'u3', questionnaireId: 'camplus', language: 'ti', completedAt: at('2026-04-01T00:00:00.000Z') }
    ]);
  });

  it('reads referrals with the first time they were accepted and enrolled', async () => {
    const history = (steps: [string, Referral['status']][]): Referral['details']['history'] =>
      steps.map(([when, to], i) => ({ at: when, actor: { kind: 'partner', id: 'p' }, action: i === 0 ? 'submit' : 'accept', from: null, to }));
    const a = referral({ userKey: 'u1', partnerId: 'pt-a', country: 'PT', language: 'pt', createdAt: at('2026-01-05T00:00:00.000Z') });
    a.details.history = history([
      ['2026-01-05T00:00:00.000Z', 'submitted'],
      ['2026-01-07T00:00:00.000Z', 'accepted'],
      ['2026-01-08T00:00:00.000Z', 'infoRequested'],
      ['2026-01-09T00:00:00.000Z', 'accepted'],
      ['2026-02-01T00:00:00.000Z', 'enrolled']
    ]);
    const b = referral({ userKey: 'u2', programme: 'camplus', partnerId: null, country: null, language: 'ar', createdAt: at('2026-03-05T00:00:00.000Z') });
    await storage.referrals.save(a, []);
    await storage.referrals.save(b, []);
    expect(byKey(await storage.reporting.referrals())).toEqual([
      {
        userKey: 'u1',
        programme: 'digiter',
        partnerId: 'pt-a',
        country: 'PT',
        language: 'pt',
        createdAt: at('2026-01-05T00:00:00.000Z'),
        acceptedAt: at('2026-01-07T00:00:00.000Z'),
        enrolledAt: at('2026-02-01T00:00:00.000Z')
      },
      { userKey: 'u2', programme: 'camplus', partnerId: null, country: null, language: 'ar', createdAt: at('2026-03-05T00:00:00.000Z'), acceptedAt: null, enrolledAt: null }
    ]);
  });
});
