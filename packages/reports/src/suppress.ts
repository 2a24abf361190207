/**
 * Small-cell suppression (indicators.md §5: "cells under 5 persons suppressed outside the commune's own staff"),
 * the ONE rule shared by `<hoso-report>` (access.ts), the exporters (`suppressBelow`) and `GET /reports` of
 * `@hoso/server`. Pure: no DOM, no Node built-ins.
 *
 *  - Who: everyone but the commune's own staff (commune roles whose commune is the report's one commune) reads
 *    suppressed numbers; names behind the numbers go to the commune's own staff and the provincial police
 *    (`reportAccess`).
 *  - What: a count of persons from 1 to `below − 1` becomes `SUPPRESSED` (−1), read "< 5"; a percent or verdict
 *    built on a suppressed numerator or denominator becomes `null`, so the hidden count cannot be worked back from
 *    it (`suppressReport`). This applies to the indicators, every cell of their breakdowns (commune, sex, age band,
 *    quarter), the flows, the persons and cases read and the cases per commune. Zero is never hidden.
 *  - Indicators that count communes, not persons (`per: "commune"` in the definitions: I7, I18) are never hidden.
 *  - `members` (the persons behind each number) are left as they are: only readers allowed the names get them.
 *
 * Limit: no complementary suppression — a hidden cell can be worked out by subtracting the shown cells of a
 * breakdown from a shown total.
 */
import type { IndicatorDefinitions } from './definitions/types.js';
import type { Cell, FlowRow, IndicatorResult, Report } from './types.js';

/** Counts from 1 to this minus one are suppressed. */
export const SUPPRESS_BELOW = 5;
/** What a suppressed count is written as in a suppressed report (never a real count). */
export const SUPPRESSED = -1;

/** A report whose small counts are `SUPPRESSED`; `suppressedBelow` says below what. */
export type SuppressedReport = Report & { suppressedBelow: number };

/** The reader of a report: roles of the law versions and the commune a commune officer works for. */
export interface ReportReader {
  roles: readonly string[];
  communeCode?: string;
}

/** Roles of a commune's own staff. */
export const COMMUNE_ROLES: readonly string[] = ['commune-officer', 'commune-pc-chair', 'commune-police-head'];
/** Roles of the provincial police, who lead drug rehabilitation work since 01/03/2025. */
export const PROVINCE_ROLES: readonly string[] = ['provincial-police', 'provincial-police-director'];

export interface ReportAccess {
  /** The report may carry `members` and numbers open the list of persons. */
  names: boolean;
  /** Counts of 1 to `SUPPRESS_BELOW − 1` persons are hidden. */
  suppress: boolean;
}

const anyRole = (reader: ReportReader | undefined, roles: readonly string[]): boolean =>
  !!reader && reader.roles.some((r) => roles.includes(r));

/**
 * Whether `reader` is the own staff of the unit: exactly one commune (`communes` a code or a one-code list) and
 * the reader holds a commune role for it. The whole province (`undefined`, `[]`) or several communes: never.
 */
export function isOwnStaff(
  reader: ReportReader | undefined,
  communes: string | readonly string[] | undefined,
): boolean {
  const list = typeof communes === 'string' ? [communes] : (communes ?? []);
  return list.length === 1 && !!list[0] && anyRole(reader, COMMUNE_ROLES) && reader?.communeCode === list[0];
}

/** What `reader` may see of a report on `communes` (`undefined` = the whole province). */
export function reportAccess(
  reader: ReportReader | undefined,
  communes: string | readonly string[] | undefined,
): ReportAccess {
  const own = isOwnStaff(reader, communes);
  return { names: own || anyRole(reader, PROVINCE_ROLES), suppress: !own };
}

/** Whether a count is shown as "< below" to a suppressed reader: 1 … below−1, or already `SUPPRESSED`. */
export function isSmallCount(n: number | null | undefined, below: number = SUPPRESS_BELOW): boolean {
  return typeof n === 'number' && (n === SUPPRESSED || (n > 0 && n < below));
}

/** The text of a suppressed count, the same in Vietnamese and English: `< 5`. */
export const suppressedText = (below: number = SUPPRESS_BELOW): string => `< ${below}`;

/** The indicators of `definitions` that count communes (never suppressed). */
export function communeCountedIds(definitions: Pick<IndicatorDefinitions, 'indicators'>): Set<string> {
  return new Set(definitions.indicators.filter((i) => i.per === 'commune').map((i) => i.id));
}

export interface SuppressOptions {
  /** Ids of indicators never suppressed: those counting communes (`communeCountedIds(definitions)`). */
  except?: Iterable<string>;
}

function checkBelow(below: unknown): asserts below is number {
  if (typeof below !== 'number' || !Number.isInteger(below) || below < 1)
    throw new RangeError(`suppressReport: below must be a whole number ≥ 1, got ${JSON.stringify(below)}`);
}

/**
 * `report` with every count of 1 to `below − 1` persons replaced by `SUPPRESSED` and the percents and verdicts
 * resting on them by `null`. Returns a new report (the input is not changed); suppressing twice changes nothing.
 * Throws `RangeError` when `below` is not a whole number ≥ 1.
 */
export function suppressReport(
  report: Report,
  below: number = SUPPRESS_BELOW,
  options: SuppressOptions = {},
): SuppressedReport {
  checkBelow(below);
  const prior = (report as Partial<SuppressedReport>).suppressedBelow;
  const limit = typeof prior === 'number' ? Math.max(prior, below) : below;
  const hide = (n: number): number => (isSmallCount(n, limit) ? SUPPRESSED : n);
  const hideOrNull = (n: number | null): number | null => (n === null ? null : hide(n));
  const except = new Set(options.except ?? []);

  const cell = (c: Cell): Cell => ({ ...c, numerator: hide(c.numerator), denominator: hideOrNull(c.denominator) });
  const indicator = (x: IndicatorResult): IndicatorResult => {
    if (except.has(x.id)) return x;
    const numerator = hide(x.numerator);
    const denominator = hideOrNull(x.denominator);
    const hidden = numerator === SUPPRESSED || denominator === SUPPRESSED;
    return {
      ...x,
      numerator,
      denominator,
      value: hidden ? null : x.value,
      met: hidden ? null : x.met,
      breakdown: {
        commune: (x.breakdown?.commune ?? []).map(cell),
        sex: (x.breakdown?.sex ?? []).map(cell),
        ageBand: (x.breakdown?.ageBand ?? []).map(cell),
        quarter: (x.breakdown?.quarter ?? []).map(cell),
      },
    };
  };
  const flow = (f: FlowRow): FlowRow => {
    const out: FlowRow = { ...f };
    for (const [k, v] of Object.entries(f) as Array<[keyof FlowRow, unknown]>)
      if (k !== 'quarter' && typeof v === 'number') (out as unknown as Record<string, number>)[k] = hide(v);
    return out;
  };
  return {
    ...report,
    casesRead: hide(report.casesRead),
    persons: hide(report.persons),
    indicators: report.indicators.map(indicator),
    flows: (report.flows ?? []).map(flow),
    communes: (report.communes ?? []).map((c) => ({ ...c, cases: hide(c.cases) })),
    suppressedBelow: limit,
  };
}

/** Whether `report` was suppressed (`suppressReport`), e.g. a report from `GET /reports`. */
export function isSuppressedReport(report: Report): report is SuppressedReport {
  return typeof (report as Partial<SuppressedReport>).suppressedBelow === 'number';
}
