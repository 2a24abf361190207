/**
 * Export of `<hoso-report>`: the report as CSV or XLSX through the exporters of `@hoso/reports` (loaded on the
 * first export), in a file named by unit and period (`bao-cao_xa-26734_2026-01-01_2026-06-30.csv`). The element
 * announces each file with a cancelable `hoso-report-export` event before downloading it, so a portal can keep
 * or send the file itself.
 */
import type { Report } from '@hoso/reports';
import type { Lang } from '../i18n/lang.js';
import { SUPPRESS_BELOW } from './access.js';

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

/** `bao-cao_tinh_2026-01-01_2026-06-30.csv`, `report_commune-26734_….xlsx`. */
export function exportFilename(report: Report, lang: Lang, format: ExportFormat): string {
  const commune = report.query.communes?.length === 1 ? report.query.communes[0] : undefined;
  const unit = commune
    ? `${lang === 'vi' ? 'xa' : 'commune'}-${commune}`
    : lang === 'vi'
      ? `tinh${report.query.province ? `-${report.query.province}` : ''}`
      : `province${report.query.province ? `-${report.query.province}` : ''}`;
  const safe = unit.replace(/[^A-Za-z0-9_-]/g, '');
  return `${lang === 'vi' ? 'bao-cao' : 'report'}_${safe}_${report.query.from}_${report.query.to}.${format}`;
}

type Exporter = (report: Report, lang: Lang, options?: object) => string | Uint8Array | Promise<string | Uint8Array>;

/** The file of `report` in `format`; the exporters come from `@hoso/reports`, loaded on first use. */
export async function exportReport(
  report: Report,
  lang: Lang,
  format: ExportFormat,
  options: { suppress: boolean; communeName?: (code: string) => string | undefined },
): Promise<ReportExportDetail> {
  const module = (await import('@hoso/reports')) as unknown as Record<string, unknown>;
  const name = format === 'csv' ? 'reportToCsv' : 'reportToXlsx';
  const exporter = module[name];
  if (typeof exporter !== 'function') throw new Error(`@hoso/reports has no ${name}`);
  const exportOptions = {
    ...(options.communeName ? { communeName: options.communeName } : {}),
    ...(options.suppress ? { suppressBelow: SUPPRESS_BELOW } : {}),
  };
  // Persons never leave in a file: the exporters get the numbers only.
  const numbers: Report = { ...report, indicators: report.indicators.map(({ members: _members, ...rest }) => rest) };
  const content = await (exporter as Exporter)(numbers, lang, exportOptions);
  const part: BlobPart = typeof content === 'string' ? content : new Uint8Array(content);
  return { format, filename: exportFilename(report, lang, format), blob: new Blob([part], { type: MIME[format] }) };
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
