// The program report's bar chart: the length of each bar, and what stands for a group too small
// to show. Pure, so the page draws and the tests check the same numbers.

/** Cell is one group of the report: how many learners, or suppressed when fewer than the minimum. */
export interface Cell {
  count: number;
  suppressed: boolean;
}

/** Bar is one bar of the chart: its share of the longest bar (0–100), or none when suppressed. */
export interface Bar {
  /** percent is the bar's length, the largest shown group being 100; 0 when suppressed. */
  percent: number;
  suppressed: boolean;
}

/**
 * bars scales each group against the largest group shown. A suppressed group gets no bar at
 * all (not a short one: its size must not be guessed from the drawing), and counts nothing
 * towards the scale. A group shown with a count of 0 stays at 0.
 */
export function bars(cells: Cell[]): Bar[] {
  const shown = cells.filter((c) => !c.suppressed).map((c) => Math.max(0, c.count));
  const max = Math.max(0, ...shown);
  return cells.map((c) =>
    c.suppressed
      ? { percent: 0, suppressed: true }
      : { percent: max === 0 ? 0 : Math.round((Math.max(0, c.count) / max) * 1000) / 10, suppressed: false },
  );
}

/** anySuppressed tells whether the report hides at least one group, so it says why. */
export function anySuppressed(...groups: Cell[][]): boolean {
  return groups.some((cells) => cells.some((c) => c.suppressed));
}

/** formatMonths shows a median number of months in the page's language (one decimal at most). */
export function formatMonths(months: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(months);
}
