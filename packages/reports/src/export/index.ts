/**
 * `@hoso/reports/export`: the periodic report as files. `reportToCsv(report, lang)` → CSV text (UTF-8 with BOM,
 * RFC 4180), `reportToXlsx(report, lang)` → .xlsx bytes. Both take a `Report` from `computeReport` (or the
 * server's `GET /reports`) and `'vi'` (default) or `'en'`; a malformed report throws `ReportExportError` saying
 * which field is wrong. A separate entry point so a page loads it (and fflate) only when the user exports.
 * `{ suppressBelow: 5, suppressExcept }` writes counts of 1–4 persons as "< 5" with no percent or verdict over
 * them (`suppressReport` of @hoso/reports); a report already suppressed (`GET /reports`) is written as such.
 */
export { reportToCsv } from './csv.js';
export { reportToXlsx, type XlsxOptions } from './xlsx.js';
export { ReportExportError, checkReport } from './check.js';
export { reportSheets, type ExportOptions, type XCell, type XSheet } from './sheets.js';
export { LABELS as EXPORT_LABELS, type Lang } from './labels.js';

/** The file name for a report export: unit and period, e.g. `bao-cao_79_2026-01-01_2026-06-30.xlsx`. */
export function exportFileName(
  report: { query: { from: string; to: string; province?: string; communes?: string[] } },
  ext: 'csv' | 'xlsx',
  lang: 'vi' | 'en' = 'vi',
): string {
  const q = report.query;
  const unit = q.communes?.length ? q.communes.join('-') : (q.province ?? (lang === 'vi' ? 'toan-tinh' : 'province'));
  const safe = (s: string): string => s.replace(/[^0-9A-Za-z_-]+/g, '-').slice(0, 60);
  return `${lang === 'vi' ? 'bao-cao' : 'report'}_${safe(unit)}_${safe(q.from)}_${safe(q.to)}.${ext}`;
}
