/**
 * Optional route modules of the server, found next to this file at start: each listed module that exists is
 * imported, and its `RouteMount` export (and its OpenAPI paths, when it has them) given to `createApp`.
 *
 * - `reports.js` (packages/server/src/reports.ts): `export const mountReports: RouteMount` and optionally
 *   `export const reportsOpenApiPaths: Record<string, unknown>` — `GET /reports`.
 *
 * A module that is absent is skipped; one that fails to load stops the start with its error (a broken build
 * must not silently serve without its routes).
 */
import type { RouteMount } from './app.js';

interface OptionalModule {
  file: string;
  mount: string;
  paths: string;
}

export const OPTIONAL_ROUTES: readonly OptionalModule[] = [
  { file: './reports.js', mount: 'mountReports', paths: 'reportsOpenApiPaths' },
];

export async function loadOptionalRoutes(
  modules: readonly OptionalModule[] = OPTIONAL_ROUTES,
): Promise<{ mounts: RouteMount[]; openApiPaths: Record<string, unknown> }> {
  const mounts: RouteMount[] = [];
  let openApiPaths: Record<string, unknown> = {};
  for (const m of modules) {
    let mod: Record<string, unknown>;
    try {
      mod = (await import(new URL(m.file, import.meta.url).href)) as Record<string, unknown>;
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      if (err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes(m.file.slice(2))) continue;
      throw e;
    }
    const mount = mod[m.mount];
    if (typeof mount !== 'function') throw new Error(`${m.file} does not export the function "${m.mount}"`);
    mounts.push(mount as RouteMount);
    const paths = mod[m.paths];
    if (paths && typeof paths === 'object') openApiPaths = { ...openApiPaths, ...(paths as Record<string, unknown>) };
  }
  return { mounts, openApiPaths };
}
