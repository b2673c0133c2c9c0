import { describe, expect, it } from 'vitest';
import { DEFAULT_SORT, filterRows, fold, nextSort, sortRows, type CohortRowLike } from './cohort';

function row(learnerName: string, more: Partial<CohortRowLike> = {}): CohortRowLike {
  return {
    path: `/copies/${learnerName}.passerelle-share`,
    learnerName,
    target: 'MLT 101',
    claimsReady: 0,
    claimsClaimed: 0,
    claimsTotal: 8,
    openComments: 0,
    outcomesReported: 0,
    sharedAt: '2026-03-01T10:00:00Z',
    ...more,
  };
}

const rows = [
  row('Émilie Tremblay', { target: 'Soins infirmiers', claimsReady: 3, sharedAt: '2026-03-02T10:00:00Z' }),
  row('aminata Koné', { claimsReady: 5, openComments: 2, sharedAt: '2026-01-15T10:00:00Z' }),
  row('Jonah Cardinal', { target: 'Électricité', claimsReady: 3, openComments: 1, sharedAt: '2026-02-20T10:00:00Z' }),
];

describe('filterRows', () => {
  it('matches the learner or the target, whatever the case and accents', () => {
    expect(filterRows(rows, 'emilie').map((r) => r.learnerName)).toEqual(['Émilie Tremblay']);
    expect(filterRows(rows, 'ELECTRI').map((r) => r.learnerName)).toEqual(['Jonah Cardinal']);
    expect(filterRows(rows, 'mlt').map((r) => r.learnerName)).toEqual(['aminata Koné']);
  });

  it('keeps every row for an empty or blank filter, and none for no match', () => {
    expect(filterRows(rows, '  ')).toHaveLength(3);
    expect(filterRows(rows, 'zzz')).toEqual([]);
  });

  it('folds accents and case', () => {
    expect(fold('Électricité')).toBe('electricite');
  });
});

describe('sortRows', () => {
  const names = (rs: CohortRowLike[]) => rs.map((r) => r.learnerName);

  it('sorts names in the language’s order, ignoring case and accents', () => {
    expect(names(sortRows(rows, { column: 'learnerName', direction: 'ascending' }, 'fr'))).toEqual([
      'aminata Koné',
      'Émilie Tremblay',
      'Jonah Cardinal',
    ]);
  });

  it('sorts numbers as numbers, ties by learner name', () => {
    expect(names(sortRows(rows, { column: 'claimsReady', direction: 'descending' }))).toEqual([
      'aminata Koné',
      'Émilie Tremblay',
      'Jonah Cardinal',
    ]);
    expect(names(sortRows(rows, { column: 'claimsReady', direction: 'ascending' }))).toEqual([
      'Émilie Tremblay',
      'Jonah Cardinal',
      'aminata Koné',
    ]);
  });

  it('puts the newest copy first by default, and does not change the rows it was given', () => {
    const before = names(rows);
    expect(names(sortRows(rows, DEFAULT_SORT))).toEqual(['Émilie Tremblay', 'Jonah Cardinal', 'aminata Koné']);
    expect(names(rows)).toEqual(before);
  });
});

describe('nextSort', () => {
  it('turns the same column around, and starts a new one in its natural direction', () => {
    expect(nextSort({ column: 'target', direction: 'ascending' }, 'target')).toEqual({ column: 'target', direction: 'descending' });
    expect(nextSort(DEFAULT_SORT, 'learnerName')).toEqual({ column: 'learnerName', direction: 'ascending' });
    expect(nextSort(DEFAULT_SORT, 'openComments')).toEqual({ column: 'openComments', direction: 'descending' });
  });
});
