/**
 * `<hoso-report>` for the entry of `@hoso/elements`: the element is large (charts, the indicator engine, the
 * exporters), so the entry only carries `loadReport()`, which loads and registers it on first use, and the types.
 */
export type { HosoReport } from './hoso-report.js';
export type { ReportUser, Access } from './access.js';
export type { PeriodChoice, PeriodKind, PlanOption } from './period.js';
export type { ComputeReport } from './source.js';
export type { HosoReportExportEvent, ReportExportDetail, ExportFormat } from './export.js';

/** Loads `<hoso-report>` (its own chunk in the bundle), registers it and returns the class. */
export async function loadReport(): Promise<typeof import('./hoso-report.js').HosoReport> {
  const module = await import('./hoso-report.js');
  return module.HosoReport;
}
