// The program report: the anonymous files learners gave a program, pooled; every group under
// the minimum size suppressed by Go before the page sees it.
import {
  ReportWithDialog,
  SaveReportCSV,
  SaveReportPDF,
  SaveReportXAPI,
} from 'wailsjs/go/app/Outcomes';
import type { impact } from 'wailsjs/go/models';
import { call } from '../errors';

/** ReportFormat is a file the report can be saved as. */
export type ReportFormat = 'csv' | 'pdf' | 'xapi';

/** ReportStore holds the last report built; its methods reject with an AppError. */
class ReportStore {
  report = $state.raw<impact.Report | null>(null);
  working = $state(false);

  /** choose asks for a folder with the native dialog and builds its report; false when cancelled. */
  async choose(): Promise<boolean> {
    if (this.working) return false;
    this.working = true;
    try {
      const r = await call(() => ReportWithDialog());
      if (!r?.folder) return false;
      this.report = r;
      return true;
    } finally {
      this.working = false;
    }
  }

  /** save writes the report as a CSV, a PDF page or xAPI statements where the learner chooses; "" when cancelled. */
  async save(format: ReportFormat): Promise<string> {
    const folder = this.report?.folder;
    if (!folder || this.working) return '';
    this.working = true;
    try {
      const path = await call(() => {
        switch (format) {
          case 'csv':
            return SaveReportCSV(folder);
          case 'pdf':
            return SaveReportPDF(folder);
          case 'xapi':
            return SaveReportXAPI(folder);
        }
      });
      return path ?? '';
    } finally {
      this.working = false;
    }
  }

  /** clear forgets the report (leaving the screen). */
  clear(): void {
    this.report = null;
  }
}

/** report is the program report's state. */
export const report = new ReportStore();
