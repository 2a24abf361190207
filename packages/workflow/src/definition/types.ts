/**
 * The shape of `workflows/<id>/machine.json`: an XState v5 machine config with no code, plus
 * hoso's `meta`. Checked by `machine.schema.json` (structure) and `checkDefinition` (references).
 */
import type { GuardRef } from '../guards/guards.js';
import type { Evidence, Text } from '../law/law-version.js';
import type { DeadlineUnit } from '../time/deadline.js';

/** A value taken from the law version pinned by the case, e.g. `{ "law": "timeLimits.voluntaryDecision" }`. */
export interface LawRef {
  law: string;
  /** Skip (no deadline) when the pinned law has no such value, e.g. a rule that exists only from 2026. */
  optional?: boolean;
  /**
   * Deadline `n` only: take the number from the case data at this scope (e.g. the court's decided term);
   * the law value gives the unit and basis, and the number when the data has none.
   */
  data?: string;
}

export interface DeadlineRule {
  id: string;
  title: Text;
  /**
   * A number (then `unit` is required), a law reference whose value gives `n` and `unit`, or a number in
   * the case data with a law value behind it (`{ data, law }`).
   */
  n: number | LawRef;
  unit?: DeadlineUnit;
  /** The event whose acceptance starts the period. */
  from: string;
  /** The period runs from the date (or date-time) at this scope instead of the event's moment. */
  start?: { data: string };
  /** Events that meet the deadline. */
  until: string[];
  /** Whether a period ending on a rest day moves to the next working day (default true). */
  shift?: boolean;
  /**
   * `limit` (default): something must happen by the due date; meeting it after is `late`.
   * `period`: a duration that must run out (e.g. the rehab term); ending it afterwards is not late.
   */
  kind?: 'limit' | 'period';
  basis?: string;
  evidence?: Evidence;
}

export interface EventMeta {
  title?: Text;
  /** Abstract roles or law authorities that may send it; defaults to the state's roles. */
  roles?: string[];
  /** Where the event's data is stored in the case data (default: the event type). */
  dataKey?: string;
  /** The form that collects this event's data, e.g. `sample/registration`. */
  form?: string;
  /**
   * Append the event's data to the array `case.data[dataKey]` (oldest first) instead of replacing what is there,
   * e.g. service entries recorded again and again in one step. Guards see the array with the incoming entry
   * appended under the key, and the incoming data as `$event.data`.
   */
  collect?: boolean;
}

export interface StateMeta {
  title: Text;
  form?: string | string[];
  roles?: string[];
  events?: Record<string, EventMeta>;
  deadlines?: DeadlineRule[];
  /** Ids of documents (machine `meta.documents`) due while in this state. */
  documents?: string[];
  basis: { citation: string; evidence: Evidence }[];
}

export interface ActionRef {
  type: string;
  params?: Record<string, unknown>;
}

export interface TransitionDef {
  target?: string;
  guard?: GuardRef;
  actions?: ActionRef | ActionRef[];
  description?: string;
}

export interface StateDef {
  type?: 'final' | 'compound';
  initial?: string;
  meta: StateMeta;
  on?: Record<string, TransitionDef | TransitionDef[] | string>;
  states?: Record<string, StateDef>;
}

export interface DocumentDef {
  title: Text;
  /** The document form code from the law, e.g. `{ "law": "documentForm.voluntaryDecision" }`. */
  form?: LawRef;
  /** JSON pointer into the case data to the document's number when issued, e.g. `/decision/number`. */
  number?: string;
  /** JSON pointer into the case data to the document's date when issued, e.g. `/decision/issuedOn`. */
  date?: string;
}

export interface MachineDefinition {
  $schema?: string;
  id: string;
  version: string;
  title: Text;
  description?: Text;
  initial: string;
  meta?: { documents?: Record<string, DocumentDef> };
  states: Record<string, StateDef>;
}
