// A coach's list of shared copies: filtered by what the coach types, sorted by any column.

/** CohortRowLike is the part of a cohort row the table sorts and filters on. */
export interface CohortRowLike {
  path: string;
  learnerName: string;
  target: string;
  claimsReady: number;
  claimsClaimed: number;
  claimsTotal: number;
  openComments: number;
  outcomesReported: number;
  sharedAt: string;
}

/** COHORT_COLUMNS are the table's sortable columns, in the order it shows them. */
export const COHORT_COLUMNS = [
  'learnerName',
  'target',
  'claimsReady',
  'claimsClaimed',
  'claimsTotal',
  'openComments',
  'outcomesReported',
  'sharedAt',
] as const;

/** CohortColumn is one sortable column. */
export type CohortColumn = (typeof COHORT_COLUMNS)[number];

/** SortDirection is how a column sorts. */
export type SortDirection = 'ascending' | 'descending';

/** CohortSort is the column the table is sorted by and in which direction. */
export interface CohortSort {
  column: CohortColumn;
  direction: SortDirection;
}

/** DEFAULT_SORT puts the newest copies first: what a coach usually looks for. */
export const DEFAULT_SORT: CohortSort = { column: 'sharedAt', direction: 'descending' };

/** fold makes text comparable the way a person reads it: case and accents do not matter. */
export function fold(text: string): string {
  return (text ?? '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase();
}

/** filterRows keeps the rows whose learner or target contains the typed text (accents, case ignored). */
export function filterRows<R extends CohortRowLike>(rows: readonly R[], query: string): R[] {
  const q = fold(query.trim());
  if (!q) return [...rows];
  return rows.filter((r) => fold(r.learnerName).includes(q) || fold(r.target).includes(q));
}

/**
 * sortRows sorts by a column: text in the language's order, numbers and dates as such; equal
 * rows keep a stable order by learner then path, so the table never shuffles.
 */
export function sortRows<R extends CohortRowLike>(rows: readonly R[], sort: CohortSort, locale = 'en'): R[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const compare = (a: R, b: R): number => {
    const x = a[sort.column];
    const y = b[sort.column];
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    if (c !== 0) return sign * c;
    return collator.compare(a.learnerName, b.learnerName) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  };
  return [...rows].sort(compare);
}

/**
 * nextSort is the sort after a click on a column's header: the same column turns around; another
 * starts ascending for text and descending for numbers and dates (most first, newest first).
 */
export function nextSort(current: CohortSort, column: CohortColumn): CohortSort {
  if (current.column === column) {
    return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  }
  const textual = column === 'learnerName' || column === 'target';
  return { column, direction: textual ? 'ascending' : 'descending' };
}
