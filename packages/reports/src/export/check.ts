/**
 * What the exporters accept: a `Report` (types.ts) and a language. A value that is not one throws
 * `ReportExportError` naming the path of the first wrong field (`report.indicators[2].numerator`) and what is
 * wrong, before any file is written. Legitimate gaps are not errors: a report without indicators, a ratio whose
 * denominator is 0 or missing (no percent, no verdict), an indicator without a target.
 */
import { SUPPRESSED } from '../suppress.js';
import type { Cell, IndicatorResult, Report } from '../types.js';

export class ReportExportError extends Error {
  constructor(
    readonly path: string,
    problem: string,
  ) {
    super(`${path}: ${problem}`);
    this.name = 'ReportExportError';
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: unknown): string => (v === undefined ? 'undefined' : JSON.stringify(v));

/** Whether the report being checked is suppressed (its small counts are `SUPPRESSED`, −1). */
let suppressed = false;

function count(v: unknown, path: string, nullable = false): void {
  if (nullable && (v === null || v === undefined)) return;
  if (suppressed && v === SUPPRESSED) return;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
    throw new ReportExportError(
      path,
      `expected a number ≥ 0${nullable ? ' or null' : ''}${suppressed ? ' or -1 (suppressed)' : ''}, got ${show(v)}`,
    );
}

function text(v: unknown, path: string): void {
  if (!isObject(v) || typeof v['vi'] !== 'string' || typeof v['en'] !== 'string')
    throw new ReportExportError(path, `expected a text { vi, en }, got ${show(v)}`);
}

function string(v: unknown, path: string): void {
  if (typeof v !== 'string') throw new ReportExportError(path, `expected a string, got ${show(v)}`);
}

function cells(v: unknown, path: string): void {
  if (v === undefined) return;
  if (!Array.isArray(v)) throw new ReportExportError(path, `expected a list of cells, got ${show(v)}`);
  v.forEach((c: unknown, i) => {
    const p = `${path}[${i}]`;
    if (!isObject(c)) throw new ReportExportError(p, `expected a cell { key, numerator, denominator }, got ${show(c)}`);
    string(c['key'], `${p}.key`);
    count(c['numerator'], `${p}.numerator`);
    count(c['denominator'], `${p}.denominator`, true);
  });
}

function indicator(v: unknown, path: string): void {
  if (!isObject(v)) throw new ReportExportError(path, `expected an indicator result, got ${show(v)}`);
  string(v['id'], `${path}.id`);
  text(v['title'], `${path}.title`);
  if (v['kind'] !== 'ratio' && v['kind'] !== 'count')
    throw new ReportExportError(`${path}.kind`, `expected "ratio" or "count", got ${show(v['kind'])}`);
  count(v['numerator'], `${path}.numerator`);
  count(v['denominator'], `${path}.denominator`, true);
  if (
    v['value'] !== null &&
    v['value'] !== undefined &&
    (typeof v['value'] !== 'number' || !Number.isFinite(v['value']))
  )
    throw new ReportExportError(`${path}.value`, `expected a number or null, got ${show(v['value'])}`);
  if (v['met'] !== null && v['met'] !== undefined && typeof v['met'] !== 'boolean')
    throw new ReportExportError(`${path}.met`, `expected true, false or null, got ${show(v['met'])}`);
  const target = v['target'];
  if (target !== undefined) {
    if (!isObject(target)) throw new ReportExportError(`${path}.target`, `expected a target, got ${show(target)}`);
    count(target['value'], `${path}.target.value`);
    if (target['comparison'] !== '>=' && target['comparison'] !== '>')
      throw new ReportExportError(
        `${path}.target.comparison`,
        `expected ">=" or ">", got ${show(target['comparison'])}`,
      );
    if (target['text'] !== undefined) text(target['text'], `${path}.target.text`);
  }
  const breakdown = v['breakdown'];
  if (breakdown !== undefined) {
    if (!isObject(breakdown))
      throw new ReportExportError(`${path}.breakdown`, `expected an object, got ${show(breakdown)}`);
    for (const k of ['commune', 'sex', 'ageBand', 'quarter']) cells(breakdown[k], `${path}.breakdown.${k}`);
  }
}

/** Throws `ReportExportError` unless `report` has the shape the exporters read and `lang` is `vi` or `en`. */
export function checkReport(report: unknown, lang: unknown, root = 'report'): asserts report is Report {
  if (lang !== 'vi' && lang !== 'en') throw new ReportExportError('lang', `expected "vi" or "en", got ${show(lang)}`);
  if (!isObject(report)) throw new ReportExportError(root, `expected a report object, got ${show(report)}`);
  const below = report['suppressedBelow'];
  if (below !== undefined && (typeof below !== 'number' || !Number.isInteger(below) || below < 1))
    throw new ReportExportError(`${root}.suppressedBelow`, `expected a whole number ≥ 1, got ${show(below)}`);
  suppressed = below !== undefined;
  const q = report['query'];
  if (!isObject(q)) throw new ReportExportError(`${root}.query`, `expected the report's query, got ${show(q)}`);
  string(q['from'], `${root}.query.from`);
  string(q['to'], `${root}.query.to`);
  text(report['periodLabel'], `${root}.periodLabel`);
  if (!Array.isArray(report['indicators']))
    throw new ReportExportError(`${root}.indicators`, `expected a list, got ${show(report['indicators'])}`);
  report['indicators'].forEach((x: unknown, i) => indicator(x, `${root}.indicators[${i}]`));
  if (report['flows'] !== undefined && !Array.isArray(report['flows']))
    throw new ReportExportError(`${root}.flows`, `expected a list, got ${show(report['flows'])}`);
}

/** Percent with one decimal of `n / d`, or null without a denominator (the engine's rounding). */
export function percent(n: number, d: number | null | undefined): number | null {
  if (d === null || d === undefined || d === 0) return null;
  return Math.round((n / d) * 1000) / 10;
}

/** The cells of one breakdown of an indicator (missing breakdowns read as empty). */
export const breakdownOf = (x: IndicatorResult, k: keyof IndicatorResult['breakdown']): Cell[] =>
  x.breakdown?.[k] ?? [];
