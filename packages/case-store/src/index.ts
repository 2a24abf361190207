/**
 * `@hoso/case-store`: cases, drafts, attachments, the outbox and a local audit log in IndexedDB (idb).
 * No Lit, no xstate: the same records serve `<hoso-procedure>`, the case list and the outbox sender.
 */
export type * from './types.js';
