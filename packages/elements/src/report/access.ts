/**
 * Who may see what in a report (indicators.md §5): names behind a number only for the commune's own staff (their
 * commune) and the provincial police (the province); every other reader sees counts only; and numbers of fewer than
 * five persons are suppressed for everyone but the commune's own staff looking at their own commune.
 */

/** The reader: abstract roles of the law versions, and the commune a commune officer works for. */
export interface ReportUser {
  id?: string;
  name?: string;
  roles: string[];
  communeCode?: string;
}

/** Roles of a commune's own staff. */
export const COMMUNE_ROLES: readonly string[] = ['commune-officer', 'commune-pc-chair', 'commune-police-head'];
/** Roles of the provincial police, who lead drug rehabilitation work since 01/03/2025. */
export const PROVINCE_ROLES: readonly string[] = ['provincial-police', 'provincial-police-director'];

/** Counts from 1 to this are suppressed (shown as "< 5"). */
export const SUPPRESS_BELOW = 5;

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
  return !!commune && any(user, COMMUNE_ROLES) && user?.communeCode === commune;
}

/** What `user` may see of a report on `commune` (`undefined` = the whole province). */
export function accessFor(user: ReportUser | undefined, commune: string | undefined): Access {
  const own = isOwnStaff(user, commune);
  return { names: own || any(user, PROVINCE_ROLES), suppress: !own };
}

/** Whether a count of persons is hidden under `access`. */
export function hidden(access: Access, count: number | null | undefined): boolean {
  return access.suppress && typeof count === 'number' && count > 0 && count < SUPPRESS_BELOW;
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
