/**
 * Where `<hoso-report>` gets its `Report`: computed in the browser from the case store (`listCases()`, then the
 * engine of `@hoso/reports`), or fetched from `@hoso/server` (`GET <endpoint>/reports?from&to&communes&plan&members`
 * with the portal's bearer token). Both answer the same `ReportQuery` with the same `Report`.
 */
import type { CaseRecord, CaseStore } from '@hoso/case-store';
import type { Report, ReportCase, ReportQuery } from '@hoso/reports';
import type { PlanOption } from './period.js';

/** The indicator engine: `computeReport` of `@hoso/reports`, or any function with its signature. */
export type ComputeReport = (cases: ReportCase[], query: ReportQuery) => Report | Promise<Report>;

export interface ReportSource {
  /** The cases to compute from (already read); wins over `store` and `endpoint`. */
  cases?: readonly CaseRecord[] | undefined;
  store?: CaseStore | undefined;
  endpoint?: string | undefined;
  token?: string | undefined;
  compute?: ComputeReport | undefined;
}

/** A failure to get a report, with what went wrong in words (shown in the element's alert). */
export class ReportSourceError extends Error {
  override name = 'ReportSourceError';
}

/** The engine of `@hoso/reports` with the shipped definitions, loaded the first time a report is computed here. */
async function engine(): Promise<ComputeReport> {
  const { computeReport } = await import('@hoso/reports');
  return computeReport;
}

/** What the element reads from the shipped indicator definitions: the plans, and the indicators counting communes. */
export interface BuiltinDefinitions {
  plans: PlanOption[];
  communeCounted: Set<string>;
  /** Id of the plan whose targets are used when none is chosen. */
  defaultPlan?: string;
}

/** The shipped definitions (`defaultDefinitions()`); empty when they cannot load. */
export async function builtinDefinitions(): Promise<BuiltinDefinitions> {
  try {
    const { defaultDefinitions } = await import('@hoso/reports');
    const defs = defaultDefinitions();
    return {
      plans: defs.plans,
      defaultPlan: defs.defaultPlan,
      communeCounted: new Set(defs.indicators.filter((i) => i.per === 'commune').map((i) => i.id)),
    };
  } catch {
    return { plans: [], communeCounted: new Set() };
  }
}

/** The query string of the server's report endpoint. */
export function reportUrl(endpoint: string, query: ReportQuery): string {
  const params = new URLSearchParams({ from: query.from, to: query.to });
  if (query.communes?.length) params.set('communes', query.communes.join(','));
  if (query.plan) params.set('plan', query.plan);
  if (query.members) params.set('members', 'true');
  return `${endpoint.replace(/\/+$/, '')}/reports?${params.toString()}`;
}

async function fetchReport(
  endpoint: string,
  token: string | undefined,
  query: ReportQuery,
  lang: 'vi' | 'en',
): Promise<Report> {
  const url = reportUrl(endpoint, query);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token) headers['authorization'] = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(url, { headers });
  } catch (e) {
    throw new ReportSourceError(`${url}: ${(e as Error).message}`);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new ReportSourceError(`${url}: HTTP ${response.status}, the answer is not JSON`);
  }
  if (!response.ok) {
    // @hoso/server refuses with { ok: false, code, message: { vi, en }, pointer?, detail? }.
    const refusal = (body ?? {}) as { code?: unknown; message?: unknown; detail?: unknown };
    const message = refusal.message as Partial<Record<'vi' | 'en', unknown>> | string | undefined;
    const words = typeof message === 'string' ? message : message?.[lang];
    const said = [words, refusal.detail].filter((w): w is string => typeof w === 'string' && w !== '').join(' — ');
    const code = typeof refusal.code === 'string' ? `, ${refusal.code}` : '';
    throw new ReportSourceError(`${said ? `${said} ` : ''}(HTTP ${response.status}${code})`);
  }
  const report = (body as { report?: unknown })?.report ?? body;
  if (!report || typeof report !== 'object' || !Array.isArray((report as Report).indicators))
    throw new ReportSourceError(`${url}: the answer has no "indicators" list`);
  return report as Report;
}

/**
 * The reports for `queries` from `source` (the store when both are given): the cases are read once. Each answer
 * is a report or the error of that query, so a failing comparison does not hide the main report.
 */
export async function getReports(
  source: ReportSource,
  queries: ReportQuery[],
  lang: 'vi' | 'en' = 'vi',
): Promise<Array<Report | Error>> {
  const asError = (e: unknown): Error => (e instanceof Error ? e : new Error(String(e)));
  if (source.cases || source.store) {
    const [cases, compute] = await Promise.all([
      source.cases ?? source.store!.listCases(),
      source.compute ? Promise.resolve(source.compute) : engine(),
    ]);
    const out: Array<Report | Error> = [];
    for (const q of queries) {
      try {
        out.push(await compute(cases as unknown as ReportCase[], q));
      } catch (e) {
        out.push(asError(e));
      }
    }
    return out;
  }
  const { endpoint } = source;
  if (endpoint) {
    const settled = await Promise.allSettled(queries.map((q) => fetchReport(endpoint, source.token, q, lang)));
    return settled.map((r) => (r.status === 'fulfilled' ? r.value : asError(r.reason)));
  }
  throw new ReportSourceError('no source');
}

/** The report for `query` from `source` (the store when both are given). */
export async function getReport(source: ReportSource, query: ReportQuery, lang: 'vi' | 'en' = 'vi'): Promise<Report> {
  const [answer] = await getReports(source, [query], lang);
  if (answer instanceof Error) throw answer;
  return answer!;
}
