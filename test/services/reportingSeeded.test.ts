import { FUNNEL_DIMENSIONS, type FunnelQuery, type UserKey } from '../../src/domain';
import { ReportingService } from '../../src/services/reportingService';
import type { StorageBundle } from '../../src/storage';
import { describeEachStorage } from '../support/storageTargets';
import { compareWithDirect, directCounts, directSource, seedReportingData } from '../support/reportingSeed';

describeEachStorage('reporting on a seeded database', (target) => {
  let storage: StorageBundle;
  let people: UserKey[];
  beforeAll(async () => {
    storage = await target.open();
    people = await seedReportingData(storage);
  });
  afterAll(() => storage.close());

  const queries: FunnelQuery[] = [...FUNNEL_DIMENSIONS.map((by) => ({ by })), { by: 'month', programme: 'camplus' }, { by: 'country', programme: 'digiter' }];

  it('every number shown equals the count computed directly from the stored data, "<5" below 5, hidden ones 5 or more', async () => {
    const service = new ReportingService({ reporting: storage.reporting, starts: storage.conversationStarts, timeZone: 'Europe/Paris' });
    const { steps, starts } = await directSource(storage, people);
    expect(starts).toHaveLength(140);
    const mismatches: string[] = [];
    const seen = { count: 0, small: 0, hidden: 0, na: 0 };
    for (const query of queries) {
      const report = await service.funnel(query);
      const compared = compareWithDirect(report, directCounts(steps, query, starts), (group, stage) => {
        const j = report.stages.indexOf(stage);
        const cell = group === 'total' ? report.total[j]! : report.rows.find((r) => r.group === group)!.cells[j]!;
        return cell;
      });
      mismatches.push(...compared.mismatches);
      for (const kind of ['count', 'small', 'hidden', 'na'] as const) seen[kind] += compared.seen[kind];
    }
    expect(mismatches).toEqual([]);
    // The seed gives every kind of cell, so the comparison above has something to compare.
    expect(seen.count).toBeGreaterThan(50);
    expect(seen.small).toBeGreaterThan(10);
    expect(seen.hidden).toBeGreaterThan(0);
  });
});
