/**
 * Orders of the case list. The default, "next time limit", puts overdue cases first (the longest overdue on
 * top), then running limits by due date, then active cases without a running limit, then closed cases.
 * Other columns sort by their shown text with the language's collation; ties fall back to the default order.
 */
import type { Lang } from '../i18n/lang.js';
import { textIn } from '../i18n/cases.js';
import type { CaseRow } from './case-row.js';

export type SortKey = 'name' | 'personalId' | 'procedure' | 'step' | 'deadline' | 'status';
export type SortDirection = 'ascending' | 'descending';

export const SORT_KEYS: readonly SortKey[] = ['name', 'personalId', 'procedure', 'step', 'deadline', 'status'];

function urgency(row: CaseRow): number {
  if (row.status === 'closed') return 3;
  if (!row.next) return 2;
  return row.next.status === 'overdue' ? 0 : 1;
}

function byDeadline(a: CaseRow, b: CaseRow): number {
  const rank = urgency(a) - urgency(b);
  if (rank !== 0) return rank;
  if (a.next && b.next) return Date.parse(a.next.dueAt) - Date.parse(b.next.dueAt);
  // Without a running limit: most recently changed first.
  return b.updatedAt.localeCompare(a.updatedAt);
}

/** A comparator for `key` in `direction`, with `lang`'s collation for text columns. */
export function comparator(key: SortKey, direction: SortDirection, lang: Lang): (a: CaseRow, b: CaseRow) => number {
  const collator = new Intl.Collator(lang === 'vi' ? 'vi' : 'en', { sensitivity: 'base', numeric: true });
  const text = (row: CaseRow): string => {
    switch (key) {
      case 'name':
        return row.name;
      case 'personalId':
        return row.personalId;
      case 'procedure':
        return textIn(row.procedureTitle, lang, row.procedure);
      case 'step':
        return textIn(row.stateTitle, lang, row.state);
      case 'status':
        return row.status;
      default:
        return '';
    }
  };
  const primary = key === 'deadline' ? byDeadline : (a: CaseRow, b: CaseRow) => collator.compare(text(a), text(b));
  const sign = direction === 'ascending' ? 1 : -1;
  return (a, b) => sign * primary(a, b) || byDeadline(a, b) || a.id.localeCompare(b.id);
}
