/** One page of results. */
export interface Page<T> {
  items: T[];
  /** 1-based number of this page (1 when there are no results). */
  page: number;
  pageSize: number;
  /** Number of pages; 0 when there are no results. */
  pageCount: number;
  total: number;
  hasPrevious: boolean;
  hasNext: boolean;
}

/** Results shown per page: small screens, short messages. */
export const DEFAULT_PAGE_SIZE = 3;

/**
 * Page `page` (1-based) of `results`, `pageSize` items at most. A page number past the last page
 * gives the last page and one below 1 gives the first: a "next" button pressed after the results
 * shrank (a training filled up) still shows something.
 *
 * @throws RangeError when `pageSize` is not a positive whole number or `page` not a whole number.
 */
export function paginate<T>(results: readonly T[], page: number, pageSize: number = DEFAULT_PAGE_SIZE): Page<T> {
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError(`page size must be a positive whole number, got ${pageSize}`);
  if (!Number.isInteger(page)) throw new RangeError(`page must be a whole number, got ${page}`);
  const total = results.length;
  const pageCount = Math.ceil(total / pageSize);
  const current = Math.min(Math.max(page, 1), Math.max(pageCount, 1));
  const start = (current - 1) * pageSize;
  return {
    items: results.slice(start, start + pageSize),
    page: current,
    pageSize,
    pageCount,
    total,
    hasPrevious: current > 1,
    hasNext: current < pageCount
  };
}
