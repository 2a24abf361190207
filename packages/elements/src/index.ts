/**
 * `@hoso/elements`: the composition root. Importing it registers `<hoso-procedure>`, `<hoso-case-list>`, `<hoso-case-timeline>` (and `<hoso-form>`).
 */
export { HosoProcedure, type ProcedureUser, type SubmissionQueue } from './procedure/hoso-procedure.js';
export { builtinProcedures, procedureList, UnknownContentError } from './procedure/content.js';
export type { LoadedProcedure, ProcedureSource, FormModule, ProcedureModule } from './procedure/content.js';
export { personFromForm } from './procedure/person.js';
export { defaultStore, loadProcedures } from './procedure/defaults.js';
export { rolesInForce, type RoleOffice } from './procedure/roles.js';
export * from './case-list/index.js';
export * from './case-timeline/index.js';
export { answerRows, type AnswerRow } from './procedure/answers.js';
export { HosoCaseSavedEvent, HosoCaseStepEvent, HosoProcedureSubmitEvent } from './events/procedure-events.js';
export * from './document/index.js';
export * from './report/index.js';
// The outbox of @hoso/case-store, so a portal sends cases to its backend with the bundle alone (server mode).
export { OutboxSender, createHttpAdapter, outboxErrorMessage, keepAsDraft } from '@hoso/case-store';
