import { randomUUID } from 'node:crypto';
import {
  FUNNEL_STAGES,
  PROGRAMME_IDS,
  STAGE_DIMENSIONS,
  type CountryCode,
  type FunnelDimension,
  type FunnelQuery,
  type FunnelReport,
  type FunnelStage,
  type Outcome,
  type ProgrammeId,
  type Referral,
  type UserKey
} from '../../src/domain';
import type { StorageBundle } from '../../src/storage';
import { referral } from '../storage/contract/outboxContract';

/**
 * A seeded database for reporting tests; the funnel the service reports is compared with counts computed here,
 * directly from what the stores give back through their ordinary reads (each person's history),
 * not through reporting's reads nor the domain's funnel. Instants are mid-month at noon UTC, so
 * that their month is the same in UTC and in Europe/Paris.
 */
const LANGUAGES = ['fr', 'ar', 'ro', 'de', 'ti'] as const;
const COUNTRIES: (CountryCode | undefined)[] = ['FR', 'FR', 'BE', 'RO', 'DE', 'PT', 'OTHER', undefined];
const PARTNERS = ['fr-coordinator', 'be-training', 'ro-university', 'pt-employment-association', null] as const;
const MONTHS = ['2026-01', '2026-02', '2026-04'] as const;
const OUTCOMES: Outcome[] = ['eligible', 'eligible', 'not_eligible', 'needs_adviser'];

function prng(seed: number): (n: number) => number {
  let s = seed;
  return (n) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return Math.floor((s / 2147483648) * n);
  };
}

const when = (month: string, day: number): Date => new Date(`${month}-${String(day).padStart(2, '0')}T12:00:00.000Z`);

export async function seedReportingData(storage: StorageBundle): Promise<UserKey[]> {
  const random = prng(2026);
  const pick = <T>(xs: readonly T[]): T => xs[random(xs.length)]!;
  for (let i = 0; i < 140; i += 1) {
    const month = pick(MONTHS);
    await storage.conversationStarts.record({ id: `start-${i}`, day: `${month}-${String(10 + random(10))}`, language: pick(LANGUAGES) });
  }
  const people: UserKey[] = [];
  for (let i = 0; i < 90; i += 1) {
    const userKey = `person-${i}`;
    people.push(userKey);
    const language = pick(LANGUAGES);
    const month = pick(MONTHS);
    const consent = random(10) < 8;
    await storage.consents.append({
      id: randomUUID(),
      userKey,
      decision: consent ? 'granted' : 'refused',
      noticeVersion: 'n1',
      language,
      guardianConfirmed: null,
      decidedAt: when(month, 10)
    });
    if (!consent) continue;
    if (random(10) < 2) {
      await storage.consents.append({ id: randomUUID(), userKey, decision: 'withdrawn', noticeVersion: 'n1', language, guardianConfirmed: null, decidedAt: when(month, 20) });
    }
    if (random(10) < 1) continue;
    const checks = 1 + random(2);
    let eligibleFor: ProgrammeId[] = [];
    for (let c = 0; c < checks; c += 1) {
      const checkMonth = c === 0 ? month : '2026-04';
      const country = pick(COUNTRIES);
      const outcomes = PROGRAMME_IDS.map((programme) => ({ programme, outcome: pick(OUTCOMES) }));
      eligibleFor = [...new Set([...eligibleFor, ...outcomes.filter((o) => o.outcome === 'eligible').map((o) => o.programme)])];
      await storage.eligibilityChecks.save({
        id: randomUUID(),
        userKey,
        answers: { age: 20 + random(9), ...(country ? { country } : {}) },
        result: { rulesVersion: 'r1', asOf: `${checkMonth}-11`, programmes: outcomes.map((o) => ({ ...o, criteria: [], nextStepKey: 'x' })) },
        rulesVersion: 'r1',
        language,
        createdAt: when(checkMonth, 11 + c)
      });
    }
    if (random(10) < 6) {
      const completed = random(10) < 8;
      await storage.assessments.save({
        id: randomUUID(),
        userKey,
        questionnaireId: pick(PROGRAMME_IDS),
        questionnaireVersion: 'q1',
        language,
        answers: { a: 2 },
        currentItemId: completed ? null : 'b',
        status: completed ? 'completed' : 'inProgress',
        profile: completed ? { areas: [] } : null,
        startedAt: when(month, 12),
        updatedAt: when(month, 13),
        completedAt: completed ? when(month, 13) : null,
        version: 0
      });
    }
    for (const programme of eligibleFor) {
      if (random(10) < 3) continue;
      const history: Referral['details']['history'] = [{ at: when(month, 14).toISOString(), actor: { kind: 'person' }, action: 'submit', from: null, to: 'submitted' }];
      const accepted = random(10) < 6;
      if (accepted) history.push({ at: when(month, 15).toISOString(), actor: { kind: 'partner', id: 'p' }, action: 'accept', from: 'routed', to: 'accepted' });
      if (accepted && random(10) < 5) history.push({ at: when('2026-04', 16).toISOString(), actor: { kind: 'partner', id: 'p' }, action: 'enrol', from: 'accepted', to: 'enrolled' });
      const partnerId = pick(PARTNERS);
      await storage.referrals.save(
        referral({ userKey, programme, partnerId, country: pick(COUNTRIES) ?? null, language, status: history[history.length - 1]!.to, createdAt: when(month, 14), details: { ...referral().details, history } }),
        []
      );
    }
  }
  return people;
}

/** One thing a person did, as read back through the stores' ordinary reads. */
export interface Step {
  stage: FunnelStage;
  person: string;
  at: Date;
  dims: Partial<Record<FunnelDimension, string>>;
}

export async function stepsFromStores(storage: StorageBundle, people: UserKey[]): Promise<Step[]> {
  const steps: Step[] = [];
  const month = (at: Date): string => at.toISOString().slice(0, 7);
  for (const person of people) {
    for (const c of await storage.consents.history(person)) {
      if (c.decision === 'granted') steps.push({ stage: 'consented', person, at: c.decidedAt, dims: { language: c.language, month: month(c.decidedAt) } });
    }
    for (const check of await storage.eligibilityChecks.listByUser(person)) {
      for (const p of check.result.programmes) {
        const dims = { programme: p.programme, country: check.answers.country ?? 'unknown', language: check.language, month: month(check.createdAt) };
        steps.push({ stage: 'eligibilityChecked', person, at: check.createdAt, dims });
        if (p.outcome === 'eligible') steps.push({ stage: 'eligible', person, at: check.createdAt, dims });
      }
    }
    for (const a of await storage.assessments.listByUser(person)) {
      if (a.status === 'completed' && a.completedAt) {
        steps.push({ stage: 'skillsTested', person, at: a.completedAt, dims: { programme: a.questionnaireId, language: a.language, month: month(a.completedAt) } });
      }
    }
    for (const r of await storage.referrals.listByUser(person)) {
      const dims = { programme: r.programme, country: r.country ?? 'unknown', partner: r.partnerId ?? 'unknown', language: r.language };
      steps.push({ stage: 'referred', person, at: r.createdAt, dims: { ...dims, month: month(r.createdAt) } });
      for (const [stage, status] of [['accepted', 'accepted'], ['enrolled', 'enrolled']] as const) {
        const event = r.details.history.find((e) => e.to === status);
        if (event) steps.push({ stage, person, at: new Date(event.at), dims: { ...dims, month: event.at.slice(0, 7) } });
      }
    }
  }
  return steps;
}

/** Direct counts: people per stage and group (their first step's group, ties to the group first in code-unit order; every programme they reached when by programme). */
export function directCounts(steps: Step[], query: FunnelQuery, starts: { month: string; language: string }[]): Map<string, number | null> {
  const counts = new Map<string, number | null>();
  for (const stage of FUNNEL_STAGES) {
    const applies = STAGE_DIMENSIONS[stage].includes(query.by) && (!query.programme || STAGE_DIMENSIONS[stage].includes('programme'));
    if (!applies) {
      counts.set(`${stage}|total`, null);
      continue;
    }
    if (stage === 'started') {
      for (const s of starts) counts.set(`${stage}|${s[query.by as 'month' | 'language']}`, (counts.get(`${stage}|${s[query.by as 'month' | 'language']}`) ?? 0) + 1);
      counts.set(`${stage}|total`, starts.length);
      continue;
    }
    const mine = steps.filter((s) => s.stage === stage && (!query.programme || s.dims.programme === query.programme));
    counts.set(`${stage}|total`, new Set(mine.map((s) => s.person)).size);
    if (query.by === 'programme') {
      for (const programme of PROGRAMME_IDS) counts.set(`${stage}|${programme}`, new Set(mine.filter((s) => s.dims.programme === programme).map((s) => s.person)).size);
    } else {
      const first = new Map<string, Step>();
      const order = (a: Step, b: Step): number => a.at.getTime() - b.at.getTime() || (String(a.dims[query.by]) < String(b.dims[query.by]) ? -1 : 1);
      for (const s of [...mine].sort(order)) if (!first.has(s.person)) first.set(s.person, s);
      for (const s of first.values()) counts.set(`${stage}|${s.dims[query.by]}`, (counts.get(`${stage}|${s.dims[query.by]}`) ?? 0) + 1);
    }
  }
  return counts;
}


/** Everything the direct counts need, read back from the stores. */
export async function directSource(storage: StorageBundle, people: UserKey[]): Promise<{ steps: Step[]; starts: { month: string; language: string }[] }> {
  const steps = await stepsFromStores(storage, people);
  const starts = (await storage.conversationStarts.countByMonthAndLanguage()).flatMap((r) => Array.from({ length: r.count }, () => ({ month: r.month, language: r.language })));
  return { steps, starts };
}

/**
 * Compares every cell of `report` (rows and total, as shown: a number, "small", "hidden" or not
 * applicable) with the direct counts; returns one line per disagreement, and how many cells of
 * each kind were compared.
 */
export function compareWithDirect(report: Pick<FunnelReport, 'query' | 'stages'> & { rows: readonly { group: string }[] }, direct: Map<string, number | null>, shown: (row: string, stage: FunnelStage) => { kind: 'count' | 'small' | 'hidden' | 'na'; value?: number }): { mismatches: string[]; seen: Record<'count' | 'small' | 'hidden' | 'na', number> } {
  const mismatches: string[] = [];
  const seen = { count: 0, small: 0, hidden: 0, na: 0 };
  for (const group of [...report.rows.map((r) => r.group), 'total']) {
    for (const stage of report.stages) {
      const cell = shown(group, stage);
      const where = `${JSON.stringify(report.query)} ${stage} ${group}`;
      const applies = direct.get(`${stage}|total`) !== null;
      const expected = applies ? (direct.get(`${stage}|${group}`) ?? 0) : null;
      seen[cell.kind] += 1;
      if (cell.kind === 'na') {
        if (applies) mismatches.push(`${where}: not applicable, expected ${expected}`);
        continue;
      }
      if (expected === null) mismatches.push(`${where}: shown, expected not applicable`);
      else if (cell.kind === 'count' && cell.value !== expected) mismatches.push(`${where}: ${cell.value}, expected ${expected}`);
      else if (cell.kind === 'small' && expected >= 5) mismatches.push(`${where}: <5, expected ${expected}`);
      else if (cell.kind === 'hidden' && expected < 5) mismatches.push(`${where}: hidden, expected ${expected} (should be <5)`);
    }
  }
  return { mismatches, seen };
}
