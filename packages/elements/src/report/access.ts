/**
 * Who may see what in a report (indicators.md §5): names behind a number only for the commune's own staff (their
 * commune) and the provincial police (the province); every other reader sees counts only; and numbers of fewer than
 * five persons are suppressed for everyone but the commune's own staff looking at their own commune. The rule
 * itself lives once in `@hoso/reports` (suppress.ts: `reportAccess`, `isSmallCount`), which `@hoso/server` applies
 * to `GET /reports` too; this module adapts it to the element.
 */
import {
  COMMUNE_ROLES,
  PROVINCE_ROLES,
  SUPPRESS_BELOW,
  SUPPRESSED,
  isOwnStaff as ownStaff,
  isSmallCount,
  reportAccess,
} from '@hoso/reports';

export { COMMUNE_ROLES, PROVINCE_ROLES, SUPPRESS_BELOW };

/** The reader: abstract roles of the law versions, and the commune a commune officer works for. */
export interface ReportUser {
  id?: string;
  name?: string;
  roles: string[];
  communeCode?: string;
}

export interface Access {
  /** The report may carry `members` and numbers open the list of persons. */
  names: boolean;
  /** Numbers of 1–4 persons are hidden. */
  suppress: boolean;
}

const any = (user: ReportUser | undefined, roles: readonly string[]): boolean =>
  !!user && user.roles.some((r) => roles.includes(r));

/** Whether `user` is the own staff of the unit `commune` (`undefined` = the whole province). */
export function isOwnStaff(user: ReportUser | undefined, commune: string | undefined): boolean {
  return ownStaff(user, commune);
}

/** What `user` may see of a report on `commune` (`undefined` = the whole province). */
export function accessFor(user: ReportUser | undefined, commune: string | undefined): Access {
  return reportAccess(user, commune);
}

/**
 * Whether a count of persons is hidden under `access`: 1–4 when the reader's numbers are suppressed, and always a
 * count the server already suppressed (`SUPPRESSED`, in a report from `GET /reports`).
 */
export function hidden(access: Access, count: number | null | undefined): boolean {
  return count === SUPPRESSED || (access.suppress && isSmallCount(count, SUPPRESS_BELOW));
}

/**
 * The units `user` may choose: the commune's own staff only their commune (as `@hoso/server` allows them), everyone
 * else the province and any commune seen.
 */
export function unitChoices(
  user: ReportUser | undefined,
  seen: Iterable<string>,
): { province: boolean; communes: string[] } {
  if (any(user, COMMUNE_ROLES) && !any(user, PROVINCE_ROLES) && user?.communeCode)
    return { province: false, communes: [user.communeCode] };
  return { province: true, communes: [...new Set(seen)].sort() };
}

/**
 * The access for one indicator's numbers: indicators that count communes (I7, I18: `per: "commune"` in the
 * definitions) are not counts of persons, so they are never suppressed.
 */
export function accessOf(access: Access, indicator: string, communeCounted: ReadonlySet<string>): Access {
  return communeCounted.has(indicator) ? { ...access, suppress: false } : access;
}
