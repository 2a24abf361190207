/**
 * The persisted case: plain JSON, the contract with the case store and the server.
 * A case is never mutated; every accepted event returns a new one with `rev + 1`.
 */
import type { AuditEntry } from '../audit/audit.js';
import type { Evidence, Text } from '../law/law-version.js';
import type { CalendarRef } from '../time/calendar.js';
import type { DeadlineStatus, DeadlineUnit } from '../time/deadline.js';

export const SCHEMA_VERSION = 1;

export interface Person {
  birthDate?: string;
  [field: string]: unknown;
}

export interface CaseDeadline {
  id: string;
  title: Text;
  kind: 'limit' | 'period';
  /** The event (and moment) that started the period. */
  trigger: { event: string; at: string };
  n: number;
  unit: DeadlineUnit;
  basis: string;
  evidence?: Evidence;
  uncertain?: boolean;
  note?: string;
  /** The law value it came from, e.g. `timeLimits.voluntaryDecision`. */
  lawPath?: string;
  /**
   * Where a rule reading case data took its values: `n` from the data at a scope (`fallback: "law"` when
   * that value was absent and `lawPath` gave it), `start` the date at a scope the period runs from.
   */
  source?: { n?: { data: string; fallback?: 'law' }; start?: { data: string; at: string } };
  due: string;
  dueAt: string;
  atRiskFrom: string;
  calendars: CalendarRef[];
  until: string[];
  metAt?: string;
  metBy?: string;
  late?: boolean;
  /** The same deadline was started again by a later event, or the case closed before it was met. */
  supersededAt?: string;
}

export interface IssuedDocument {
  id: string;
  title: Text;
  formCode: string | null;
  basis?: string;
  issuedAt: string;
  event: string;
  by: string;
  /** The document's number, from the case data at the machine's `meta.documents.<id>.number` pointer. */
  number?: string;
  /** The document's date (`YYYY-MM-DD`), from the case data at `meta.documents.<id>.date`. */
  date?: string;
}

export interface Case {
  schemaVersion: typeof SCHEMA_VERSION;
  id: string;
  procedure: string;
  procedureVersion: string;
  /** Law version id pinned on the date of the triggering event, and what it extends. */
  lawVersion: string;
  lawChain: string[];
  province?: string;
  person: Person;
  /** XState persisted snapshot (`machine.getPersistedSnapshot`). */
  snapshot: Record<string, unknown>;
  /** Current state name (`a` or `a.b`), for lists and queries. */
  state: string;
  status: 'active' | 'closed';
  track?: string;
  /** Case data: `{ <dataKey>: formData }`; guards also see `person`. */
  data: Record<string, unknown>;
  deadlines: CaseDeadline[];
  documents: IssuedDocument[];
  audit: AuditEntry[];
  createdAt: string;
  updatedAt: string;
  rev: number;
}

export interface CaseEvent {
  type: string;
  at: string;
  by: { id: string; roles: string[] };
  data?: unknown;
}

export type RefusalCode =
  | 'invalid-event'
  | 'unknown-event'
  | 'case-closed'
  | 'out-of-order'
  | 'not-allowed-in-state'
  | 'role-not-permitted'
  | 'guard-failed'
  | 'guard-error'
  | 'calendar-missing'
  | 'deadline-data-invalid'
  | 'law-value-missing';

export interface Refusal {
  code: RefusalCode;
  message: Text;
  /** Technical detail (English), e.g. which transitions were tried and which conditions were false. */
  detail?: string;
  /** `guard-failed`: the raw trace, every false guard with its params (for debugging). */
  trace?: string;
}

export type ApplyResult = { ok: true; case: Case } | { ok: false; refusal: Refusal; case: Case };

export interface DeadlineView extends CaseDeadline {
  status: DeadlineStatus;
}

export interface CaseView {
  id: string;
  procedure: string;
  procedureVersion: string;
  now: string;
  state: string;
  stateTitle: Text;
  status: 'active' | 'closed';
  track?: string;
  law: { version: string; effective: string; title: Text; chain: string[]; province?: string };
  /** Legal basis of the current step. */
  basis: { citation: string; evidence: Evidence }[];
  forms: string[];
  allowedEvents: { type: string; title?: Text; roles: string[]; offices: Text[]; guarded: boolean; form?: string }[];
  deadlines: DeadlineView[];
  documentsDue: { id: string; title: Text; formCode: string | null; basis?: string; uncertain?: boolean }[];
  documentsIssued: IssuedDocument[];
  rev: number;
}
