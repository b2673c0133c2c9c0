import { describe, expect, it } from 'vitest';
import { anySuppressed, bars, formatMonths } from './chart';

describe('bars', () => {
  it('scales each group against the largest one shown', () => {
    expect(bars([
      { count: 40, suppressed: false },
      { count: 10, suppressed: false },
      { count: 25, suppressed: false },
    ])).toEqual([
      { percent: 100, suppressed: false },
      { percent: 25, suppressed: false },
      { percent: 62.5, suppressed: false },
    ]);
  });

  it('draws no bar for a suppressed group, and leaves it out of the scale', () => {
    // Go sends a suppressed group's count as 0; even a count left in must not show or scale.
    const out = bars([
      { count: 3, suppressed: true },
      { count: 8, suppressed: false },
      { count: 4, suppressed: false },
    ]);
    expect(out[0]).toEqual({ percent: 0, suppressed: true });
    expect(out[1].percent).toBe(100);
    expect(out[2].percent).toBe(50);
  });

  it('has nothing to scale when every group is suppressed or empty', () => {
    expect(bars([{ count: 0, suppressed: false }, { count: 2, suppressed: true }])).toEqual([
      { percent: 0, suppressed: false },
      { percent: 0, suppressed: true },
    ]);
    expect(bars([])).toEqual([]);
  });
});

describe('anySuppressed', () => {
  it('tells whether a table of the report hides a group', () => {
    expect(anySuppressed([{ count: 6, suppressed: false }], [{ count: 0, suppressed: true }])).toBe(true);
    expect(anySuppressed([{ count: 6, suppressed: false }], [])).toBe(false);
  });
});

describe('formatMonths', () => {
  it('writes months the way each language does', () => {
    expect(formatMonths(4.5, 'en-CA')).toBe('4.5');
    expect(formatMonths(4.5, 'fr-CA')).toBe('4,5');
    expect(formatMonths(6, 'fr-CA')).toBe('6');
    expect(formatMonths(6.25, 'en-CA')).toBe('6.3');
  });
});
