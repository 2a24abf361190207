/**
 * The periodic report as tables, before any file format: three sheets of typed cells that the CSV and XLSX
 * writers both render, so the two files cannot disagree.
 *
 *  - "Chỉ tiêu" (R1 of indicators.md §5): the header block (unit, period, plan, definitions, cases read), then one
 *    row per indicator: ID, title, target, numerator, denominator, percent, met, sources; then the notes (what
 *    is counted, and how a definition was read where the plans leave it open).
 *  - "Theo xã": one row per indicator × commune (numerator, denominator, percent).
 *  - "Theo quý": one row per indicator × quarter, then the persons entering each measure per quarter (flows).
 *
 * Percents are numbers 0–100 with one decimal (the engine's `value`); a ratio without a denominator has no
 * percent and no verdict, and says so.
 */
import { SUPPRESSED, suppressedText, suppressReport, isSuppressedReport } from '../suppress.js';
import type { IndicatorResult, Report } from '../types.js';
import { breakdownOf, percent as plainPercent } from './check.js';
import { FLOW_LABELS, LABELS, formatDay, type Lang, type Labels } from './labels.js';

/** A cell: text (with a style), a whole number, or a percent (0–100). `null` is an empty cell. */
export type XCell =
  | { t: 'text'; v: string; style?: 'title' | 'label' | 'header' | 'wrap' }
  | { t: 'int'; v: number }
  | { t: 'pct'; v: number }
  | null;

export interface XSheet {
  name: string;
  /** Character widths of the columns, first column first. */
  widths: number[];
  rows: XCell[][];
}

export interface ExportOptions {
  /** Name of a commune by code, shown beside the code (e.g. from the portal's unit list). */
  communeName?: (code: string) => string | undefined;
  /** The report of the previous period (same unit and plan): R1's "previous period" column beside the percent. */
  previous?: Report;
  /**
   * Counts of 1 to `suppressBelow − 1` persons are written "< 5" (the same in vi and en), and the percents and
   * verdicts resting on them left empty (`suppressReport` of @hoso/reports, also applied to `previous`). A report
   * already suppressed (from `GET /reports`) is written suppressed whatever this says.
   */
  suppressBelow?: number;
  /** Indicators never suppressed: those counting communes (I7, I18; `communeCountedIds(definitions)`). */
  suppressExcept?: Iterable<string>;
}

/**
 * The report (and `previous`) as the files show them: suppressed when `options.suppressBelow` says so. Called by
 * `reportSheets` and the CSV writer, so no writer can forget it.
 */
export function suppressedForExport(report: Report, o: ExportOptions): { report: Report; options: ExportOptions } {
  if (o.suppressBelow === undefined) return { report, options: o };
  const s = { except: o.suppressExcept ?? [] };
  const options = { ...o, ...(o.previous ? { previous: suppressReport(o.previous, o.suppressBelow, s) } : {}) };
  return { report: suppressReport(report, o.suppressBelow, s), options };
}

/** Below what the counts of `report` are suppressed ("< n"); 0 when not suppressed. */
const belowOf = (report: Report): number => (isSuppressedReport(report) ? report.suppressedBelow : 0);

const txt = (v: string, style?: 'title' | 'label' | 'header' | 'wrap'): XCell =>
  style ? { t: 'text', v, style } : { t: 'text', v };
/** The below-limit of the sheet being written, for the text of suppressed counts. */
let below = 0;
const int = (v: number | null | undefined): XCell =>
  v === null || v === undefined ? null : v === SUPPRESSED ? txt(suppressedText(below || undefined)) : { t: 'int', v };
/** Percent of `n / d`; none when either is suppressed (so the hidden count cannot be worked back). */
const percent = (n: number, d: number | null | undefined): number | null =>
  n === SUPPRESSED || d === SUPPRESSED ? null : plainPercent(n, d);
const hiddenIn = (x: { numerator: number; denominator: number | null }): boolean =>
  x.numerator === SUPPRESSED || x.denominator === SUPPRESSED;
const pct = (v: number | null | undefined): XCell => (v === null || v === undefined ? null : { t: 'pct', v });

function targetText(x: IndicatorResult, lang: Lang): string {
  const t = x.target;
  if (!t) return '';
  if (t.text) return t.text[lang];
  const sign = t.comparison === '>=' ? '≥' : '>';
  return x.kind === 'ratio' ? `${sign} ${t.value}%` : `${sign} ${t.value}`;
}

function verdict(x: IndicatorResult, l: Labels): string {
  if (hiddenIn(x)) return '';
  if (x.met === true) return l.yes;
  if (x.met === false) return l.no;
  if (!x.target) return l.noTarget;
  return x.kind === 'ratio' && !x.denominator ? l.noDenominator : '';
}

/** The header block every sheet starts with: title, unit, period, plan. */
function header(report: Report, lang: Lang, title: string): XCell[][] {
  const l = LABELS[lang];
  const q = report.query;
  const unit = q.communes?.length
    ? `${l.communes}: ${q.communes.join(', ')}`
    : q.province
      ? `${l.province} ${q.province} (${l.wholeProvince.toLowerCase()})`
      : l.allCases;
  const plan = report.definitions?.plan;
  return [
    [txt(title, 'title')],
    [txt(l.unit, 'label'), txt(unit)],
    [txt(l.period, 'label'), txt(report.periodLabel[lang])],
    [txt(l.from, 'label'), txt(formatDay(q.from, lang))],
    [txt(l.to, 'label'), txt(formatDay(q.to, lang))],
    [txt(l.plan, 'label'), txt(plan ? plan.title[lang] : l.noPlan), ...(plan?.source ? [txt(plan.source)] : [])],
  ];
}

export function indicatorsSheet(report: Report, lang: Lang, o: ExportOptions = {}): XSheet {
  const l = LABELS[lang];
  const rows = header(report, lang, l.title);
  const prev = o.previous ? new Map(o.previous.indicators.map((x) => [x.id, x])) : undefined;
  if (o.previous) rows.push([txt(l.previous, 'label'), txt(o.previous.periodLabel[lang])]);
  if (report.definitions?.version) rows.push([txt(l.definitions, 'label'), txt(report.definitions.version)]);
  rows.push([txt(l.casesRead, 'label'), int(report.casesRead ?? 0)]);
  rows.push([txt(l.persons, 'label'), int(report.persons ?? 0)]);
  rows.push([]);
  rows.push(
    [
      l.id,
      l.indicator,
      l.target,
      l.numerator,
      l.denominator,
      l.percent,
      ...(prev ? [l.previous] : []),
      l.met,
      l.sources,
    ].map((h) => txt(h, 'header')),
  );
  if (!report.indicators.length) rows.push([null, txt(l.noIndicators)]);
  for (const x of report.indicators) {
    rows.push([
      txt(x.id),
      txt(x.title[lang], 'wrap'),
      txt(targetText(x, lang)),
      int(x.numerator),
      int(x.kind === 'ratio' ? x.denominator : null),
      x.kind === 'ratio' ? pct(hiddenIn(x) ? null : (x.value ?? percent(x.numerator, x.denominator))) : null,
      ...(prev ? [previousCell(x, prev.get(x.id))] : []),
      txt(verdict(x, l)),
      txt((x.sources ?? []).join(', ')),
    ]);
  }
  const notes = report.indicators.flatMap((x) => [
    ...(x.numeratorLabel ? [[txt(x.id), txt(`${l.numeratorIs}: ${x.numeratorLabel[lang]}`, 'wrap')]] : []),
    ...(x.denominatorLabel ? [[txt(x.id), txt(`${l.denominatorIs}: ${x.denominatorLabel[lang]}`, 'wrap')]] : []),
    ...(x.assumption ? [[txt(x.id), txt(`${l.assumption}: ${x.assumption[lang]}`, 'wrap')]] : []),
  ]);
  if (notes.length) rows.push([], [txt(l.notes, 'header')], ...notes);
  const widths = [22, 60, 16, 12, 12, 12, ...(prev ? [14] : []), 16, 16];
  return { name: l.sheetIndicators, widths, rows };
}

/** The previous period's percent (ratio) or count of the same indicator; empty when it was not reported. */
function previousCell(x: IndicatorResult, p: IndicatorResult | undefined): XCell {
  if (!p || p.kind !== x.kind) return null;
  if (x.kind === 'ratio') return pct(hiddenIn(p) ? null : (p.value ?? percent(p.numerator, p.denominator)));
  return int(p.numerator);
}

function cellRows(
  report: Report,
  lang: Lang,
  k: 'commune' | 'quarter',
  name?: (key: string) => string | undefined,
): XCell[][] {
  const l = LABELS[lang];
  const rows: XCell[][] = [];
  for (const x of report.indicators) {
    for (const c of breakdownOf(x, k)) {
      const d = x.kind === 'ratio' ? c.denominator : null;
      rows.push([
        txt(x.id),
        txt(x.title[lang], 'wrap'),
        txt(c.key),
        ...(name ? [txt(name(c.key) ?? '')] : []),
        int(c.numerator),
        int(d),
        x.kind === 'ratio' ? pct(percent(c.numerator, d)) : null,
      ]);
    }
  }
  if (!rows.length) rows.push([null, txt(l.noCells)]);
  return rows;
}

/** "Theo xã"; `block: false` gives only its title and table (the CSV appends it under R1's header block). */
export function communesSheet(report: Report, lang: Lang, o: ExportOptions = {}, block = true): XSheet {
  const l = LABELS[lang];
  const named = typeof o.communeName === 'function';
  const head = [l.id, l.indicator, l.commune, ...(named ? [l.communeName] : []), l.numerator, l.denominator, l.percent];
  return {
    name: l.sheetCommunes,
    widths: [22, 50, 14, ...(named ? [28] : []), 12, 12, 12],
    rows: [
      ...(block ? header(report, lang, l.titleCommunes) : [[txt(l.titleCommunes, 'title')]]),
      [],
      head.map((h) => txt(h, 'header')),
      ...cellRows(report, lang, 'commune', named ? o.communeName : undefined),
    ],
  };
}

function quartersSheet(report: Report, lang: Lang): XSheet {
  const l = LABELS[lang];
  const rows: XCell[][] = [
    ...header(report, lang, l.titleQuarters),
    [],
    [l.id, l.indicator, l.quarter, l.numerator, l.denominator, l.percent].map((h) => txt(h, 'header')),
    ...cellRows(report, lang, 'quarter'),
  ];
  const flows = report.flows ?? [];
  if (flows.length) {
    const keys = Object.keys(FLOW_LABELS[lang]) as Array<keyof (typeof FLOW_LABELS)['vi']>;
    rows.push(
      [],
      [txt(l.flows, 'title')],
      [txt(l.quarter, 'header'), ...keys.map((k) => txt(FLOW_LABELS[lang][k], 'header'))],
    );
    for (const f of flows) rows.push([txt(f.quarter), ...keys.map((k) => int(f[k] ?? 0))]);
  }
  return { name: l.sheetQuarters, widths: [22, 50, 14, 14, 14, 14, 14, 14], rows };
}

/** The three sheets of a checked report. */
export function reportSheets(report: Report, lang: Lang, o: ExportOptions = {}): [XSheet, XSheet, XSheet] {
  const s = suppressedForExport(report, o);
  return withBelow(s.report, () => [
    indicatorsSheet(s.report, lang, s.options),
    communesSheet(s.report, lang, s.options),
    quartersSheet(s.report, lang),
  ]);
}

/** Runs `write` with the suppression limit of `report` (the text of its suppressed counts). */
export function withBelow<T>(report: Report, write: () => T): T {
  const saved = below;
  below = belowOf(report);
  try {
    return write();
  } finally {
    below = saved;
  }
}
