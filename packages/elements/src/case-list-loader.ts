/**
 * `loadCaseList()`: `<hoso-case-list>` and its reusable pieces (search folding `fold`/`parseQuery`/`matches`, the row
 * model `toRow`, the orders `comparator`/`SORT_KEYS`) from their own chunk of the bundle, so that a page showing only
 * `<hoso-procedure>` does not download them. Await it before (or right after) putting `<hoso-case-list>` on a page:
 * the element upgrades when its chunk has registered it, keeping properties set on it before.
 */
export type CaseListApi = typeof import('./case-list/index.js');

/** Loads the case-list chunk, registers `<hoso-case-list>` and returns the module (the same one on every call). */
export async function loadCaseList(): Promise<CaseListApi> {
  return import('./case-list/index.js');
}
