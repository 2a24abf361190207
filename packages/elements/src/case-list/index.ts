/** `<hoso-case-list>` and the pieces a portal may reuse (search folding, row model, orders). */
export { HosoCaseList, type CaseListUser } from './hoso-case-list.js';
export { HosoCaseOpenEvent } from '../events/case-open.js';
export { fold, parseQuery, matches, type Query, type Searchable } from './search.js';
export { toRow, type CaseRow, type NextDeadline } from './case-row.js';
export { comparator, SORT_KEYS, type SortKey, type SortDirection } from './sort.js';
