/**
 * The PostgreSQL connection behind the server, one interface over two drivers: PGlite (real PostgreSQL in
 * WebAssembly, data in a local folder; the default, nothing to install) and `pg` for a PostgreSQL server
 * (`DATABASE_URL`). The same SQL runs on both. Values that PostgreSQL returns as `bigint` are read as text by
 * the queries themselves (`seq::text`), so both drivers give the same JS types.
 */
import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Queryable {
  /** Runs one statement with `$1…` parameters; returns the rows. */
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** A unique-key violation (SQLSTATE 23505): two writers raced for the same row. */
export const isUniqueViolation = (e: unknown): boolean =>
  typeof e === 'object' && e !== null && (e as { code?: unknown }).code === '23505';

interface PgliteLike {
  waitReady: Promise<void>;
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  exec(sql: string): Promise<unknown>;
  transaction<T>(fn: (tx: PgliteTx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
interface PgliteTx {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  exec(sql: string): Promise<unknown>;
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * PGlite serves one process: a second server on the same folder would corrupt it. The lock file holds the
 * owner's pid; a lock left by a process that no longer runs (killed) is taken over.
 */
function lockFolder(dataDir: string): () => void {
  const file = join(dataDir, 'hoso-server.lock');
  try {
    writeFileSync(file, String(process.pid), { flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    const pid = Number(readFileSync(file, 'utf8').trim());
    if (Number.isInteger(pid) && pid > 0 && alive(pid))
      throw new Error(
        `${dataDir} is in use by process ${pid}: PGlite serves one process at a time (stop it, or give another --data-dir)`,
        { cause: e },
      );
    writeFileSync(file, String(process.pid));
  }
  return () => {
    try {
      unlinkSync(file);
    } catch {
      // already gone
    }
  };
}

/** Opens (creating when needed) the PGlite database in `dataDir`, locked to this process. */
export async function openPglite(dataDir: string): Promise<Database> {
  mkdirSync(dataDir, { recursive: true });
  const unlock = lockFolder(dataDir);
  const { PGlite } = (await import('@electric-sql/pglite')) as unknown as {
    PGlite: new (dir: string) => PgliteLike;
  };
  const db = new PGlite(dataDir);
  try {
    await db.waitReady;
  } catch (e) {
    unlock();
    throw e;
  }
  const wrap = (q: PgliteTx): Queryable => ({
    query: async <T>(sql: string, params: readonly unknown[] = []) => (await q.query<T>(sql, [...params])).rows,
    exec: async (sql: string) => {
      await q.exec(sql);
    },
  });
  return {
    kind: 'pglite',
    ...wrap(db),
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    close: async () => {
      await db.close();
      unlock();
    },
  };
}

interface PgClient {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  release(): void;
}
interface PgPool {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  connect(): Promise<PgClient>;
  end(): Promise<void>;
  on(event: 'error', fn: (e: Error) => void): void;
}

/** Connects to a PostgreSQL server (`postgres://user@host:port/db`) with a small pool. */
export async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const driver = 'pg'; // no @types/pg: the few calls used are typed above
  const pg = (await import(driver)) as {
    default: { Pool: new (o: { connectionString: string; max: number }) => PgPool };
  };
  const pool = new pg.default.Pool({ connectionString: url, max: poolSize });
  // An idle client losing its connection must not bring the process down; the next query reconnects.
  pool.on('error', () => undefined);
  await pool.query('SELECT 1');
  const wrap = (q: { query: PgPool['query'] }): Queryable => ({
    query: async <T>(sql: string, params: readonly unknown[] = []) => (await q.query<T>(sql, [...params])).rows,
    exec: async (sql: string) => {
      await q.query(sql);
    },
  });
  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** `DATABASE_URL` when given, else PGlite in `dataDir`. */
export function openDatabase(o: { databaseUrl?: string | undefined; dataDir: string }): Promise<Database> {
  return o.databaseUrl ? openPostgres(o.databaseUrl) : openPglite(o.dataDir);
}
