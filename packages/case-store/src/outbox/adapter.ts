/**
 * The backend adapter: what a portal implements so that hoso can send submissions to its server.
 *
 * Three calls, one contract (docs/adapter-contract.md, `contract.schema.json`):
 * - `submit(submission, { idempotencyKey, signal })`: one event of one case. Resolves with `{ ok: true, rev }` when
 *   the server applied it (or had applied it before under the same key), or with a refusal `{ ok: false, code }`
 *   when the server will never apply it as sent (a 4xx answer, including 409 `revision-conflict`).
 * - `upload(attachment, { idempotencyKey, signal })`: one file of a case.
 * - `load({ communeCode, since })`: cases of one commune changed since a cursor.
 *
 * Anything that may succeed when tried again (no network, a timeout, 5xx, 408, 425, 429) is *thrown* as an
 * `AdapterError` of kind `transient`; the outbox then retries with the same idempotency key. An answer that will not
 * change when repeated is *returned* as a refusal (permanent). An `AdapterError` of kind `permanent` is for what is
 * neither (a malformed answer, a missing attachment); the outbox marks the item failed.
 *
 * Without an adapter nothing is sent anywhere and nothing is queued for sending: hoso works on local data only.
 * That is the default for an embedded form.
 */
import type { CaseRecord } from '../types.js';

/** A text in both languages hoso speaks. */
export interface BilingualText {
  vi: string;
  en: string;
}

/** One event of a case as `@hoso/workflow` records it (`CaseEvent`), copied here so the store needs no runtime. */
export interface SubmissionEvent {
  type: string;
  /** ISO 8601 date-time of the event (when the person acted, not when it was sent). */
  at: string;
  by: { id: string; roles: string[] };
  data?: unknown;
}

/** What is sent for one event of one case (the body of `POST /cases/{caseId}/events`). */
export interface Submission {
  caseId: string;
  procedure: string;
  procedureVersion: string;
  lawVersion: string;
  event: SubmissionEvent;
  /** Revision of the case the event was applied to on the device (0 for the event that creates the case). */
  baseRev: number;
  /** The case after the event as the device computed it (persisted case JSON), when the portal wants it. */
  case?: CaseRecord;
}

/** The server applied the event (now or earlier under the same key). */
export interface SubmitAccepted {
  ok: true;
  /** Revision of the case on the server after the event. */
  rev: number;
  /** The case as the server holds it after the event, when the server runs the procedure itself. */
  case?: CaseRecord;
}

/** The server will not apply what was sent, whatever the number of attempts. */
export interface Refusal {
  ok: false;
  /** Machine-readable reason: `revision-conflict`, `invalid-submission`, a workflow refusal code, `http-<status>`. */
  code: string;
  message?: BilingualText;
  /** JSON Pointer into the submission of what was refused, when one field is to blame. */
  pointer?: string;
  /** HTTP status of the answer, when there was one. */
  status?: number;
  /** The server's current revision of the case (with `revision-conflict`). */
  rev?: number;
  /** The case as the server holds it (with `revision-conflict`, when the server sends it): what the device adopts. */
  case?: CaseRecord;
}

export type SubmitResult = SubmitAccepted | Refusal;

/** One file to upload (the record `CaseStore.putAttachment` keeps). */
export interface AttachmentUpload {
  id: string;
  caseId: string;
  item?: string;
  name: string;
  type: string;
  size: number;
  blob: Blob;
}

export interface UploadAccepted {
  ok: true;
  id: string;
  size: number;
}

export type UploadResult = UploadAccepted | Refusal;

export interface LoadQuery {
  communeCode: string;
  /** Cursor from the previous `load`; absent for everything. */
  since?: string;
}

export interface LoadResult {
  cases: CaseRecord[];
  /** Opaque cursor to pass as `since` next time. */
  cursor: string;
}

/** Options of every call: the key the server dedupes on and a signal that aborts the request. */
export interface SendOptions {
  idempotencyKey: string;
  signal?: AbortSignal;
}

/** What a portal implements. `createHttpAdapter` is one implementation over `fetch`. */
export interface BackendAdapter {
  submit(submission: Submission, options: SendOptions): Promise<SubmitResult>;
  upload(attachment: AttachmentUpload, options: SendOptions): Promise<UploadResult>;
  load(query: LoadQuery, options?: { signal?: AbortSignal }): Promise<LoadResult>;
}

export type AdapterErrorKind = 'transient' | 'permanent';

/**
 * A failure without a refusal from the server. `transient`: try again later with the same key (`code` is
 * `network`, `timeout`, `http-<status>`); `permanent`: do not retry by itself (`invalid-response`, …).
 */
export class AdapterError extends Error {
  override readonly name = 'AdapterError';
  readonly kind: AdapterErrorKind;
  readonly code: string;
  readonly status: number | undefined;
  /** How long the server asked to wait (`Retry-After`), in milliseconds. */
  readonly retryAfterMs: number | undefined;

  constructor(
    kind: AdapterErrorKind,
    code: string,
    message: string,
    extra: { status?: number; retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.kind = kind;
    this.code = code;
    this.status = extra.status;
    this.retryAfterMs = extra.retryAfterMs;
  }
}

/** HTTP statuses worth trying again: 408, 425, 429 and every 5xx. Every other 4xx is a refusal. */
export function isTransientStatus(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500;
}

/**
 * Classifies anything an adapter threw. `AdapterError` keeps its kind; an abort that the caller did not ask for,
 * a `TypeError` from `fetch` (no network) and any other error count as transient, because retrying with the same
 * idempotency key cannot apply a submission twice.
 */
export function classifyError(error: unknown): { kind: AdapterErrorKind; code: string; retryAfterMs?: number } {
  if (error instanceof AdapterError) {
    return error.retryAfterMs === undefined
      ? { kind: error.kind, code: error.code }
      : { kind: error.kind, code: error.code, retryAfterMs: error.retryAfterMs };
  }
  if (error instanceof DOMException && error.name === 'TimeoutError') return { kind: 'transient', code: 'timeout' };
  if (error instanceof TypeError) return { kind: 'transient', code: 'network' };
  return { kind: 'transient', code: 'error' };
}
