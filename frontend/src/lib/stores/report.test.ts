import { beforeEach, describe, expect, it, vi } from 'vitest';

let chosen = '/srv/cohort';

vi.mock('wailsjs/go/app/Outcomes', () => ({
  ReportWithDialog: vi.fn(async () => ({ folder: chosen, files: 7, learners: 7, byType: [] })),
  SaveReportCSV: vi.fn(async (folder: string) => `${folder}/report.csv`),
  SaveReportPDF: vi.fn(async (folder: string) => `${folder}/report.pdf`),
  SaveReportXAPI: vi.fn(async (folder: string) => `${folder}/statements.json`),
}));

const { report } = await import('./report.svelte');
const bindings = await import('wailsjs/go/app/Outcomes');

describe('report store', () => {
  beforeEach(() => {
    report.clear();
    chosen = '/srv/cohort';
    vi.clearAllMocks();
  });

  it('keeps the report of the folder chosen', async () => {
    expect(await report.choose()).toBe(true);
    expect(report.report?.learners).toBe(7);
  });

  it('keeps the last report when the learner cancels the folder dialog', async () => {
    await report.choose();
    chosen = '';
    expect(await report.choose()).toBe(false);
    expect(report.report?.folder).toBe('/srv/cohort');
  });

  it('saves each format through its own dialog, for the folder of the report shown', async () => {
    await report.choose();
    expect(await report.save('csv')).toBe('/srv/cohort/report.csv');
    expect(await report.save('pdf')).toBe('/srv/cohort/report.pdf');
    expect(await report.save('xapi')).toBe('/srv/cohort/statements.json');
    expect(bindings.SaveReportXAPI).toHaveBeenCalledWith('/srv/cohort');
  });

  it('saves nothing before a report is built', async () => {
    expect(await report.save('csv')).toBe('');
    expect(bindings.SaveReportCSV).not.toHaveBeenCalled();
  });

  it('is free again after Go refuses', async () => {
    vi.mocked(bindings.ReportWithDialog).mockRejectedValueOnce({ code: 'invalid', message: 'empty folder', field: '' });
    await expect(report.choose()).rejects.toMatchObject({ message: 'empty folder' });
    expect(report.working).toBe(false);
  });
});
