/**
 * Export of `<hoso-report>`: the report as CSV or XLSX through the exporters of `@hoso/reports` (loaded on the
 * first export), in a file named by unit and period (`bao-cao_26734_2026-01-01_2026-06-30.csv`). The element
 * announces each file with a cancelable `hoso-report-export` event before downloading it, so a portal can keep
 * or send the file itself.
 */
import type { Report } from '@hoso/reports';
import type { ExportOptions } from '@hoso/reports/export';
import type { Lang } from '../i18n/lang.js';
import { SUPPRESS_BELOW } from './access.js';
import { builtinDefinitions } from './source.js';

export type ExportFormat = 'csv' | 'xlsx';

const MIME: Record<ExportFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Detail of `hoso-report-export`. */
export interface ReportExportDetail {
  format: ExportFormat;
  filename: string;
  blob: Blob;
}

/** Fired (bubbling, composed, cancelable) with each exported file; cancel it to stop the download. */
export class HosoReportExportEvent extends CustomEvent<ReportExportDetail> {
  constructor(detail: ReportExportDetail) {
    super('hoso-report-export', { detail, bubbles: true, composed: true, cancelable: true });
  }
}

/**
 * The file of `report` in `format` through `@hoso/reports/export` (its own chunk, loaded on first use), named as the
 * server names it (`exportFileName`). `suppress` asks the exporter to write counts of 1–4 persons as "< 5"
 * (`suppressBelow`), with the percents and verdicts resting on them left empty, except for the indicators that
 * count communes (I7, I18); a report the server already suppressed is written suppressed in any case. So a
 * counts-only reader may have the files: nothing in them is more exact than what the screen shows.
 */
export async function exportReport(
  report: Report,
  lang: Lang,
  format: ExportFormat,
  options: { suppress: boolean; communeName?: (code: string) => string | undefined },
): Promise<ReportExportDetail> {
  const { reportToCsv, reportToXlsx, exportFileName } = await import('@hoso/reports/export');
  const exportOptions: ExportOptions = {
    ...(options.communeName ? { communeName: options.communeName } : {}),
    ...(options.suppress
      ? { suppressBelow: SUPPRESS_BELOW, suppressExcept: (await builtinDefinitions()).communeCounted }
      : {}),
  };
  // Persons never leave in a file: the exporters get the numbers only.
  const numbers: Report = { ...report, indicators: report.indicators.map(({ members: _members, ...rest }) => rest) };
  const blob =
    format === 'csv'
      ? new Blob([reportToCsv(numbers, lang, exportOptions)], { type: MIME.csv })
      : new Blob([new Uint8Array(reportToXlsx(numbers, lang, exportOptions))], { type: MIME.xlsx });
  return { format, filename: exportFileName(report, format, lang), blob };
}

/** Saves a file through a temporary link (the browser's download). */
export function download(detail: ReportExportDetail, host: HTMLElement): void {
  const url = URL.createObjectURL(detail.blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = detail.filename;
  a.hidden = true;
  (host.shadowRoot ?? host).append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
