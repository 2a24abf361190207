/**
 * Starting the server: configuration from options and the environment, the database opened and migrated,
 * the content loaded, and the HTTP listener (@hono/node-server). `close()` stops accepting, then closes the
 * database.
 *
 * Environment: `DATABASE_URL` (PostgreSQL server; else PGlite in `HOSO_DATA_DIR`, default `./.hoso-data`),
 * `HOSO_DATA_KEY` (32-byte column key, hex or base64), `HOSO_JWT_SECRET` (HS256 secret of the portal's tokens),
 * `HOSO_MAX_UPLOAD_BYTES` (default 10 MiB), `HOSO_CORS_ORIGIN` (default `*`), `HOSO_IDEMPOTENCY_DAYS` (how long
 * the answer kept under an Idempotency-Key is kept, default 30 days: purged at start and every 6 hours).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { DEV_JWT_SECRET, DEV_SECRET_NOTICE } from './auth.js';
import { ColumnCipher, DEV_KEY_NOTICE, parseDataKey } from './crypto.js';
import { openDatabase, type Database } from './db/database.js';
import { migrate } from './db/migrate.js';
import { loadOptionalRoutes } from './mounts.js';
import { ProcedureRegistry } from './procedures.js';
import { Repository } from './store.js';
import { DEFAULT_ACCEPTED_TYPES } from './upload.js';

export interface ServerOptions {
  port?: number;
  host?: string;
  dataDir?: string;
  databaseUrl?: string;
  dataKey?: string;
  jwtSecret?: string;
  maxUploadBytes?: number;
  corsOrigin?: string;
  /** Days an Idempotency-Key's answer is kept (default `HOSO_IDEMPOTENCY_DAYS` or 30; fractions allowed). */
  idempotencyDays?: number;
  /** How often the old keys are purged while running, in ms (default 6 h; 0: only at start). */
  purgeIntervalMs?: number;
  /** Where request lines and warnings go (default: stderr). Never given personal data. */
  log?: (line: string) => void;
  env?: NodeJS.ProcessEnv;
}

export interface RunningServer {
  url: string;
  port: number;
  db: Database;
  repo: Repository;
  warnings: string[];
  /** Purges the Idempotency-Keys older than the configured age now; resolves how many were deleted. */
  purgeIdempotencyKeys(): Promise<number>;
  close(): Promise<void>;
}

const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string })
  .version;

export async function startServer(o: ServerOptions = {}): Promise<RunningServer> {
  const env = o.env ?? process.env;
  const log = o.log ?? ((l: string) => process.stderr.write(l + '\n'));
  const warnings: string[] = [];
  const { key, dev } = parseDataKey(o.dataKey || env['HOSO_DATA_KEY'] || undefined);
  if (dev) warnings.push(DEV_KEY_NOTICE);
  const jwtSecret = o.jwtSecret || env['HOSO_JWT_SECRET'] || DEV_JWT_SECRET;
  if (jwtSecret === DEV_JWT_SECRET) warnings.push(DEV_SECRET_NOTICE);
  for (const w of warnings) log(`WARNING: ${w}`);

  const databaseUrl = o.databaseUrl || env['DATABASE_URL'] || undefined;
  const dataDir = resolve(o.dataDir ?? env['HOSO_DATA_DIR'] ?? '.hoso-data');
  const [registry, db] = await Promise.all([ProcedureRegistry.load(), openDatabase({ databaseUrl, dataDir })]);
  try {
    await migrate(db);
  } catch (e) {
    await db.close();
    throw e;
  }
  const repo = new Repository(new ColumnCipher(key));
  const days = o.idempotencyDays ?? Number(env['HOSO_IDEMPOTENCY_DAYS'] ?? 30);
  if (!Number.isFinite(days) || days <= 0) {
    await db.close();
    throw new Error(`HOSO_IDEMPOTENCY_DAYS must be a number of days > 0, got "${env['HOSO_IDEMPOTENCY_DAYS']}"`);
  }
  const purge = async (): Promise<number> => {
    const n = await repo.purgeIdempotencyKeys(db, days * 86_400);
    if (n > 0) log(`purged ${n} idempotency keys older than ${days} days`);
    return n;
  };
  const optional = await loadOptionalRoutes().catch(async (e: unknown) => {
    await db.close();
    throw e;
  });
  await purge();
  const maxUpload = o.maxUploadBytes ?? Number(env['HOSO_MAX_UPLOAD_BYTES'] ?? 10 * 1024 * 1024);
  const app = createApp({
    db,
    repo,
    registry,
    jwtSecret,
    upload: { maxBytes: maxUpload, types: DEFAULT_ACCEPTED_TYPES },
    maxJsonBytes: 2 * 1024 * 1024,
    corsOrigin: o.corsOrigin ?? env['HOSO_CORS_ORIGIN'] ?? '*',
    version: VERSION,
    log,
    mounts: optional.mounts,
    openApiPaths: optional.openApiPaths,
  });
  const host = o.host ?? '127.0.0.1';
  const server = await new Promise<ReturnType<typeof serve>>((ok, fail) => {
    const s = serve({ fetch: app.fetch, port: o.port ?? 8787, hostname: host }, () => ok(s));
    s.once('error', fail);
  });
  const port = (server.address() as AddressInfo).port;
  const every = o.purgeIntervalMs ?? 6 * 3600_000;
  const timer =
    every > 0
      ? setInterval(() => {
          purge().catch((e: unknown) => log(`idempotency key purge failed: ${(e as Error).name}`));
        }, every)
      : undefined;
  timer?.unref();
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    db,
    repo,
    warnings,
    purgeIdempotencyKeys: purge,
    close: async () => {
      if (timer) clearInterval(timer);
      await new Promise<void>((ok) => server.close(() => ok()));
      await db.close();
    },
  };
}
