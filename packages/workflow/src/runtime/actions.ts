/**
 * Named actions, implemented once. A transition lists them as `{ "type": <name>, "params": {...} }`.
 *
 * - `setTrack` `{ track }`: records which track of the procedure the case follows (e.g. `minor`).
 * - `issueDocument` `{ document }`: records that a document (machine `meta.documents`) was issued,
 *   with its form code from the pinned law version.
 */
import type { MachineDefinition } from '../definition/types.js';
import type { ResolvedLaw } from '../law/law-version.js';
import type { Case, CaseEvent } from './case.js';
import { readPointer } from './case-data.js';

function text(data: unknown, pointer: string | undefined): string | undefined {
  if (pointer === undefined) return undefined;
  const v = readPointer(data, pointer);
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

export type ActionImpl = (
  draft: Case,
  params: Record<string, unknown>,
  event: CaseEvent,
  env: { law: ResolvedLaw; definition: MachineDefinition },
) => void;

export const builtinActions: Record<string, ActionImpl> = {
  setTrack: (draft, params) => {
    if (typeof params.track === 'string') draft.track = params.track;
  },
  issueDocument: (draft, params, event, { law, definition }) => {
    const id = String(params.document);
    const def = definition.meta?.documents?.[id];
    const value = def?.form ? law.values[def.form.law] : undefined;
    const number = text(draft.data, def?.number);
    const date = text(draft.data, def?.date);
    draft.documents.push({
      id,
      title: def?.title ?? { vi: id, en: id },
      formCode: typeof value?.code === 'string' ? value.code : null,
      ...(value ? { basis: value.basis } : {}),
      issuedAt: event.at,
      event: event.type,
      by: event.by.id,
      ...(number !== undefined ? { number } : {}),
      ...(date !== undefined ? { date } : {}),
    });
  },
};
