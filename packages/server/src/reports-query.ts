/**
 * Who may ask `GET /reports` for what: the query string read into a `ReportQuery` of @hoso/reports and checked
 * against the caller's token. Commune roles get their own commune only; provincial roles the whole province
 * (the server is one province's backend) or any communes of it; `members` (the names behind the numbers) only
 * for the roles allowed to see them. Every refusal says which parameter (`pointer`, a JSON pointer into the
 * query) and why, in Vietnamese and English.
 */
import type { ReportQuery } from '@hoso/reports';
import type { User } from './auth.js';
import { ApiError } from './errors.js';

/** The roles that may read reports, by scope, and those who may see the persons behind the numbers. */
export interface ReportRoles {
  commune: readonly string[];
  province: readonly string[];
  members: readonly string[];
}

export const DEFAULT_REPORT_ROLES: ReportRoles = {
  commune: ['commune-officer', 'commune-pc-chair', 'commune-police-head'],
  province: ['provincial-police', 'provincial-police-director', 'provincial-pc-chair'],
  // indicators.md §5 and the report screen: commune staff for their commune, provincial police for the province.
  members: [
    'commune-officer',
    'commune-pc-chair',
    'commune-police-head',
    'provincial-police',
    'provincial-police-director',
  ],
};

/** The longest period a report may cover (a plan period is 3 years; 10 keeps any real use open). */
export const MAX_REPORT_DAYS = 3660;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const CODE = /^[0-9A-Za-z_.-]{1,32}$/;
const PLAN = /^[a-z0-9][a-z0-9_.-]{0,63}$/;

export const REPORT_TEXT = {
  membersNotPermitted: {
    vi: 'Vai trò của bạn không được xem danh sách người trong báo cáo; chỉ xem được số liệu.',
    en: 'Your roles may not see the persons behind the report; you may see the figures only.',
  },
  reportNotPermitted: {
    vi: 'Vai trò của bạn không được xem báo cáo chỉ tiêu.',
    en: 'Your roles may not read indicator reports.',
  },
  unknownPlan: {
    vi: 'Không có kế hoạch (bộ mục tiêu) này.',
    en: 'There is no such plan (set of targets).',
  },
};

const invalid = (pointer: string, detail: string): ApiError => new ApiError('invalid-query', { pointer, detail });

/** Days since 1970-01-01 of a valid calendar day `YYYY-MM-DD`, else undefined. */
export function dayNumber(s: string): number | undefined {
  const m = DAY.exec(s);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return t / 86_400_000;
}

function day(name: 'from' | 'to', v: string | undefined): number {
  if (v === undefined || v === '') throw invalid(`/${name}`, `${name} is required (a calendar day YYYY-MM-DD)`);
  const n = dayNumber(v);
  if (n === undefined) throw invalid(`/${name}`, `${name} "${v}" is not a calendar day YYYY-MM-DD`);
  return n;
}

export type Scope = 'commune' | 'province';

/** The raw query parameters the endpoint reads (`communes` may repeat and hold comma-separated codes). */
export interface RawReportParams {
  from?: string;
  to?: string;
  communes?: string[];
  province?: string;
  plan?: string;
  members?: string;
}

/**
 * The checked query and the caller's scope; throws `ApiError` (400 `invalid-query` with a pointer, 403
 * `role-not-permitted`, `other-commune` or `members-not-permitted`).
 */
export function reportQuery(
  p: RawReportParams,
  user: User,
  roles: ReportRoles = DEFAULT_REPORT_ROLES,
  plans?: readonly string[],
): { query: ReportQuery; scope: Scope } {
  const has = (list: readonly string[]): boolean => user.roles.some((r) => list.includes(r));
  const scope: Scope | undefined = has(roles.province) ? 'province' : has(roles.commune) ? 'commune' : undefined;
  if (!scope)
    throw new ApiError('role-not-permitted', {
      message: REPORT_TEXT.reportNotPermitted,
      detail: `roles ${user.roles.join(', ') || '(none)'}; reports need one of ${[...roles.commune, ...roles.province].join(', ')}`,
    });

  const from = day('from', p.from);
  const to = day('to', p.to);
  if (to < from) throw invalid('/to', `to ${p.to} is before from ${p.from}`);
  if (to - from + 1 > MAX_REPORT_DAYS)
    throw invalid('/to', `the period has ${to - from + 1} days; at most ${MAX_REPORT_DAYS}`);

  const communes = (p.communes ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
  communes.forEach((c, i) => {
    if (!CODE.test(c)) throw invalid(`/communes/${i}`, `"${c}" is not a commune code`);
  });
  if (scope === 'commune') {
    const i = communes.findIndex((c) => c !== user.commune);
    if (i >= 0)
      throw new ApiError('other-commune', {
        pointer: `/communes/${i}`,
        detail: `commune ${communes[i]}: your roles report on commune ${user.commune} only`,
      });
  }

  if (p.province !== undefined && p.province !== '' && !CODE.test(p.province))
    throw invalid('/province', `"${p.province}" is not a province code`);

  if (p.plan !== undefined && p.plan !== '') {
    if (!PLAN.test(p.plan)) throw invalid('/plan', `"${p.plan}" is not a plan id`);
    if (plans && !plans.includes(p.plan))
      throw new ApiError('invalid-query', {
        pointer: '/plan',
        message: REPORT_TEXT.unknownPlan,
        detail: `plan "${p.plan}"; known: ${plans.join(', ')}`,
      });
  }

  let members = false;
  if (p.members !== undefined && p.members !== '') {
    if (p.members === 'true' || p.members === '1') members = true;
    else if (p.members !== 'false' && p.members !== '0')
      throw invalid('/members', `members "${p.members}" is not true or false`);
  }
  if (members && !has(roles.members))
    throw new ApiError('members-not-permitted', {
      status: 403,
      pointer: '/members',
      message: REPORT_TEXT.membersNotPermitted,
      detail: `roles ${user.roles.join(', ')}`,
    });

  const query: ReportQuery = { from: p.from!, to: p.to! };
  const unit = scope === 'commune' ? [user.commune] : [...new Set(communes)];
  if (unit.length) query.communes = unit;
  if (p.province) query.province = p.province;
  if (p.plan) query.plan = p.plan;
  if (members) query.members = true;
  return { query, scope };
}
