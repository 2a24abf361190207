/**
 * Opening the database: `openDB` with the numbered migrations of `migrations/` applied in order inside the
 * `versionchange` transaction, and the ways opening goes wrong turned into `StoreUnavailableError` /
 * `MigrationError` / `StorageFullError`.
 */
import { wrap, type OpenDBCallbacks } from 'idb';
import { CaseStoreError, MigrationError, StoreUnavailableError, toStoreError } from './errors.js';
import { MIGRATIONS } from './migrations/index.js';
import type { DatabaseMigration, HosoDB, HosoDatabase, UpgradeTransaction } from './schema.js';

/** The schema version this code writes: the last migration's. */
export const DB_VERSION: number = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export interface OpenDatabaseOptions {
  /** The IndexedDB to use: default the global `indexedDB`; a Storage Bucket's `bucket.indexedDB` works too. */
  factory?: IDBFactory;
  /** Another tab holds an older connection open: called at once so the UI can say "close the other tabs". */
  onBlocked?(error: StoreUnavailableError): void;
  /** Give up waiting for a blocked upgrade after this many ms (the open then rejects). Default 5000. */
  blockedTimeoutMs?: number;
  /** Another tab wants a newer version (or to delete the database): this connection must close. */
  onVersionChange(): void;
  /** The browser closed the connection abnormally. */
  onTerminated(): void;
}

/**
 * Opens (creating or migrating) the database `name` at the last of `migrations` (`DB_VERSION`). Tests pass their
 * own `migrations` to check what a failing migration leaves behind.
 */
export function openDatabase(
  name: string,
  options: OpenDatabaseOptions,
  migrations: readonly DatabaseMigration[] = MIGRATIONS,
): Promise<HosoDatabase> {
  const version = migrations[migrations.length - 1]?.version ?? DB_VERSION;
  const factory = options.factory ?? (typeof indexedDB === 'undefined' ? undefined : indexedDB);
  if (!factory) return Promise.reject(new StoreUnavailableError('no-indexeddb'));
  let migrationFailure: MigrationError | undefined;
  let settled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  return new Promise<HosoDatabase>((resolve, reject) => {
    const opening = openWith(factory, name, version, {
      upgrade(db, oldVersion, newVersion, tx) {
        tx.done.catch(() => undefined); // an aborted upgrade surfaces as the open's error, below
        const target = newVersion ?? version;
        const steps = migrations.filter((m) => m.version > oldVersion && m.version <= target);
        let step: DatabaseMigration | undefined;
        const run = async () => {
          for (step of steps) await step.apply(db, tx);
        };
        run().catch((error: unknown) => {
          migrationFailure = new MigrationError(
            `database "${name}" from version ${oldVersion} to ${target}: migration ${step?.version} (${step?.description}) failed: ${String(error)}`,
            error,
          );
          try {
            tx.abort();
          } catch {
            // already finished or aborted: the open fails either way
          }
        });
      },
      blocked() {
        const error = new StoreUnavailableError('blocked');
        options.onBlocked?.(error);
        if (timer !== undefined) return;
        timer = setTimeout(() => {
          if (settled) return;
          settled = true;
          reject(error);
        }, options.blockedTimeoutMs ?? 5000);
      },
      blocking() {
        options.onVersionChange();
      },
      terminated() {
        options.onTerminated();
      },
    });
    opening.then(
      (db) => {
        clearTimeout(timer);
        // Opened after we gave up on a blocked upgrade: the caller has its error; do not keep the connection.
        if (settled) return db.close();
        settled = true;
        resolve(db);
      },
      (error: unknown) => {
        clearTimeout(timer);
        if (settled) return;
        settled = true;
        reject(openError(error, migrationFailure));
      },
    );
  });
}

/** idb's `openDB`, over any `IDBFactory` (idb's own always uses the global one). */
function openWith(
  factory: IDBFactory,
  name: string,
  version: number,
  callbacks: OpenDBCallbacks<HosoDB>,
): Promise<HosoDatabase> {
  let request: IDBOpenDBRequest;
  try {
    request = factory.open(name, version);
  } catch (error) {
    // Some private modes throw here (InvalidStateError, SecurityError) instead of failing the request.
    return Promise.reject(new StoreUnavailableError('no-indexeddb', error));
  }
  const opening = wrap(request) as unknown as Promise<HosoDatabase>;
  request.addEventListener('upgradeneeded', (event) => {
    const db = wrap(request.result) as unknown as HosoDatabase;
    const tx = wrap(request.transaction!) as unknown as UpgradeTransaction;
    callbacks.upgrade?.(db, event.oldVersion, event.newVersion, tx, event);
  });
  request.addEventListener('blocked', (event) => callbacks.blocked?.(event.oldVersion, event.newVersion, event));
  opening
    .then((db) => {
      db.addEventListener('close', () => callbacks.terminated?.());
      db.addEventListener('versionchange', (event) => callbacks.blocking?.(event.oldVersion, event.newVersion, event));
    })
    .catch(() => undefined);
  return opening;
}

function openError(error: unknown, migrationFailure: MigrationError | undefined): unknown {
  if (migrationFailure) return migrationFailure;
  if (error instanceof CaseStoreError) return error;
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'VersionError') return new StoreUnavailableError('newer-version', error);
  const mapped = toStoreError(error);
  return mapped === error ? new StoreUnavailableError('open-failed', error) : mapped;
}
