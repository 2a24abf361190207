/**
 * `@hoso/server`: the reference backend of the hoso adapter contract (docs/adapter-contract.md,
 * docs/server.md). Re-runs every event with `@hoso/workflow` and the precompiled form validators, stores cases
 * in PostgreSQL (embedded PGlite by default) with personal data encrypted per column, trusts the portal's JWT,
 * applies each Idempotency-Key once and lets offline devices pull changes by cursor.
 */
export { startServer } from './server.js';
export type { ServerOptions, RunningServer } from './server.js';
export { createApp } from './app.js';
export type { AppOptions } from './app.js';
export { signToken, verifyToken, AuthError, DEV_JWT_SECRET } from './auth.js';
export type { User } from './auth.js';
export { ColumnCipher, parseDataKey } from './crypto.js';
export { openDatabase, openPglite, openPostgres } from './db/database.js';
export type { Database, Queryable } from './db/database.js';
export { migrate, readMigrations } from './db/migrate.js';
export { ProcedureRegistry } from './procedures.js';
export { Repository } from './store.js';
export { ApiError, serverCodes } from './errors.js';
export { openApiDocument } from './openapi.js';
