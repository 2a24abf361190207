/**
 * The `OutboxStore` over the `outbox` object store: submissions waiting for the backend, each keyed by its
 * idempotency key. The sender (`outbox/`) decides when to send; this module only keeps the items, in order.
 *
 * Order: `enqueue` gives each item a `seq` greater than every earlier item of the same case (read in the same
 * readwrite transaction, so two tabs cannot interleave) and than anything this tab queued before; `list` returns
 * items by `seq`, so a case's submissions come back in the order they were queued.
 */
import type { StoreNames } from 'idb';
import type { HosoDB } from './schema.js';
import type { WriteRunner } from './transactions.js';
import type { OutboxItem, OutboxStatus, OutboxStore, StoreChange } from './types.js';

const UNSENT: readonly OutboxStatus[] = ['pending', 'sending', 'failed'];
const STATUSES: readonly OutboxStatus[] = [...UNSENT, 'sent', 'resolved'];
const OUTBOX: StoreNames<HosoDB>[] = ['outbox'];

let lastSeq = 0;

/** Oldest first: by `seq`, then (items without one) `createdAt`, then id. */
function byQueueOrder(a: OutboxItem, b: OutboxItem): number {
  const sa = a.seq ?? Date.parse(a.createdAt) * 1000;
  const sb = b.seq ?? Date.parse(b.createdAt) * 1000;
  return sa - sb || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
}

function checkItem(item: Partial<OutboxItem>, where: string): void {
  const problems: string[] = [];
  if (typeof item.id !== 'string' || item.id === '')
    problems.push('id (the idempotency key) must be a non-empty string');
  if (typeof item.caseId !== 'string' || item.caseId === '') problems.push('caseId must be a non-empty string');
  if (item.kind !== 'event' && item.kind !== 'upload')
    problems.push(`kind must be "event" or "upload", not ${JSON.stringify(item.kind)}`);
  if (item.status !== undefined && !STATUSES.includes(item.status))
    problems.push(`status ${JSON.stringify(item.status)} is not one of ${STATUSES.join(', ')}`);
  if (problems.length) throw new TypeError(`${where}: ${problems.join('; ')}`);
}

export class IdbOutboxStore implements OutboxStore {
  constructor(
    private readonly run: WriteRunner,
    private readonly emit: (change: StoreChange) => void,
  ) {}

  /**
   * Queues an item (`pending`, 0 attempts, `createdAt` now unless given). Idempotent: if an item with this id is
   * already in the outbox it is returned as stored and nothing changes (a sent item is never queued again).
   */
  async enqueue(
    item: Omit<OutboxItem, 'status' | 'attempts' | 'createdAt'> & Partial<OutboxItem>,
  ): Promise<OutboxItem> {
    checkItem(item, 'outbox.enqueue');
    const { stored, added } = await this.run(OUTBOX, 'readwrite', async (tx) => {
      const store = tx.objectStore('outbox');
      const existing = await store.get(item.id);
      if (existing) return { stored: existing, added: false };
      const ofCase = await store.index('byCase').getAll(item.caseId);
      const caseMax = Math.max(0, ...ofCase.map((i) => i.seq ?? 0));
      const seq = Math.max(Date.now() * 1000, lastSeq + 1, caseMax + 1);
      lastSeq = seq;
      const next: OutboxItem = {
        ...item,
        status: item.status ?? 'pending',
        attempts: item.attempts ?? 0,
        createdAt: item.createdAt ?? new Date().toISOString(),
        seq,
      };
      await store.add(next);
      return { stored: next, added: true };
    });
    if (added) this.emit({ kind: 'outbox', id: stored.id, status: stored.status });
    return stored;
  }

  get(id: string): Promise<OutboxItem | undefined> {
    return this.run(OUTBOX, 'readonly', (tx) => tx.objectStore('outbox').get(id));
  }

  /**
   * No query: every item not yet sent (`pending`, `sending`, `failed`), oldest first. `caseId`: every item of
   * that case, sent ones too. `status`: only that status. Both: both filters.
   */
  list(query: { caseId?: string; status?: OutboxStatus } = {}): Promise<OutboxItem[]> {
    const { caseId, status } = query;
    if (status !== undefined && !STATUSES.includes(status)) {
      return Promise.reject(
        new TypeError(`outbox.list: status ${JSON.stringify(status)} is not one of ${STATUSES.join(', ')}`),
      );
    }
    return this.run(OUTBOX, 'readonly', async (tx) => {
      const store = tx.objectStore('outbox');
      let items: OutboxItem[];
      if (caseId !== undefined) {
        items = await store.index('byCase').getAll(caseId);
        if (status !== undefined) items = items.filter((i) => i.status === status);
      } else {
        const wanted = status !== undefined ? [status] : UNSENT;
        items = (await Promise.all(wanted.map((s) => store.index('byStatus').getAll(s)))).flat();
      }
      return items.sort(byQueueOrder);
    });
  }

  /** Replaces the stored item (status, attempts, errors…). Its `seq` is kept if the given item has none. */
  async update(item: OutboxItem): Promise<void> {
    checkItem(item, 'outbox.update');
    if (typeof item.attempts !== 'number' || !STATUSES.includes(item.status)) {
      throw new TypeError(`outbox.update: item ${item.id} needs a status and a number of attempts`);
    }
    await this.run(OUTBOX, 'readwrite', async (tx) => {
      const store = tx.objectStore('outbox');
      const existing = await store.get(item.id);
      if (!existing) throw new Error(`outbox.update: no item ${item.id} in the outbox (enqueue it first)`);
      await store.put({ ...item, seq: item.seq ?? existing.seq });
    });
    this.emit({ kind: 'outbox', id: item.id, status: item.status });
  }
}
