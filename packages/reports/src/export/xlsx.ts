/**
 * `reportToXlsx(report, lang)`: the periodic report as an Excel workbook (.xlsx) with three sheets, "Chỉ tiêu"
 * (R1: header block, indicator × target, numerator, denominator, percent, met, notes), "Theo xã" (indicator ×
 * commune) and "Theo quý" (indicator × quarter, then the quarterly flows); English sheet names with `lang: 'en'`.
 * Counts are number cells, percents number cells formatted `0.0%`, headings bold. Works in the browser and in
 * Node (no Node built-ins); lazy-load it (`import('@hoso/reports/export')`): it brings fflate's deflate.
 */
import type { Report } from '../types.js';
import { checkReport } from './check.js';
import { LABELS, type Lang } from './labels.js';
import { writeWorkbook } from './ooxml.js';
import { reportSheets, type ExportOptions } from './sheets.js';

export interface XlsxOptions extends ExportOptions {
  /** Creation time written in the file's properties and zip entries (default: now). */
  created?: Date;
}

/** The .xlsx bytes of the report; throws `ReportExportError` on a malformed report. */
export function reportToXlsx(report: Report, lang: Lang = 'vi', options: XlsxOptions = {}): Uint8Array {
  checkReport(report, lang);
  if (options.previous !== undefined) checkReport(options.previous, lang, 'options.previous');
  return writeWorkbook(reportSheets(report, lang, options), {
    title: `${LABELS[lang].title} — ${report.periodLabel[lang]}`,
    language: lang === 'vi' ? 'vi-VN' : 'en',
    created: options.created ?? new Date(),
  });
}
