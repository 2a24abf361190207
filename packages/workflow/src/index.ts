/**
 * `@hoso/workflow`: legal procedures as data. Headless (no DOM, no storage, no Node built-ins):
 * the same runtime runs in browsers, in Node (CLI, server) and in tests.
 */
export { Procedure, stateName } from './runtime/procedure.js';
export type { RuntimeOptions, Implementations, CreateCaseInput, ActiveMeta } from './runtime/procedure.js';
export type {
  Case,
  CaseEvent,
  CaseView,
  CaseDeadline,
  DeadlineView,
  IssuedDocument,
  Person,
  Refusal,
  RefusalCode,
  ApplyResult,
} from './runtime/case.js';
export { SCHEMA_VERSION } from './runtime/case.js';
export { serializeCase, parseCase, CaseFormatError } from './runtime/persist.js';
export { builtinActions } from './runtime/actions.js';
export type { ActionImpl } from './runtime/actions.js';
export { builtinGuards, GuardDataError } from './guards/guards.js';
export type { GuardContext, GuardImpl, GuardRef } from './guards/guards.js';
export {
  ConditionEvaluator,
  ConditionError,
  precompiledConditions,
  resolveScope,
  scopeToPath,
  conditionSchemas,
} from './conditions/condition.js';
export type { Condition, CompileCondition, SchemaCondition, CompoundCondition } from './conditions/condition.js';
export { schemaKey } from './conditions/schema-key.js';
export { computeDue, deadlineStatus, DeadlineInputError, DEADLINE_UNITS } from './time/deadline.js';
export type { DueDate, DueInput, DeadlineUnit, DeadlineStatus, SkippedDay } from './time/deadline.js';
export { WorkingCalendar, MissingCalendarError, CalendarDataError } from './time/calendar.js';
export type { HolidayCalendar, CalendarRef } from './time/calendar.js';
export { DateFormatError, parseInstant, formatInstant, dayNumber, isoDate, localDay } from './time/dates.js';
export {
  resolveLaw,
  selectLawVersion,
  applyOverlay,
  lawValue,
  uncertainValues,
  LawDataError,
  EVIDENCE,
} from './law/law-version.js';
export type {
  LawVersionFile,
  LawValue,
  ResolvedLaw,
  ResolvedValue,
  ProvinceOverlay,
  OverlayOverride,
  Evidence,
  Text,
} from './law/law-version.js';
export { lawNumber, LawValueMissingError } from './law/law-number.js';
export type { LawNumber, LawNumberRef } from './law/law-number.js';
export { DeadlineDataError } from './runtime/deadlines.js';
export { sha256, verifyAudit, genesisHash, canonical } from './audit/audit.js';
export type { AuditEntry, AuditVerdict, CaseHead } from './audit/audit.js';
export { checkDefinition } from './definition/check.js';
export type { DefinitionProblem } from './definition/check.js';
export { jsonPositions, positionOf, JsonSyntaxError } from './definition/json-positions.js';
export { parseWithPositions, formatDefinitionError } from './definition/report.js';
export type { DefinitionError } from './definition/report.js';
export type * from './definition/types.js';
