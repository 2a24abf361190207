/**
 * Cases as the server holds them: `putRemoteCase` (a pulled case, stored at the server's revision) and
 * `resolveConflict` (a refused stale event: the server's case adopted, what was typed kept as a draft). Each is one
 * IndexedDB transaction over every store it touches, so a tab closed midway leaves either all of it or nothing.
 * The revision stored is the server's (`Case.rev` of `@hoso/workflow`, one per accepted event), so the next local
 * event is based on it and the server can judge it.
 */
import type { StoreNames } from 'idb';
import type { HosoDB } from './schema.js';
import type { WriteRunner } from './transactions.js';
import type {
  CaseRecord,
  ConflictResolution,
  ConflictResolutionInput,
  Draft,
  OutboxItem,
  OutboxStatus,
  RemoteCaseOutcome,
  StoreChange,
} from './types.js';

const PULL: StoreNames<HosoDB>[] = ['cases', 'outbox'];
const RESOLVE: StoreNames<HosoDB>[] = ['cases', 'drafts', 'outbox', 'audit'];
const UNSENT: readonly OutboxStatus[] = ['pending', 'sending', 'failed'];

/** Throws a TypeError naming the field when `record` is not a case at a server revision. */
export function checkRemoteCase(where: string, record: unknown): asserts record is CaseRecord {
  const r = record as Partial<CaseRecord> | null;
  const problems: string[] = [];
  if (typeof r !== 'object' || r === null) throw new TypeError(`${where}: the case must be an object`);
  if (typeof r.id !== 'string' || r.id === '') problems.push(`id must be a non-empty string`);
  if (typeof r.procedure !== 'string' || r.procedure === '') problems.push('procedure must be a non-empty string');
  if (typeof r.rev !== 'number' || !Number.isInteger(r.rev) || r.rev < 1)
    problems.push(`rev must be the server's revision (an integer ≥ 1), got ${JSON.stringify(r.rev)}`);
  if (problems.length) throw new TypeError(`${where} (case ${String(r.id)}): ${problems.join('; ')}`);
}

export async function putRemoteCase(
  run: WriteRunner,
  emit: (change: StoreChange) => void,
  record: CaseRecord,
): Promise<RemoteCaseOutcome> {
  checkRemoteCase('putRemoteCase', record);
  const outcome = await run(PULL, 'readwrite', async (tx): Promise<RemoteCaseOutcome> => {
    const cases = tx.objectStore('cases');
    const current = await cases.get(record.id);
    if (current && current.rev >= record.rev) return 'not-newer';
    const waiting = await tx.objectStore('outbox').index('byCase').getAll(record.id);
    if (waiting.some((i) => UNSENT.includes(i.status))) return 'queued';
    await cases.put(record);
    return 'written';
  });
  if (outcome === 'written') emit({ kind: 'case', id: record.id, rev: record.rev });
  return outcome;
}

export async function resolveConflict(
  run: WriteRunner,
  emit: (change: StoreChange) => void,
  input: ConflictResolutionInput,
): Promise<ConflictResolution> {
  const serverCase = input?.serverCase;
  checkRemoteCase('resolveConflict', serverCase);
  if (!Array.isArray(input.items)) throw new TypeError('resolveConflict: items must be an array');
  for (const [n, { itemId, draft }] of input.items.entries()) {
    if (typeof itemId !== 'string' || itemId === '') throw new TypeError(`resolveConflict: items[${n}].itemId`);
    if (typeof draft?.id !== 'string' || !draft.id.startsWith(`${serverCase.id}/`))
      throw new TypeError(`resolveConflict: items[${n}].draft.id must be "${serverCase.id}/<EVENT>"`);
  }
  const at = new Date().toISOString();
  const changes: StoreChange[] = [];
  const result = await run(RESOLVE, 'readwrite', async (tx) => {
    const outbox = tx.objectStore('outbox');
    const drafts = tx.objectStore('drafts');
    const written: Draft[] = [];
    const resolved: string[] = [];
    for (const { itemId, draft } of input.items) {
      const item = await outbox.get(itemId);
      if (!item || item.caseId !== serverCase.id || !UNSENT.includes(item.status)) continue;
      let id = draft.id;
      while (await drafts.get(id)) id = `${draft.id}~${crypto.randomUUID().slice(0, 8)}`;
      const kept: Draft = { ...draft, id, caseId: serverCase.id, rev: 1, updatedAt: at };
      await drafts.add(kept);
      const next: OutboxItem = {
        ...item,
        status: 'resolved',
        resolution: { kind: 'draft', draftId: id, serverRev: serverCase.rev, at },
      };
      await outbox.put(next);
      written.push(kept);
      resolved.push(itemId);
      changes.push({ kind: 'draft', id, rev: 1 }, { kind: 'outbox', id: itemId, status: 'resolved' });
    }
    const cases = tx.objectStore('cases');
    const local = await cases.get(serverCase.id);
    // Settled already (another tab) and a newer copy pulled since: nothing to replace.
    if (resolved.length === 0 && local && local.rev >= serverCase.rev) {
      return { caseId: serverCase.id, serverRev: serverCase.rev, drafts: written, items: resolved };
    }
    await cases.put(serverCase);
    changes.unshift({ kind: 'case', id: serverCase.id, rev: serverCase.rev });
    await tx.objectStore('audit').add({
      caseId: serverCase.id,
      at,
      by: input.by,
      action: 'sync-conflict',
      detail: {
        localRev: local?.rev ?? 0,
        serverRev: serverCase.rev,
        items: resolved,
        drafts: written.map((d) => d.id),
      },
    });
    return { caseId: serverCase.id, serverRev: serverCase.rev, drafts: written, items: resolved };
  });
  for (const change of changes) emit(change);
  return result;
}
