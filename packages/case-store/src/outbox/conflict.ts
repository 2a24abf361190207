/**
 * `keepAsDraft(options)`: the outbox's policy for a revision conflict (the server refused an event because the
 * case changed elsewhere first). Detected by revision, never merged: the device adopts the server's case and
 * keeps what the person typed, for each refused event of that case, as a draft of its step (`<caseId>/<EVENT>`,
 * or `<caseId>/<EVENT>~<random>` beside a draft already there), for a person to check and send again. All of it is
 * one transaction (`CaseStore.resolveConflict`). Pass it as `OutboxSender`'s `onConflict`.
 */
import type { CaseRecord, CaseStore, ConflictResolution, OutboxItem } from '../types.js';
import type { Refusal, Submission } from './adapter.js';

/** See `OutboxSenderOptions.onConflict`. */
export type ConflictHandler = (item: OutboxItem, refusal: Refusal) => Promise<ConflictResolution | undefined>;

/** The form an event's data was typed in: its id (`<procedure>/<form>`) and its schema version. */
export interface EventForm {
  form: string;
  formVersion: string;
}

export interface KeepAsDraftOptions {
  store: Pick<CaseStore, 'outbox' | 'resolveConflict'>;
  /**
   * The form of a submitted event (from the procedure's machine: `events.<TYPE>.form`, and the form module's
   * `version`). Undefined for an event without a form: its draft opens on the review of its data.
   */
  formOf(submission: Submission): EventForm | undefined | Promise<EventForm | undefined>;
  /** Reads the server's case when the refusal does not carry it (`refusal.case`); without it such a conflict stays `failed`. */
  fetchCase?(caseId: string): Promise<CaseRecord | undefined>;
}

const UNSENT = new Set(['pending', 'sending', 'failed']);

function isSubmission(payload: unknown): payload is Submission {
  const s = payload as Partial<Submission> | null;
  return typeof s?.caseId === 'string' && typeof s.procedure === 'string' && typeof s.event?.type === 'string';
}

/** The conflict policy: adopt the server's case, keep every refused event of the case as a draft. */
export function keepAsDraft(options: KeepAsDraftOptions): ConflictHandler {
  if (!options?.store?.resolveConflict || typeof options.formOf !== 'function') {
    throw new TypeError('keepAsDraft: options.store (a CaseStore) and options.formOf(submission) are required');
  }
  const { store, formOf, fetchCase } = options;
  return async (refused, refusal) => {
    if (refused.kind !== 'event' || !isSubmission(refused.payload)) return undefined;
    const serverCase = refusal.case ?? (await fetchCase?.(refused.caseId));
    if (!serverCase || serverCase.id !== refused.caseId) return undefined;
    // The refused event and every event queued after it on this device: all were based on the losing version.
    const seq = refused.seq ?? 0;
    const stale = (await store.outbox.list({ caseId: refused.caseId })).filter(
      (i) => i.kind === 'event' && UNSENT.has(i.status) && (i.id === refused.id || (i.seq ?? 0) >= seq),
    );
    const items: Parameters<CaseStore['resolveConflict']>[0]['items'] = [];
    for (const item of stale) {
      if (!isSubmission(item.payload)) continue;
      const submission = item.payload;
      const form = await formOf(submission);
      items.push({
        itemId: item.id,
        draft: {
          id: `${submission.caseId}/${submission.event.type}`,
          caseId: submission.caseId,
          procedure: submission.procedure,
          form: form?.form ?? '',
          formVersion: form?.formVersion ?? '1',
          step: 0,
          data: submission.event.data ?? {},
        },
      });
    }
    if (!items.some((i) => i.itemId === refused.id)) return undefined;
    return store.resolveConflict({ serverCase, items, by: refused.payload.event.by.id });
  };
}
