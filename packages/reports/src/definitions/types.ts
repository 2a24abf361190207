/**
 * The definition format of the indicator engine, as data (workflows/indicators): how facts are read from a
 * procedure's cases (`facts/<procedure>.json`), the indicators and their expressions (`indicators.json`, plus a
 * province's `local/*.json`), and the plans with their targets (`plans/<plan>.json`). The JSON Schemas beside
 * those files describe the same shapes for editors and `hoso check`; `compileDefinitions` checks them at run time.
 */
import type { Text } from '../types.js';

/** A JSON pointer into `case.data` (`/decision/decidedOn`). */
export type Pointer = string;

/** One way to read a fact; the rules of a fact are tried in order and the first that gives a value wins. */
export interface FactRule {
  /** The fact comes from this event (one of these events) having happened: its moment, or `data` when present. */
  event?: string | string[];
  /** Which occurrence of the event: the first (default) or the last. */
  occurrence?: 'first' | 'last';
  /** The day the case first (or last) entered this state (the state or one of its children). */
  state?: string | string[];
  /** A date (date facts) or a value (value facts) at this pointer in the case data. */
  data?: Pointer;
  /** A case field: `openedAt` (first event's day), `closedAt` (last event's day of a closed case), `track`. */
  case?: 'openedAt' | 'closedAt' | 'track';
  /** The value given when the rule applies (value facts). */
  value?: string;
  /** Translates the value read (`String(value)` is looked up; a value not listed gives nothing). */
  map?: Record<string, string>;
  /** The rule applies only when this holds on the case data. */
  when?: { data: Pointer; equals?: unknown; exists?: boolean };
}

export interface FactDefinition {
  type: 'date' | 'value';
  from: FactRule[];
}

/** `facts/<procedure>.json`. */
export interface FactsFile {
  procedure: string;
  /** Short key the expressions use: `VR.startAt`. */
  key: string;
  version: string;
  facts: Record<string, FactDefinition>;
  /** The case is "active" from the first fact of `from` present, to the first of `to` present (open-ended else). */
  active: { from: string[]; to: string[] };
  /** Commune of residence in the data, first present (used when the case has no `person.communeCode`). */
  residence: Pointer[];
  /** Sex and birth date in the data, used when the case's `person` lacks them. */
  person?: { sex?: Pointer[]; birthDate?: Pointer[] };
  /** Changes of residence: from the date at `at`, the person lives in the commune at `commune`. */
  moves: Array<{ event: string; at: Pointer; commune: Pointer }>;
  /** Drug tests: date and result. */
  tests: Array<{ event: string; at: Pointer; result: Pointer }>;
  /** Service entries (SVC): an array at `data`, each entry's type, date and provider at the pointers given. */
  services?: { data: Pointer; type: Pointer; at: Pointer; provider?: Pointer };
  /** The needs assessment (NEED): an object (or array of them) at `data`. */
  needs?: { data: Pointer; needs: Pointer; eligible: Pointer; at: Pointer };
}

/** `{ "VR.variant": "facility" }`: value facts of the same case must equal (one of) the values. */
export type Where = Record<string, string | string[]>;

/** The anchor of `within`/`windowClosed`: the person's latest date of fact `of` in the period (with `where`). */
export interface WindowSpec {
  of: string;
  where?: Where;
  workingDays: number;
  facts?: string[];
}

/** An indicator expression: named predicates over one person's cases, combined by all/any/not. */
export type Expr =
  | { all: Expr[] }
  | { any: Expr[] }
  | { not: Expr }
  | { set: string }
  | { activeIn: string[]; where?: Where }
  | { factIn: string; range?: 'period' | 'toEnd' | 'ever'; where?: Where }
  | { latest: { value: string; at: string; equals: string | string[] } }
  | { serviceIn: string[] | 'any' }
  | { needIn: string[]; eligible?: boolean; in?: string[] }
  | { serviceForNeed: Record<string, string[]>; in?: string[] }
  | { testIn: string[] }
  | { within: WindowSpec }
  | { windowClosed: WindowSpec }
  | { updatedIn: string[] };

export interface IndicatorDefinition {
  id: string;
  title: Text;
  /** The plan's wording. */
  wording: Text;
  sources: string[];
  kind: 'ratio' | 'count';
  /** `commune`: communes are counted (numerator: communes where a person satisfies `numerator`). */
  per?: 'person' | 'commune';
  numeratorLabel: Text;
  denominatorLabel?: Text;
  /** Ratio: the persons counted below the line. */
  denominator?: Expr;
  /** Ratio: the persons of the denominator counted above it (per commune: the persons who make a commune count). */
  numerator?: Expr;
  /** Count: the persons counted. */
  count?: Expr;
  assumption?: Text;
}

export type FlowKey =
  | 'positiveTests'
  | 'newAddicts'
  | 'voluntaryStarts'
  | 'compulsoryFiled'
  | 'compulsoryAdmitted'
  | 'postRehabEntries'
  | 'relapses';

/** `indicators.json` (and `local/*.json`, which may hold only `indicators`). */
export interface IndicatorsFile {
  version: string;
  defaultPlan?: string;
  lawNotes?: Array<Text & { since: string }>;
  sets?: Record<string, Expr>;
  indicators: IndicatorDefinition[];
  flows?: Record<FlowKey, Expr>;
}

export interface PlanTarget {
  value: number;
  comparison: '>=' | '>';
  text?: Text;
}

/** `plans/<plan>.json`. */
export interface PlanFile {
  id: string;
  /** S0–S4 of indicators.md, or a province's own key. */
  key?: string;
  version: string;
  title: Text;
  source?: string;
  issuedOn?: string;
  period: { from: string; to: string };
  targets: Record<string, PlanTarget>;
}

/** Everything the engine reads: what `hoso build` emits as `workflows/generated/indicators.js` (`definitions`). */
export interface IndicatorDefinitions {
  version: string;
  defaultPlan?: string;
  lawNotes?: Array<Text & { since: string }>;
  sets: Record<string, Expr>;
  indicators: IndicatorDefinition[];
  flows: Record<FlowKey, Expr>;
  facts: FactsFile[];
  plans: PlanFile[];
  /**
   * Viet Nam's days off and make-up Saturdays (workflows/calendars/vn), for working-day windows when the query
   * gives no `daysOff` of its own.
   */
  calendar?: { daysOff: string[]; workingSaturdays: string[] };
  /** Where each part came from (`facts/voluntary-rehab.json` …), for error messages; optional. */
  files?: { indicators?: string; facts?: string[]; plans?: string[]; local?: string[] };
}
