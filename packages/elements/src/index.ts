/**
 * `@hoso/elements`: the composition root. Importing it registers `<hoso-procedure>` (`<hoso-form>` loads with the
 * first form). What a page may not need on load comes from its own chunk through a loader, which registers the
 * element and returns its module: `loadCaseList()` (`<hoso-case-list>`), `loadCaseTimeline()`
 * (`<hoso-case-timeline>`), `loadDocument()` (`<hoso-document>` and the document helpers), `loadReport()`
 * (`<hoso-report>`), `loadOutbox()` (the outbox of `@hoso/case-store`, for server mode). See docs/bundles.md.
 */
export { HosoProcedure, type ProcedureUser, type SubmissionQueue } from './procedure/hoso-procedure.js';
export { builtinProcedures, procedureList, UnknownContentError } from './procedure/content.js';
export type { LoadedProcedure, ProcedureSource, FormModule, ProcedureModule } from './procedure/content.js';
export { personFromForm } from './procedure/person.js';
export { defaultStore, loadProcedures } from './procedure/defaults.js';
export { rolesInForce, type RoleOffice } from './procedure/roles.js';
// The case list and the timeline: each its own chunk, loaded and registered by its loader.
export { HosoCaseOpenEvent } from './events/case-open.js';
export { loadCaseList, type CaseListApi } from './case-list-loader.js';
export type { HosoCaseList, CaseListUser } from './case-list/hoso-case-list.js';
export type { Query, Searchable } from './case-list/search.js';
export type { CaseRow, NextDeadline } from './case-list/case-row.js';
export type { SortKey, SortDirection } from './case-list/sort.js';
export { loadCaseTimeline, type CaseTimelineApi } from './case-timeline-loader.js';
export type { HosoCaseTimeline } from './case-timeline/hoso-case-timeline.js';
export type { TimelineCase, TimelineStep, TimelineDocument } from './case-timeline/timeline-model.js';
export { answerRows, type AnswerRow } from './procedure/answers.js';
export { HosoCaseSavedEvent, HosoCaseStepEvent, HosoProcedureSubmitEvent } from './events/procedure-events.js';
// Documents: the entry carries what <hoso-procedure> uses (the open event, the issued-list terms) and the types.
export { HosoDocumentOpenEvent } from './document/open-event.js';
export { issuedDocumentTerms, type IssuedDocumentTerms } from './document/terms.js';
export type { HosoDocument } from './document/hoso-document.js';
export type { DocumentCase, FilledDocument, FilledParagraph } from './document/model.js';
export type { Segment } from './document/fill.js';
export type { DocumentUnit, Issuer } from './document/offices.js';
export type { DocumentTemplate, BodyItem, Delegation } from './document/template.js';
export type { TemplateSource } from './document/templates.js';
export { loadDocument, type DocumentApi } from './document-loader.js';
export * from './report/index.js';
// The outbox of @hoso/case-store, so a portal sends cases to its backend with the bundle alone (server mode).
export { loadOutbox, type OutboxApi } from './outbox-loader.js';
