/**
 * The built-in strings of `<hoso-report>`. Each language file (`terms.vi.ts`, `terms.en.ts`) implements this
 * interface completely, so a missing term does not compile. Indicator titles, labels, footnotes and the period
 * label come from the report itself (`{ vi, en }`), not from here.
 */
import type { FlowKey } from '@hoso/reports';
import type { PeriodKind } from './period.js';

/** The flows of `FlowRow` the charts show, by key (declared once in `@hoso/reports`). */
export type { FlowKey };

export interface ReportTerms {
  /** BCP 47 tag for `Intl` (numbers, dates, collation). */
  readonly locale: string;
  readonly choose: string;
  readonly periodKind: string;
  readonly periodKinds: Readonly<Record<PeriodKind, string>>;
  readonly year: string;
  readonly half: string;
  readonly halves: readonly [string, string];
  readonly quarter: string;
  readonly quarterName: (q: number) => string;
  readonly from: string;
  readonly to: string;
  readonly planPeriod: string;
  readonly noPlanPeriod: string;
  readonly unit: string;
  readonly province: string;
  readonly commune: (code: string) => string;
  readonly plan: string;
  readonly defaultPlan: string;
  readonly loading: string;
  readonly loaded: (period: string, cases: number, persons: number) => string;
  readonly loadError: (message: string) => string;
  readonly badRange: string;
  readonly noSource: string;
  readonly heading: string;
  readonly caption: (period: string, unit: string) => string;
  readonly planLine: (plan: string) => string;
  readonly columns: {
    readonly indicator: string;
    readonly target: string;
    readonly numerator: string;
    readonly denominator: string;
    readonly percent: string;
    readonly previous: string;
    readonly met: string;
  };
  readonly metValue: { readonly yes: string; readonly no: string; readonly none: string };
  readonly noTarget: string;
  readonly notApplicable: string;
  readonly suppressed: string;
  readonly suppressedNote: string;
  readonly countsOnlyNote: string;
  readonly showPersons: (what: string, value: string) => string;
  readonly footnotes: string;
  readonly assumption: string;
  readonly sourcesLabel: (sources: string) => string;
  readonly persons: {
    readonly title: (indicator: string, side: string) => string;
    readonly numerator: string;
    readonly denominator: string;
    readonly name: string;
    readonly key: string;
    readonly commune: string;
    readonly sex: string;
    readonly ageBand: string;
    readonly cases: string;
    readonly none: string;
    readonly close: string;
    readonly unnamed: string;
  };
  readonly sexes: Readonly<Record<string, string>>;
  readonly ageBand: (band: string) => string;
  readonly charts: {
    readonly heading: string;
    readonly keys: string;
    readonly showTable: string;
    readonly hideTable: string;
    readonly trend: string;
    readonly trendDesc: string;
    readonly communes: (indicator: string) => string;
    readonly communesDesc: string;
    readonly indicator: string;
    readonly targetLine: (value: string) => string;
    readonly bySex: (indicator: string) => string;
    readonly byAge: (indicator: string) => string;
    readonly stacked: string;
    readonly stackedDesc: string;
    readonly quarter: string;
    readonly total: string;
    readonly noData: string;
    readonly flows: Readonly<Record<FlowKey, string>>;
  };
  readonly exports: {
    readonly heading: string;
    readonly csv: string;
    readonly xlsx: string;
    readonly print: string;
    readonly working: string;
    readonly done: (file: string) => string;
    readonly failed: (message: string) => string;
  };
}
