/**
 * One IndexedDB transaction per store operation, with the errors mapped: a `QuotaExceededError` (thrown by a
 * request, or only visible as the transaction's `error` after the browser aborted it at commit) becomes
 * `StorageFullError`; a closed connection becomes `StoreUnavailableError`. When the work throws, the transaction is
 * aborted, so a failed write leaves nothing behind.
 *
 * Transaction lifetime: `fn` may await requests of `tx` only (no fetch, no timers, no crypto): the transaction
 * commits as soon as it has no pending request when the event loop turns.
 */
import type { IDBPTransaction, StoreNames } from 'idb';
import { toStoreError } from './errors.js';
import type { HosoDB, HosoDatabase } from './schema.js';

export type StoreTransaction<M extends IDBTransactionMode> = IDBPTransaction<HosoDB, StoreNames<HosoDB>[], M>;

export type WriteRunner = <R, M extends 'readonly' | 'readwrite'>(
  names: StoreNames<HosoDB>[],
  mode: M,
  fn: (tx: StoreTransaction<M>) => Promise<R>,
) => Promise<R>;

function transactionError(tx: { error: DOMException | null }): unknown {
  try {
    return tx.error ?? undefined;
  } catch {
    return undefined; // older engines throw while the transaction is still running
  }
}

/** A runner over the connection `connection()` returns (it throws `StoreUnavailableError` once closed). */
export function transactionRunner(connection: () => HosoDatabase): WriteRunner {
  return async (names, mode, fn) => {
    const db = connection();
    let tx: StoreTransaction<typeof mode>;
    try {
      tx = db.transaction(names, mode);
    } catch (error) {
      throw toStoreError(error);
    }
    const done = tx.done;
    done.catch(() => undefined); // observed below; never an unhandled rejection
    try {
      const result = await fn(tx);
      await done;
      return result;
    } catch (error) {
      try {
        tx.abort();
      } catch {
        // already committed or aborted
      }
      throw toStoreError(error, transactionError(tx));
    }
  };
}
