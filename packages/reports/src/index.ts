/**
 * @hoso/reports: the plans' indicators computed from case records (see types.ts for the contract). Pure: the same
 * code runs in the browser (over the case store) and on the server (over PostgreSQL).
 *
 * ```ts
 * import { computeReport } from '@hoso/reports';
 * const report = computeReport(cases, { from: '2026-01-01', to: '2026-06-30', communes: ['26734'] });
 * ```
 */
export type * from './types.js';
export type * from './definitions/types.js';
export { computeReport, prepareDefinitions, ReportQueryError } from './compute.js';
export { compileDefinitions, DefinitionsError, FLOW_KEYS } from './definitions/compile.js';
export type { Problem as DefinitionProblem } from './definitions/compile.js';
export { defaultDefinitions } from './default-definitions.js';
export { periodLabel, quartersOf, ageBand, WorkingDays } from './days.js';
export * from './suppress.js';
