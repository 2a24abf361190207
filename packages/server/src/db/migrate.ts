/**
 * Numbered, forward-only SQL migrations (`packages/server/migrations/NNN_name.sql`). Each one runs in its own
 * transaction together with its row in `schema_migrations`, so a migration is applied entirely or not at all;
 * an advisory lock keeps two servers starting at once from applying the same one twice.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.js';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The migration files in order; a file not named `NNN_name.sql` or a repeated number is an error. */
export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const list = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .map((f) => {
      const m = /^(\d{3})_([a-z0-9_-]+)\.sql$/.exec(f);
      if (!m) throw new Error(`migration file "${f}" in ${dir} is not named NNN_name.sql`);
      return { version: Number(m[1]), name: m[2]!, sql: readFileSync(`${dir}/${f}`, 'utf8') };
    })
    .sort((a, b) => a.version - b.version);
  list.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${String(i + 1).padStart(3, '0')} is missing in ${dir}`);
  });
  return list;
}

/** Applies what is not applied yet; returns the versions applied now. */
export async function migrate(db: Database, migrations = readMigrations()): Promise<number[]> {
  await db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  const applied: number[] = [];
  for (const m of migrations) {
    const done = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(7001)');
      const seen = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [m.version]);
      if (seen.length) return false;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      return true;
    });
    if (done) applied.push(m.version);
  }
  const known = await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
  const newest = known[known.length - 1]?.version ?? 0;
  if (newest > migrations.length)
    throw new Error(`the database is at migration ${newest}, newer than this server (${migrations.length})`);
  return applied;
}
