/**
 * Every word the exported files show, in Vietnamese and English: sheet names, the header block of the periodic
 * report (R1 of indicators.md §5), column headings, the met/not-met words and the flow rows.
 */
import type { FlowRow } from '../types.js';

export type Lang = 'vi' | 'en';

export const LABELS = {
  vi: {
    sheetIndicators: 'Chỉ tiêu',
    sheetCommunes: 'Theo xã',
    sheetQuarters: 'Theo quý',
    title: 'KẾT QUẢ THỰC HIỆN CHỈ TIÊU',
    titleCommunes: 'KẾT QUẢ THEO XÃ, PHƯỜNG',
    titleQuarters: 'KẾT QUẢ THEO QUÝ',
    unit: 'Đơn vị',
    province: 'Tỉnh, thành phố',
    wholeProvince: 'Toàn tỉnh',
    allCases: 'Tất cả hồ sơ',
    communes: 'Xã, phường',
    period: 'Kỳ báo cáo',
    from: 'Từ ngày',
    to: 'Đến ngày',
    plan: 'Kế hoạch',
    noPlan: 'Không có kế hoạch (không so sánh mục tiêu)',
    definitions: 'Phiên bản bộ chỉ số',
    casesRead: 'Số hồ sơ đã đọc',
    persons: 'Số người',
    id: 'Mã',
    indicator: 'Chỉ tiêu',
    target: 'Mục tiêu',
    numerator: 'Tử số',
    denominator: 'Mẫu số',
    percent: 'Tỷ lệ (%)',
    previous: 'Kỳ trước',
    met: 'Kết quả',
    sources: 'Nguồn',
    commune: 'Mã xã',
    communeName: 'Tên xã',
    quarter: 'Quý',
    yes: 'Đạt',
    no: 'Chưa đạt',
    noTarget: 'Không có mục tiêu',
    noDenominator: 'Không có mẫu số',
    notes: 'Ghi chú',
    numeratorIs: 'Tử số',
    denominatorIs: 'Mẫu số',
    assumption: 'Cách hiểu định nghĩa',
    noIndicators: 'Báo cáo không có chỉ tiêu nào.',
    noCells: 'Không có số liệu.',
    flows: 'Số người vào từng biện pháp theo quý',
  },
  en: {
    sheetIndicators: 'Targets',
    sheetCommunes: 'By commune',
    sheetQuarters: 'By quarter',
    title: 'TARGET ATTAINMENT',
    titleCommunes: 'RESULTS BY COMMUNE',
    titleQuarters: 'RESULTS BY QUARTER',
    unit: 'Unit',
    province: 'Province',
    wholeProvince: 'Whole province',
    allCases: 'All cases',
    communes: 'Communes',
    period: 'Period',
    from: 'From',
    to: 'To',
    plan: 'Plan',
    noPlan: 'No plan (targets not compared)',
    definitions: 'Indicator definitions version',
    casesRead: 'Case records read',
    persons: 'Persons',
    id: 'ID',
    indicator: 'Indicator',
    target: 'Target',
    numerator: 'Numerator',
    denominator: 'Denominator',
    percent: 'Percent (%)',
    previous: 'Previous period',
    met: 'Result',
    sources: 'Sources',
    commune: 'Commune code',
    communeName: 'Commune',
    quarter: 'Quarter',
    yes: 'Met',
    no: 'Not met',
    noTarget: 'No target',
    noDenominator: 'No denominator',
    notes: 'Notes',
    numeratorIs: 'Numerator',
    denominatorIs: 'Denominator',
    assumption: 'How the definition was read',
    noIndicators: 'The report has no indicators.',
    noCells: 'No figures.',
    flows: 'Persons entering each measure per quarter',
  },
} as const satisfies Record<Lang, Record<string, string>>;

export type Labels = (typeof LABELS)[Lang];

/** Column headings of the quarterly flows, in the order of `FlowRow`. */
export const FLOW_LABELS: Record<Lang, Record<Exclude<keyof FlowRow, 'quarter'>, string>> = {
  vi: {
    positiveTests: 'Xét nghiệm dương tính',
    newAddicts: 'Người nghiện mới xác định',
    voluntaryStarts: 'Bắt đầu cai nghiện tự nguyện',
    compulsoryFiled: 'Hồ sơ đề nghị Tòa án',
    compulsoryAdmitted: 'Vào cơ sở cai nghiện bắt buộc',
    postRehabEntries: 'Vào quản lý sau cai',
    relapses: 'Tái nghiện',
  },
  en: {
    positiveTests: 'Positive drug tests',
    newAddicts: 'Newly determined addicts',
    voluntaryStarts: 'Voluntary rehab starts',
    compulsoryFiled: 'Compulsory dossiers filed with the court',
    compulsoryAdmitted: 'Admitted to compulsory rehab',
    postRehabEntries: 'Entered post-rehab management',
    relapses: 'Relapses',
  },
};

/** `2026-06-30` as the language writes a date: `30/06/2026` in Vietnamese, ISO in English. */
export function formatDay(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m || lang === 'en') return iso;
  return `${m[3]}/${m[2]}/${m[1]}`;
}
