/**
 * The contract of `@hoso/reports`: what goes in (case records, a query, indicator definitions) and what comes out
 * (a `Report`), shared by the engine, `<hoso-report>` (browser, from the case store) and `@hoso/server` (from
 * PostgreSQL). The engine is pure: no DOM, no IndexedDB, no Node built-ins, so both sides run the same code and
 * get the same numbers.
 */

/** A text in both languages. */
export interface Text {
  vi: string;
  en: string;
}

/**
 * The fields of a persisted case (the case JSON of `@hoso/workflow`, `schemaVersion: 1`) the engine reads.
 * Anything else in the case is ignored.
 */
export interface ReportCase {
  id: string;
  procedure: string;
  procedureVersion?: string;
  lawVersion?: string;
  state: string;
  status: 'active' | 'closed';
  track?: string;
  province?: string;
  person: {
    fullName?: string;
    personalId?: string;
    birthDate?: string;
    dateOfBirth?: string;
    sex?: string;
    communeCode?: string;
    [k: string]: unknown;
  };
  /** Event data by `dataKey` (a `collect` data key holds an array of entries, oldest first). */
  data: Record<string, unknown>;
  /** The hash-chained audit: one entry per accepted event, `at` the event's moment. */
  audit: Array<{ at: string; event: string; from: string; to: string; by?: { id: string; roles: string[] } }>;
  documents?: Array<{ id: string; issuedAt: string; event: string; number?: string; date?: string }>;
  createdAt: string;
  updatedAt: string;
}

/** Period and unit of a report. Dates are calendar days `YYYY-MM-DD`, both ends included, Viet Nam time. */
export interface ReportQuery {
  from: string;
  to: string;
  /** Province code (e.g. `79`); default: every case given. */
  province?: string;
  /** Restrict to these communes of residence (codes); default: the whole province. */
  communes?: string[];
  /** Plan whose targets are compared (id of a plan in the definitions); default: the definitions' `defaultPlan`. */
  plan?: string;
  /** Include `members` (the persons behind each number). Only for users allowed to see them. Default false. */
  members?: boolean;
  /** Working-day calendar used by on-time variants (e.g. I5's 10 working days); ISO dates of days off. */
  daysOff?: string[];
}

/** One person behind a number (drill-down). */
export interface PersonRef {
  /** Personal ID when known, else `case:<caseId>`: the key persons are counted by (distinct persons). */
  key: string;
  fullName?: string;
  communeCode?: string;
  sex?: string;
  /** Age band at the period's end: `12-15`, `16-17`, `18-29`, `30-49`, `50+`, or `unknown`. */
  ageBand: string;
  caseIds: string[];
}

/** Numerator/denominator of one cell of a breakdown. */
export interface Cell {
  key: string;
  numerator: number;
  /** `null` for count indicators. */
  denominator: number | null;
}

export interface Target {
  /** Percent (0–100) for ratio indicators, a number of persons (or communes) for count indicators. */
  value: number;
  comparison: '>=' | '>';
  /** The plan's own words, e.g. "≥80%", "1.700 hồ sơ". */
  text?: Text;
  /** Plan id and citation, e.g. `{ plan: "hanoi-2024", source: "KH 96/KH-UBND" }`. */
  plan: string;
  source?: string;
}

export interface IndicatorResult {
  id: string;
  title: Text;
  /** What is counted, in words, for the report's footnotes. */
  numeratorLabel: Text;
  denominatorLabel?: Text;
  kind: 'ratio' | 'count';
  /** Source plans (keys S0–S4 of indicators.md, or a province's own). */
  sources: string[];
  target?: Target;
  numerator: number;
  /** `null` for count indicators. */
  denominator: number | null;
  /** Percent with one decimal for ratios (null when the denominator is 0), the count for counts. */
  value: number | null;
  /** Against the target; `null` without a target or without a denominator. */
  met: boolean | null;
  /** How the definition was read where the plans leave it open (shown as a footnote). */
  assumption?: Text;
  breakdown: {
    commune: Cell[];
    sex: Cell[];
    ageBand: Cell[];
    /** The indicator recomputed over each calendar quarter intersecting the period (`2026-Q1` …). */
    quarter: Cell[];
  };
  /** Only when `query.members`. */
  members?: { numerator: PersonRef[]; denominator: PersonRef[] };
}

/** Persons entering each measure per quarter, for the trend and stacked-measure charts. */
export interface FlowRow {
  quarter: string;
  positiveTests: number;
  newAddicts: number;
  voluntaryStarts: number;
  compulsoryFiled: number;
  compulsoryAdmitted: number;
  postRehabEntries: number;
  relapses: number;
}

export interface Report {
  query: ReportQuery;
  /** The period in words, e.g. "6 tháng đầu năm 2026" / "First half of 2026" (or the range). */
  periodLabel: Text;
  /** Definitions version and the plan whose targets were used. */
  definitions: {
    version: string;
    plan?: { id: string; title: Text; source?: string };
    /** Law changes that take effect inside the period (after its first day): trend charts mark them. */
    lawNotes?: Array<Text & { since: string }>;
  };
  /** Number of case records read and of distinct persons among them. */
  casesRead: number;
  persons: number;
  indicators: IndicatorResult[];
  flows: FlowRow[];
  /** Communes seen (residence at the event date) with the number of cases, for the unit picker and the bars. */
  communes: Array<{ code: string; cases: number }>;
}
