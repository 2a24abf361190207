/**
 * `GET /reports?from&to&communes&plan&members[&format&lang]`: the plans' indicators computed on the server with
 * the SAME engine and definitions as the browser (`computeReport` of @hoso/reports over the generated indicator
 * definitions, workflows/generated/indicators.js), from the cases stored in PostgreSQL/PGlite, decrypted by the
 * server's column cipher exactly as the store does, and kept between requests (reports-cache.ts: each request
 * reads only the cases changed since the last). Answers the `Report` JSON (types.ts of
 * @hoso/reports), or the CSV/XLSX export of it with `format=csv|xlsx` (`lang=vi|en`).
 *
 * Scope (reports-query.ts): commune roles report on their commune, provincial roles on the province or chosen
 * communes; `members=true` only for the roles allowed to see names (else 403 `members-not-permitted`). Every
 * case of the database is read and the unit filter is the engine's (commune of residence at the event date), so
 * a person who moved into a commune counts there, exactly as in the browser.
 *
 * Suppression (indicators.md §5, the rule of `<hoso-report>`, once in @hoso/reports suppress.ts): unless the
 * caller is the commune's own staff asking for their one commune, counts of 1–4 persons in the JSON, the CSV and
 * the XLSX are `SUPPRESSED` / "< 5", with the percents and verdicts resting on them left out (`suppressedBelow: 5`
 * in the JSON); I7 and I18 count communes and are never suppressed.
 *
 * Mounted by app.ts through mounts.ts (`mountReports`, `reportsOpenApiPaths`).
 */
import type { Hono, MiddlewareHandler } from 'hono';
import {
  communeCountedIds,
  computeReport,
  defaultDefinitions,
  prepareDefinitions,
  ReportQueryError,
  reportAccess,
  SUPPRESS_BELOW,
  suppressReport,
  type Report,
  type ReportCase,
  type ReportQuery,
} from '@hoso/reports';
import { exportFileName, reportToCsv, reportToXlsx } from '@hoso/reports/export';
import type { AppEnv, RouteMount } from './app.js';
import type { Database, Queryable } from './db/database.js';
import { ApiError } from './errors.js';
import { ReportCaseCache, readChangedCases, reportView, type Stored } from './reports-cache.js';
import { DEFAULT_REPORT_ROLES, reportQuery, type ReportRoles } from './reports-query.js';
import type { Repository } from './store.js';

/** What the endpoint needs from the server (a subset of app.ts's `MountDeps`). */
export interface ReportsDeps {
  db: Database;
  repo: Repository;
  auth: MiddlewareHandler<AppEnv>;
  log?: (line: string) => void;
  roles?: ReportRoles;
  /**
   * Keep the cases between requests and read only what changed (reports-cache.ts). Default: on, unless the
   * environment says `HOSO_REPORT_CACHE=0` (then every request reads and decrypts every case).
   */
  cache?: boolean;
}

/** Every stored case, decrypted as the store decrypts it, in one REPEATABLE READ transaction (no cache). */
export async function readReportCases(db: Database, repo: Repository, pageSize?: number): Promise<ReportCase[]> {
  const rows = await db.transaction(async (tx: Queryable) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    return readChangedCases(tx, repo, '0', pageSize);
  });
  return rows.map((r) => r.case as unknown as ReportCase);
}

/** Computes the report of `query` over every stored case. */
export async function serverReport(db: Database, repo: Repository, query: ReportQuery): Promise<Report> {
  return computeReport(await readReportCases(db, repo), query);
}

const FORMATS = ['json', 'csv', 'xlsx'] as const;

/** Adds `GET /reports` to `app`, behind the server's token check. */
export function mountReports(app: Hono<AppEnv>, deps: ReportsDeps): void {
  const roles = deps.roles ?? DEFAULT_REPORT_ROLES;
  const communeCounted = communeCountedIds(defaultDefinitions());
  const cache =
    (deps.cache ?? process.env['HOSO_REPORT_CACHE'] !== '0') ? new ReportCaseCache(deps.db, deps.repo) : undefined;
  app.get('/reports', deps.auth, async (c) => {
    const user = c.get('user');
    const format = c.req.query('format') ?? 'json';
    if (!(FORMATS as readonly string[]).includes(format))
      throw new ApiError('invalid-query', { pointer: '/format', detail: `format "${format}": json, csv or xlsx` });
    const lang = c.req.query('lang') ?? 'vi';
    if (lang !== 'vi' && lang !== 'en')
      throw new ApiError('invalid-query', { pointer: '/lang', detail: `lang "${lang}": vi or en` });
    const { query } = reportQuery(
      {
        from: c.req.query('from'),
        to: c.req.query('to'),
        communes: c.req.queries('communes') ?? [],
        province: c.req.query('province'),
        plan: c.req.query('plan'),
        members: c.req.query('members'),
      },
      user,
      roles,
      [...prepareDefinitions(defaultDefinitions()).plans.keys()],
    );
    let report: Report;
    const t0 = performance.now();
    const cases = cache
      ? await cache.cases()
      : (await readReportCases(deps.db, deps.repo)).map((c) => reportView(c as unknown as Stored));
    const t1 = performance.now();
    try {
      report = computeReport(cases, query);
    } catch (e) {
      // What the engine itself refuses in a query is the caller's mistake: 400 with the field.
      if (e instanceof ReportQueryError)
        throw new ApiError('invalid-query', { pointer: `/${e.field.replace(/\[(\d+)\]/g, '/$1')}`, detail: e.message });
      throw e;
    }
    if (reportAccess({ roles: user.roles, communeCode: user.commune }, query.communes).suppress)
      report = suppressReport(report, SUPPRESS_BELOW, { except: communeCounted });
    const t2 = performance.now();
    const headers: Record<string, string> = {
      'Cache-Control': 'no-store',
      // How long reading (and decrypting) the cases and computing took: for operators and bench/report.mjs.
      'Server-Timing': `read;dur=${(t1 - t0).toFixed(1)}, compute;dur=${(t2 - t1).toFixed(1)}`,
    };
    if (format === 'csv' || format === 'xlsx') {
      headers['Content-Disposition'] = `attachment; filename="${exportFileName(report, format, lang)}"`;
      if (format === 'csv')
        return new Response(reportToCsv(report, lang), {
          headers: { ...headers, 'Content-Type': 'text/csv; charset=utf-8' },
        });
      return new Response(new Uint8Array(reportToXlsx(report, lang)), {
        headers: {
          ...headers,
          'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        },
      });
    }
    return c.json(report, 200, headers);
  });
}

// mounts.ts hands this function to createApp as a RouteMount: fail the build if the two drift apart.
const _isRouteMount: typeof mountReports extends RouteMount ? true : never = true;

const refusal = (description: string): unknown => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/refusal' } } },
});

/** The OpenAPI paths of the endpoint, merged into `/openapi.json` by app.ts. */
export const reportsOpenApiPaths: Record<string, unknown> = {
  '/reports': {
    get: {
      summary: "Indicators of the plans (R1 periodic report) computed from the cases of the user's scope",
      description:
        'The same engine and indicator definitions as the browser (@hoso/reports computeReport). Commune roles ' +
        '(commune-officer, commune-pc-chair, commune-police-head) get their own commune; provincial roles ' +
        '(provincial-police, provincial-police-director, provincial-pc-chair) the province or the communes they ' +
        'name. The persons behind each number (`members=true`) only for commune staff and provincial police. ' +
        'Counts of 1–4 persons are suppressed (-1 in the JSON, with `suppressedBelow: 5`; "< 5" in the files) ' +
        "for everyone but the commune's own staff reading their commune; I7 and I18 (communes counted) never.",
      security: [{ portalToken: [] }],
      parameters: [
        { name: 'from', in: 'query', required: true, schema: { type: 'string', format: 'date' } },
        { name: 'to', in: 'query', required: true, schema: { type: 'string', format: 'date' } },
        {
          name: 'communes',
          in: 'query',
          description: 'Commune codes, comma-separated or repeated; default: the whole scope',
          schema: { type: 'string' },
        },
        { name: 'province', in: 'query', description: 'Only cases of this province', schema: { type: 'string' } },
        { name: 'plan', in: 'query', description: 'Plan whose targets are compared', schema: { type: 'string' } },
        { name: 'members', in: 'query', schema: { type: 'boolean', default: false } },
        { name: 'format', in: 'query', schema: { type: 'string', enum: [...FORMATS], default: 'json' } },
        { name: 'lang', in: 'query', description: 'Language of csv/xlsx', schema: { enum: ['vi', 'en'] } },
      ],
      responses: {
        '200': {
          description: 'The Report (packages/reports/src/types.ts), or its CSV / XLSX export',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['query', 'periodLabel', 'indicators', 'flows', 'communes', 'casesRead', 'persons'],
              },
            },
            'text/csv': { schema: { type: 'string' } },
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
              schema: { type: 'string', format: 'binary' },
            },
          },
        },
        '400': refusal(
          '`invalid-query`: a parameter is wrong (pointer: /from, /to, /communes/<i>, /province, /plan, /members, /format, /lang)',
        ),
        '401': refusal('`unauthorized`, `token-expired`, `token-invalid`'),
        '403': refusal(
          '`role-not-permitted` (roles that do not read reports), `other-commune` (a commune role naming another commune), `members-not-permitted`',
        ),
      },
    },
  },
};
