/**
 * What a page gets without configuring anything: one IndexedDB store shared by every hoso element on the page,
 * and the built-in procedures as runtimes (for the case list's deadline status and titles).
 */
import { openCaseStore, type CaseStore } from '@hoso/case-store';
import type { Procedure } from '@hoso/workflow';
import { builtinProcedures, procedureList } from './content.js';

let shared: Promise<CaseStore> | undefined;

/** The page's store (database `hoso`), opened once. */
export function defaultStore(): Promise<CaseStore> {
  if (!shared) {
    shared = openCaseStore();
    shared.catch(() => (shared = undefined));
  }
  return shared;
}

/** Runtimes of the given procedures (default: all built-in ones), keyed by id. */
export async function loadProcedures(
  ids: string[] = procedureList().map((p) => p.id),
): Promise<Record<string, Procedure>> {
  const loaded = await Promise.all(ids.map(async (id) => [id, (await builtinProcedures(id)).runtime] as const));
  return Object.fromEntries(loaded);
}
