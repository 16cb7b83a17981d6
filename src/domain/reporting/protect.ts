import type { FunnelCell, FunnelReport, RawFunnel } from './types';

/** Counts below this are shown as "<5". */
export const SMALL_COUNT_LIMIT = 5;
/**
 * The hidden cells of a stage add up to at least this much, one of them being 5 or more: each
 * small cell among them can then still be anything from 0 to 4 whatever is subtracted.
 */
export const HIDDEN_SUM_MINIMUM = 2 * SMALL_COUNT_LIMIT - 1;

/**
 * The small-count rule, so that no person can be singled out:
 *
 * 1. Every count below 5, **zero included**, is `small` ("<5"), totals included. Zero is hidden
 *    too: showing it would turn "<5" into "at least one person", which is what the rule hides.
 * 2. **Nothing can be worked out by subtraction.** In each stage whose total is shown, when some
 *    groups are small, the smallest other groups are `hidden` too until the hidden groups add up
 *    to at least 9 and one of them is 5 or more: the total minus the groups shown then leaves each
 *    small group anywhere from 0 to 4. When no group is left to hide, the total is hidden as
 *    well. (Programme rows may overlap, a check answering for both: the rule treats them as if
 *    they added up, which only hides more.)
 *
 * Within one table nothing smaller than 5 can be derived. Two different tables (two breakdowns,
 * with and without a programme) can still be compared: see docs/reporting.md.
 */
export function protectSmallCounts(raw: RawFunnel): FunnelReport {
  const rows = raw.rows.map((r) => ({ group: r.group, cells: r.counts.map(primary) }));
  const total = raw.total.map(primary);
  raw.stages.forEach((_stage, j) => {
    const totalValue = raw.total[j];
    if (totalValue === null || totalValue === undefined || total[j]?.kind !== 'count') return;
    const column = raw.rows.map((r, i) => ({ i, value: r.counts[j] ?? 0 }));
    const hidden = column.filter((c) => c.value < SMALL_COUNT_LIMIT);
    if (hidden.length === 0) return;
    const shown = column.filter((c) => c.value >= SMALL_COUNT_LIMIT).sort((a, b) => a.value - b.value || a.i - b.i);
    const safe = (): boolean =>
      hidden.reduce((sum, c) => sum + c.value, 0) >= HIDDEN_SUM_MINIMUM && hidden.some((c) => c.value >= SMALL_COUNT_LIMIT);
    while (!safe()) {
      const next = shown.shift();
      if (!next) {
        total[j] = { kind: 'hidden' };
        return;
      }
      hidden.push(next);
      rows[next.i]!.cells[j] = { kind: 'hidden' };
    }
  });
  return { query: raw.query, stages: raw.stages, rows, total };
}

function primary(count: number | null): FunnelCell {
  if (count === null) return { kind: 'na' };
  return count < SMALL_COUNT_LIMIT ? { kind: 'small' } : { kind: 'count', value: count };
}
