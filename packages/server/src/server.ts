/**
 * Starting the server: configuration from options and the environment, the database opened and migrated,
 * the content loaded, and the HTTP listener (@hono/node-server). `close()` stops accepting, then closes the
 * database.
 *
 * Environment: `DATABASE_URL` (PostgreSQL server; else PGlite in `HOSO_DATA_DIR`, default `./.hoso-data`),
 * `HOSO_DATA_KEY` (32-byte column key, hex or base64), `HOSO_JWT_SECRET` (HS256 secret of the portal's tokens),
 * `HOSO_MAX_UPLOAD_BYTES` (default 10 MiB), `HOSO_CORS_ORIGIN` (default `*`).
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
  });
  const host = o.host ?? '127.0.0.1';
  const server = await new Promise<ReturnType<typeof serve>>((ok, fail) => {
    const s = serve({ fetch: app.fetch, port: o.port ?? 8787, hostname: host }, () => ok(s));
    s.once('error', fail);
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    db,
    repo,
    warnings,
    close: async () => {
      await new Promise<void>((ok) => server.close(() => ok()));
      await db.close();
    },
  };
}
