/**
 * `@hoso/case-store`: cases, drafts, attachments, the outbox and a local audit log in IndexedDB (idb).
 * No Lit, no xstate: the same records serve `<hoso-procedure>`, the case list and the outbox sender.
 */
export type * from './types.js';
export { openCaseStore } from './store.js';
export { DB_VERSION } from './db.js';
export {
  CaseStoreError,
  StorageFullError,
  StoreUnavailableError,
  RevisionConflictError,
  MigrationError,
  DraftFileError,
  type LocalizedText,
  type UnavailableReason,
  type DraftFileReason,
} from './errors.js';
export { requestPersistence, storageEstimate, persistenceMessage, type PersistenceResult } from './persistence.js';
export { migrateDraft, type DraftMigrationOp, type FormMigration, type FormMigrations } from './draft-migrate.js';
export { exportDraft, importDraft, draftFileName, DRAFT_FILE_FORMAT, DRAFT_FILE_VERSION } from './draft-file.js';
export { findJsonSyntaxError, type JsonSyntaxProblem } from './json-syntax.js';
export * from './outbox/index.js';
