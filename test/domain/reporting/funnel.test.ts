import {
  buildFunnel,
  csvDocument,
  FUNNEL_STAGES,
  monthsBetween,
  protectSmallCounts,
  referralMilestones,
  type FunnelCell,
  type FunnelSource,
  type RawFunnel
} from '../../../src/domain';

const monthOf = (at: Date): string => at.toISOString().slice(0, 7);
const d = (iso: string): Date => new Date(iso);

const source: FunnelSource = {
  starts: [
    { month: '2026-01', language: 'fr', count: 7 },
    { month: '2026-03', language: 'ar', count: 2 }
  ],
  grants: [
    { userKey: 'a', language: 'fr', decidedAt: d('2026-01-02T00:00:00Z') },
    { userKey: 'a', language: 'fr', decidedAt: d('2026-03-02T00:00:00Z') },
    { userKey: 'b', language: 'ar', decidedAt: d('2026-03-05T00:00:00Z') }
  ],
  checks: [
    {
      userKey: 'a',
      country: 'FR',
      language: 'fr',
      createdAt: d('2026-01-03T00:00:00Z'),
      outcomes: [
        { programme: 'digiter', outcome: 'eligible' },
        { programme: 'camplus', outcome: 'not_eligible' }
      ]
    },
    {
      userKey: 'a',
      country: 'BE',
      language: 'fr',
      createdAt: d('2026-03-03T00:00:00Z'),
      outcomes: [
        { programme: 'digiter', outcome: 'eligible' },
        { programme: 'camplus', outcome: 'eligible' }
      ]
    },
    { userKey: 'b', country: null, language: 'ar', createdAt: d('2026-03-06T00:00:00Z'), outcomes: [{ programme: 'camplus', outcome: 'needs_adviser' }] }
  ],
  assessments: [{ userKey: 'a', questionnaireId: 'digiter', language: 'fr', completedAt: d('2026-01-04T00:00:00Z') }],
  referrals: [
    {
      userKey: 'a',
      programme: 'digiter',
      partnerId: 'fr-coordinator',
      country: 'FR',
      language: 'fr',
      createdAt: d('2026-01-05T00:00:00Z'),
      acceptedAt: d('2026-03-01T00:00:00Z'),
      enrolledAt: null
    },
    { userKey: 'b', programme: 'camplus', partnerId: null, country: null, language: 'ar', createdAt: d('2026-03-07T00:00:00Z'), acceptedAt: null, enrolledAt: null }
  ]
};

const row = (raw: RawFunnel, group: string): (number | null)[] | undefined => raw.rows.find((r) => r.group === group)?.counts;

describe('buildFunnel', () => {
  it('by month: each person once per stage, in the month of their first step; every month in between', () => {
    const raw = buildFunnel(source, { by: 'month' }, monthOf);
    expect(raw.stages).toEqual(FUNNEL_STAGES);
    expect(raw.rows.map((r) => r.group)).toEqual(['2026-01', '2026-02', '2026-03']);
    // started, consented, checked, eligible, tested, referred, accepted, enrolled
    expect(row(raw, '2026-01')).toEqual([7, 1, 1, 1, 1, 1, 0, 0]);
    expect(row(raw, '2026-02')).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(row(raw, '2026-03')).toEqual([2, 1, 1, 0, 0, 1, 1, 0]);
    expect(raw.total).toEqual([9, 2, 2, 1, 1, 2, 1, 0]);
  });

  it('by country: the country of the first step; stages that know no country are not applicable', () => {
    const raw = buildFunnel(source, { by: 'country' }, monthOf);
    expect(raw.rows.map((r) => r.group)).toEqual(['FR', 'BE', 'RO', 'DE', 'PT', 'OTHER', 'unknown']);
    expect(row(raw, 'FR')).toEqual([null, null, 1, 1, null, 1, 1, 0]);
    expect(row(raw, 'BE')).toEqual([null, null, 0, 0, null, 0, 0, 0]);
    expect(row(raw, 'unknown')).toEqual([null, null, 1, 0, null, 1, 0, 0]);
    expect(raw.total).toEqual([null, null, 2, 1, null, 2, 1, 0]);
  });

  it('by programme: a person counts in each programme reached; rows may add up to more than the total', () => {
    const raw = buildFunnel(source, { by: 'programme' }, monthOf);
    expect(row(raw, 'digiter')).toEqual([null, null, 1, 1, 1, 1, 1, 0]);
    expect(row(raw, 'camplus')).toEqual([null, null, 2, 1, 0, 1, 0, 0]);
    expect(raw.total).toEqual([null, null, 2, 1, 1, 2, 1, 0]);
  });

  it('for one programme: only its steps; started and consented are not applicable', () => {
    const raw = buildFunnel(source, { by: 'language', programme: 'camplus' }, monthOf);
    expect(raw.rows.map((r) => r.group)).toEqual(['ar', 'fr']);
    expect(row(raw, 'fr')).toEqual([null, null, 1, 1, 0, 0, 0, 0]);
    expect(row(raw, 'ar')).toEqual([null, null, 1, 0, 0, 1, 0, 0]);
  });

  it('by partner: a referral not routed yet is in "unknown"', () => {
    const raw = buildFunnel(source, { by: 'partner' }, monthOf);
    expect(raw.rows.map((r) => r.group)).toEqual(['fr-coordinator', 'unknown']);
    expect(row(raw, 'unknown')).toEqual([null, null, null, null, null, 1, 0, 0]);
  });

  it('monthsBetween crosses years', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });
});

const show = (cell: FunnelCell): string => (cell.kind === 'count' ? String(cell.value) : cell.kind);
const raw1 = (groups: Record<string, number>, total = Object.values(groups).reduce((a, b) => a + b, 0)): RawFunnel => ({
  query: { by: 'country' },
  stages: ['referred'],
  rows: Object.entries(groups).map(([group, n]) => ({ group, counts: [n] })),
  total: [total]
});
const shown = (raw: RawFunnel): string[] => {
  const report = protectSmallCounts(raw);
  return [...report.rows.map((r) => show(r.cells[0]!)), `total:${show(report.total[0]!)}`];
};

describe('protectSmallCounts', () => {
  it('shows counts of 5 or more as they are, and everything below 5 (zero included) as small', () => {
    expect(shown(raw1({ FR: 5, BE: 12 }))).toEqual(['5', '12', 'total:17']);
    expect(shown(raw1({ FR: 3, BE: 1 }))).toEqual(['small', 'small', 'total:small']);
    expect(shown(raw1({ FR: 0, BE: 0 }))).toEqual(['small', 'small', 'total:small']);
  });

  it('hides the smallest other group when one small group could be worked out from the total', () => {
    // 20 + 7 + 3 = 30: without more hiding, 30 - 20 - 7 = 3.
    expect(shown(raw1({ FR: 20, BE: 7, DE: 3 }))).toEqual(['20', 'hidden', 'small', 'total:30']);
  });

  it('hides until the hidden groups hold at least 9 with one of 5 or more', () => {
    // 4 + 5 = 9 is enough; 4 + 4 = 8 with no group of 5 or more is not.
    expect(shown(raw1({ FR: 4, BE: 5, DE: 30 }))).toEqual(['small', 'hidden', '30', 'total:39']);
    expect(shown(raw1({ FR: 4, BE: 4, DE: 6, PT: 30 }))).toEqual(['small', 'small', 'hidden', '30', 'total:44']);
  });

  it('hides the total when no group is left to hide (4 + 4 = 8 would tell both)', () => {
    expect(shown(raw1({ FR: 4, BE: 4 }))).toEqual(['small', 'small', 'total:hidden']);
  });

  it('leaves not-applicable cells as they are', () => {
    const report = protectSmallCounts({ query: { by: 'country' }, stages: ['started'], rows: [{ group: 'FR', counts: [null] }], total: [null] });
    expect(report.rows[0]!.cells[0]).toEqual({ kind: 'na' });
    expect(report.total[0]).toEqual({ kind: 'na' });
  });

  it('no cell below 5 survives, and no small cell can be derived by subtraction, on random tables', () => {
    let seed = 42;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const breaches: string[] = [];
    for (let round = 0; round < 500; round += 1) {
      const groups: Record<string, number> = {};
      const size = 1 + random(6);
      for (let g = 0; g < size; g += 1) groups[`g${g}`] = random(3) === 0 ? random(5) : random(40);
      const raw = raw1(groups);
      const report = protectSmallCounts(raw);
      const cells = report.rows.map((r) => r.cells[0]!);
      for (const c of [...cells, report.total[0]!]) if (c.kind === 'count' && c.value < 5) breaches.push(`${JSON.stringify(groups)} shows ${c.value}`);
      if (report.total[0]!.kind === 'count' && cells.some((c) => c.kind === 'small')) {
        const hiddenSum = report.total[0]!.value - cells.reduce((s, c) => s + (c.kind === 'count' ? c.value : 0), 0);
        const bigHidden = raw.rows.some((r, i) => cells[i]!.kind === 'hidden' && r.counts[0]! >= 5);
        if (hiddenSum < 9 || !bigHidden) breaches.push(`${JSON.stringify(groups)} leaves ${hiddenSum} hidden`);
      }
    }
    expect(breaches).toEqual([]);
  });
});

describe('csvDocument', () => {
  it('quotes every cell, doubles quotes, and makes formulas inert', () => {
    expect(csvDocument([['a', 'b "c"'], ['=1+1', '+33', '-2', '@SUM(A1)', '\tx', '<5', 'ok, fine']])).toBe(
      `"a","b ""c"""\r\n"'=1+1","'+33","'-2","'@SUM(A1)","'\tx","<5","ok, fine"\r\n`
    );
  });
});

describe('referralMilestones', () => {
  it('gives the first time a referral was accepted and enrolled', () => {
    expect(
      referralMilestones([
        { at: '2026-01-01T00:00:00.000Z', to: 'submitted' },
        { at: '2026-01-03T00:00:00.000Z', to: 'accepted' },
        { at: '2026-01-04T00:00:00.000Z', to: 'infoRequested' },
        { at: '2026-01-05T00:00:00.000Z', to: 'accepted' }
      ])
    ).toEqual({ acceptedAt: new Date('2026-01-03T00:00:00.000Z'), enrolledAt: null });
  });
});
