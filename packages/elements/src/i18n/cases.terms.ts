/**
 * The built-in strings of `<hoso-case-list>` and `<hoso-case-timeline>`. Each language file
 * (`cases.vi.ts`, `cases.en.ts`) implements this interface completely, so a missing term does not compile.
 * Procedure, step, deadline and document titles come from the procedure content (`{ vi, en }`), not from here.
 */
import type { DeadlineStatus } from '@hoso/workflow';

/** What a row's status filter can select: a deadline status, no open deadline, or a closed case. */
export type RowStatus = Exclude<DeadlineStatus, 'met'> | 'none' | 'closed';

export interface CaseTerms {
  /** BCP 47 tag for `Intl` (dates, numbers, plurals, collation). */
  readonly locale: string;

  // <hoso-case-list>
  readonly listCaption: (communeCode: string | undefined) => string;
  readonly searchLabel: string;
  readonly searchHint: string;
  readonly procedureFilter: string;
  readonly allProcedures: string;
  readonly statusFilter: string;
  readonly allStatuses: string;
  readonly rowStatus: Readonly<Record<RowStatus, string>>;
  readonly columns: {
    readonly name: string;
    readonly personalId: string;
    readonly procedure: string;
    readonly step: string;
    readonly deadline: string;
    readonly status: string;
  };
  readonly caseStatus: Readonly<Record<'active' | 'closed', string>>;
  readonly deadlineStatus: Readonly<Record<DeadlineStatus, string>>;
  readonly workingDaysLeft: (n: number) => string;
  readonly dueToday: string;
  readonly overdueBy: (n: number) => string;
  readonly noDeadline: string;
  /** Announced politely after each search or filter change. */
  readonly resultCount: (shown: number, total: number) => string;
  readonly loading: string;
  readonly empty: string;
  readonly noMatch: string;
  readonly loadError: (message: string) => string;
  /** The element's `now` attribute is not an instant (shown to the page's developer; the clock is used). */
  readonly badNow: (value: string) => string;
  readonly unreadable: string;
  readonly unnamed: string;
  readonly pages: string;
  readonly previousPage: string;
  readonly nextPage: string;
  readonly pageOf: (page: number, pages: number) => string;

  // <hoso-case-timeline>
  readonly timelineTitle: (name: string | undefined) => string;
  readonly noPerson: string;
  readonly noCases: string;
  readonly started: string;
  readonly updated: string;
  readonly currentStep: string;
  readonly steps: string;
  readonly noSteps: string;
  readonly documents: string;
  readonly noDocuments: string;
  readonly by: (who: string) => string;
  readonly openCase: (procedure: string) => string;
  readonly caseNumber: (index: number, total: number) => string;
}
