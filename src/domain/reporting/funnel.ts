import { COUNTRY_CODES, PROGRAMME_IDS, type ProgrammeId } from '../eligibility/types';
import {
  FUNNEL_STAGES,
  STAGE_DIMENSIONS,
  UNKNOWN_GROUP,
  type FunnelDimension,
  type FunnelQuery,
  type FunnelSource,
  type FunnelStage,
  type RawFunnel
} from './types';

/** One thing a person did, placed on the funnel. */
interface Fact {
  stage: Exclude<FunnelStage, 'started'>;
  subject: string;
  at: Date;
  values: Partial<Record<Exclude<FunnelDimension, 'month'>, string | null>>;
}

function isProgramme(id: string): id is ProgrammeId {
  return (PROGRAMME_IDS as readonly string[]).includes(id);
}

/** Every fact the stored rows tell, in the order given. */
function factsOf(source: FunnelSource): Fact[] {
  const facts: Fact[] = [];
  for (const g of source.grants) {
    facts.push({ stage: 'consented', subject: g.userKey, at: g.decidedAt, values: { language: g.language } });
  }
  for (const c of source.checks) {
    for (const o of c.outcomes) {
      const values = { programme: o.programme, country: c.country, language: c.language };
      facts.push({ stage: 'eligibilityChecked', subject: c.userKey, at: c.createdAt, values });
      if (o.outcome === 'eligible') facts.push({ stage: 'eligible', subject: c.userKey, at: c.createdAt, values });
    }
  }
  for (const a of source.assessments) {
    const programme = isProgramme(a.questionnaireId) ? a.questionnaireId : null;
    facts.push({ stage: 'skillsTested', subject: a.userKey, at: a.completedAt, values: { programme, language: a.language } });
  }
  for (const r of source.referrals) {
    const values = { programme: r.programme, country: r.country, partner: r.partnerId, language: r.language };
    facts.push({ stage: 'referred', subject: r.userKey, at: r.createdAt, values });
    if (r.acceptedAt) facts.push({ stage: 'accepted', subject: r.userKey, at: r.acceptedAt, values });
    if (r.enrolledAt) facts.push({ stage: 'enrolled', subject: r.userKey, at: r.enrolledAt, values });
  }
  return facts;
}

/** Whether a stage can be shown for this query (it knows the dimension, and the programme when one is chosen). */
export function stageApplies(stage: FunnelStage, query: FunnelQuery): boolean {
  const known = STAGE_DIMENSIONS[stage];
  return known.includes(query.by) && (query.programme === undefined || known.includes('programme'));
}

/** The months from `first` to `last` (`YYYY-MM`), both included. */
export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  let [year, month] = first.split('-').map(Number) as [number, number];
  for (let guard = 0; guard < 1200; guard += 1) {
    const current = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
    if (current > last) break;
    months.push(current);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

/**
 * The funnel's raw counts, one row per value of `query.by`, one count per stage.
 *
 * - **People, once per stage.** Each stage counts people (by pseudonymous key), each once, except
 *   "conversations started", which counts conversations (nothing ties one to a person).
 * - **Where a person counts**: in the group of their earliest step of that stage (the month, the
 *   language, the country, the partner of their first eligibility check, first referral…; of two
 *   steps at the same instant, the group first in alphabetical order), so that the groups of a
 *   stage add up to its total. Broken down by programme, a person counts in
 *   each programme they reached the stage in (a check answers for both programmes): programme
 *   rows may add up to more than the total.
 * - `query.programme` keeps only what concerns that programme; stages that know no programme are
 *   then not applicable, as are stages that do not know the dimension broken down by.
 * - `monthOf` turns an instant into its month (`YYYY-MM`) in the programmes' time zone.
 */
export function buildFunnel(source: FunnelSource, query: FunnelQuery, monthOf: (at: Date) => string): RawFunnel {
  const { by, programme } = query;
  const valueOf = (fact: Fact): string => (by === 'month' ? monthOf(fact.at) : (fact.values[by] ?? UNKNOWN_GROUP));
  const perStage = new Map<FunnelStage, { groups: Map<string, number>; total: number }>();

  if (stageApplies('started', query)) {
    const groups = new Map<string, number>();
    let total = 0;
    for (const s of source.starts) {
      const group = by === 'month' ? s.month : s.language;
      groups.set(group, (groups.get(group) ?? 0) + s.count);
      total += s.count;
    }
    perStage.set('started', { groups, total });
  }

  const byStage = new Map<FunnelStage, Fact[]>();
  for (const f of factsOf(source)) {
    if (programme !== undefined && f.values.programme !== programme) continue;
    const list = byStage.get(f.stage);
    if (list) list.push(f);
    else byStage.set(f.stage, [f]);
  }
  for (const stage of FUNNEL_STAGES) {
    if (stage === 'started' || !stageApplies(stage, query)) continue;
    const ofStage = byStage.get(stage) ?? [];
    const groups = new Map<string, number>();
    const subjects = new Set(ofStage.map((f) => f.subject));
    if (by === 'programme') {
      const pairs = new Set<string>();
      for (const f of ofStage) {
        const group = valueOf(f);
        const pair = `${group}\u0000${f.subject}`;
        if (pairs.has(pair)) continue;
        pairs.add(pair);
        groups.set(group, (groups.get(group) ?? 0) + 1);
      }
    } else {
      const earliest = new Map<string, Fact>();
      for (const f of ofStage) {
        const seen = earliest.get(f.subject);
        const sooner = seen ? f.at.getTime() - seen.at.getTime() : -1;
        if (sooner < 0 || (sooner === 0 && seen && valueOf(f) < valueOf(seen))) earliest.set(f.subject, f);
      }
      for (const f of earliest.values()) {
        const group = valueOf(f);
        groups.set(group, (groups.get(group) ?? 0) + 1);
      }
    }
    perStage.set(stage, { groups, total: subjects.size });
  }

  const rowsGroups = orderGroups(by, programme, [...perStage.values()].flatMap((s) => [...s.groups.keys()]));
  return {
    query,
    stages: FUNNEL_STAGES,
    rows: rowsGroups.map((group) => ({
      group,
      counts: FUNNEL_STAGES.map((stage) => {
        const s = perStage.get(stage);
        return s ? (s.groups.get(group) ?? 0) : null;
      })
    })),
    total: FUNNEL_STAGES.map((stage) => perStage.get(stage)?.total ?? null)
  };
}

/**
 * The rows of a breakdown, in a stable order: every programme (or the one chosen) and every
 * country always, in their fixed order; partners and languages as found, sorted; every month from
 * the first to the last found. `unknown` last when found.
 */
function orderGroups(by: FunnelDimension, programme: ProgrammeId | undefined, found: string[]): string[] {
  const seen = new Set(found);
  const tail = seen.has(UNKNOWN_GROUP) ? [UNKNOWN_GROUP] : [];
  seen.delete(UNKNOWN_GROUP);
  switch (by) {
    case 'programme':
      return programme ? [programme] : [...PROGRAMME_IDS];
    case 'country':
      return [...COUNTRY_CODES, ...tail];
    case 'month': {
      const months = [...seen].sort();
      return months.length === 0 ? [] : monthsBetween(months[0]!, months[months.length - 1]!);
    }
    default:
      return [...[...seen].sort(), ...tail];
  }
}
