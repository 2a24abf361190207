/**
 * `reportToCsv(report, lang)`: the periodic report as CSV in the R1 layout (indicators.md §5): the header block
 * (unit, period, plan), one row per indicator (target, numerator, denominator, percent, met), the notes, then
 * the breakdown by commune.
 *
 * Format: UTF-8 with a byte-order mark (so Excel reads Vietnamese), RFC 4180 (comma separator, CRLF line ends,
 * a field with a comma, quote or line break in double quotes, quotes doubled, every record the same number of
 * fields). Numbers are written plainly with a dot as decimal separator (`83.3`), percents as 0–100. A text
 * starting with `=`, `+`, `-`, `@`, tab or CR is prefixed with `'` so a spreadsheet never runs it as a formula.
 */
import type { Report } from '../types.js';
import { checkReport } from './check.js';
import type { Lang } from './labels.js';
import {
  communesSheet,
  indicatorsSheet,
  suppressedForExport,
  withBelow,
  type ExportOptions,
  type XCell,
} from './sheets.js';

const FORMULA_START = /^[=+\-@\t\r]/;

/** One field, quoted when RFC 4180 requires it. */
export function csvField(cell: XCell): string {
  if (cell === null) return '';
  if (cell.t !== 'text') return String(cell.v);
  const v = FORMULA_START.test(cell.v) ? `'${cell.v}` : cell.v;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Records joined by CRLF, each padded to the widest record. */
export function csvText(rows: XCell[][]): string {
  const width = Math.max(1, ...rows.map((r) => r.length));
  return rows.map((r) => Array.from({ length: width }, (_, i) => csvField(r[i] ?? null)).join(',')).join('\r\n');
}

/**
 * The report as CSV text (starting with the BOM `\uFEFF`); throws `ReportExportError` on a malformed report.
 * With `options.suppressBelow`, small counts read "< 5" (see `ExportOptions`).
 */
export function reportToCsv(report: Report, lang: Lang = 'vi', options: ExportOptions = {}): string {
  checkReport(report, lang);
  if (options.previous !== undefined) checkReport(options.previous, lang, 'options.previous');
  const s = suppressedForExport(report, options);
  const rows = withBelow(s.report, () => [
    ...indicatorsSheet(s.report, lang, s.options).rows,
    [],
    ...communesSheet(s.report, lang, s.options, false).rows,
  ]);
  return `\uFEFF${csvText(rows)}\r\n`;
}
