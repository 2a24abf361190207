/** English strings of the case list and timeline. */
import type { CaseTerms } from './cases.terms.js';

const L = 'en-GB';
const plural = new Intl.PluralRules(L);
const n = (value: number): string => new Intl.NumberFormat(L).format(value);
const days = (d: number): string => `${n(d)} working ${plural.select(d) === 'one' ? 'day' : 'days'}`;
const cases = (c: number): string => `${n(c)} ${plural.select(c) === 'one' ? 'case' : 'cases'}`;

export const casesEn: CaseTerms = {
  locale: L,
  listCaption: (commune) => (commune ? `Cases of commune ${commune}` : 'Cases on this device'),
  searchLabel: 'Search by name or personal ID',
  searchHint: 'Accents are optional; the first digits of a personal ID are enough.',
  procedureFilter: 'Procedure',
  allProcedures: 'All procedures',
  statusFilter: 'Status',
  allStatuses: 'All statuses',
  rowStatus: {
    overdue: 'Overdue',
    'at-risk': 'Due soon',
    due: 'On time',
    none: 'No running time limit',
    closed: 'Closed',
  },
  columns: {
    name: 'Full name',
    personalId: 'Personal ID',
    procedure: 'Procedure',
    step: 'Current step',
    deadline: 'Next time limit',
    status: 'Status',
  },
  caseStatus: { active: 'In progress', closed: 'Closed' },
  deadlineStatus: { due: 'On time', 'at-risk': 'Due soon', overdue: 'Overdue', met: 'Met' },
  workingDaysLeft: (d) => `${days(d)} left`,
  dueToday: 'due by the end of today',
  overdueBy: (d) => `${days(d)} overdue`,
  noDeadline: 'No running time limit',
  resultCount: (shown, total) => (shown === total ? cases(total) : `${n(shown)} of ${cases(total)} found`),
  loading: 'Loading cases…',
  empty: 'There are no cases on this device yet.',
  noMatch: 'No case matches the search.',
  loadError: (message) => `The cases could not be read: ${message}`,
  badNow: (value) =>
    `The now attribute is not a valid instant (ISO 8601, e.g. 2026-07-14T10:00:00+07:00): "${value}". Using the current time.`,
  unreadable: 'This case could not be read',
  unnamed: '(no name yet)',
  pages: 'Pages',
  previousPage: 'Previous page',
  nextPage: 'Next page',
  pageOf: (page, pages) => `Page ${n(page)} of ${n(pages)}`,

  timelineTitle: (name) => (name ? `Cases of ${name}, in order` : 'Cases of this person, in order'),
  noPerson: 'No person chosen (the personal ID is missing).',
  noCases: 'There are no cases of this person on this device.',
  started: 'Started',
  updated: 'Last updated',
  currentStep: 'Current step',
  steps: 'Steps taken',
  noSteps: 'No step has been taken yet.',
  documents: 'Documents issued',
  noDocuments: 'No document issued yet.',
  by: (who) => `by ${who}`,
  openCase: (procedure) => `Open the ${procedure} case`,
  caseNumber: (index, total) => `Case ${n(index)} of ${n(total)}`,
};
