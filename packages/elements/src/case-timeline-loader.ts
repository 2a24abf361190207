/**
 * `loadCaseTimeline()`: `<hoso-case-timeline>` and its read model (`timeline`) from their own chunk of the bundle, so
 * that a page showing only `<hoso-procedure>` does not download them. Await it before (or right after) putting
 * `<hoso-case-timeline>` on a page: the element upgrades when its chunk has registered it.
 */
export type CaseTimelineApi = typeof import('./case-timeline/index.js');

/** Loads the timeline chunk, registers `<hoso-case-timeline>` and returns the module (the same one on every call). */
export async function loadCaseTimeline(): Promise<CaseTimelineApi> {
  return import('./case-timeline/index.js');
}
