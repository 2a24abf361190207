/**
 * One row of the case list, derived from a stored case at a moment `now`: who, which procedure, which step, and
 * the next open time limit with its status and working days left. Derived through `Procedure.view`, so a row says
 * exactly what the procedure screen says; a case whose procedure is not loaded still shows its stored facts.
 */
import type { CaseRecord } from '@hoso/case-store';
import {
  deadlineStatus,
  type Case,
  type DeadlineStatus,
  type DeadlineUnit,
  type Procedure,
  type Text,
} from '@hoso/workflow';
import type { RowStatus } from '../i18n/cases.js';
import { searchable, type Searchable } from './search.js';
import { workingDaysLeft } from './working-days.js';

export interface NextDeadline {
  title: Text;
  /** Vietnam day of the due date (`2026-06-18`) and the due instant. */
  due: string;
  dueAt: string;
  unit: DeadlineUnit;
  status: Exclude<DeadlineStatus, 'met'>;
  /** > 0 working days left, 0 due today, < 0 working days overdue; undefined without a calendar. */
  workingDays: number | undefined;
}

export interface CaseRow {
  id: string;
  procedure: string;
  name: string;
  personalId: string;
  procedureTitle: Text | undefined;
  state: string;
  stateTitle: Text | undefined;
  status: 'active' | 'closed';
  next: NextDeadline | undefined;
  rowStatus: RowStatus;
  /** The case could not be read by its procedure (corrupt or from an unknown version). */
  unreadable: boolean;
  createdAt: string;
  updatedAt: string;
  search: Searchable;
}

interface OpenDeadline {
  title: Text;
  due: string;
  dueAt: string;
  unit: DeadlineUnit;
  kind?: string;
  status: DeadlineStatus;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The open time limits of a record read without its procedure (stored instants only). */
function storedDeadlines(record: CaseRecord, nowMs: number): OpenDeadline[] {
  return record.deadlines
    .filter((d) => d['supersededAt'] === undefined && typeof d.dueAt === 'string')
    .map((d) => ({
      title: (d['title'] as Text | undefined) ?? { vi: d.id, en: d.id },
      due: str(d['due']) || d.dueAt.slice(0, 10),
      dueAt: d.dueAt,
      unit: (d['unit'] as DeadlineUnit | undefined) ?? 'days',
      kind: str(d['kind']),
      status: deadlineStatus({ dueAt: d.dueAt, atRiskFrom: str(d['atRiskFrom']) || d.dueAt, metAt: d.metAt }, nowMs),
    }));
}

/** Builds the row of `record` at `now` (ISO instant; `nowMs` its epoch milliseconds). */
export function toRow(record: CaseRecord, procedure: Procedure | undefined, now: string, nowMs: number): CaseRow {
  let stateTitle: Text | undefined;
  let deadlines: OpenDeadline[] = [];
  let unreadable = false;
  try {
    if (procedure) {
      const view = procedure.view(record as unknown as Case, { now });
      stateTitle = view.stateTitle.vi || view.stateTitle.en ? view.stateTitle : undefined;
      deadlines = view.deadlines;
    } else {
      deadlines = storedDeadlines(record, nowMs);
    }
  } catch {
    unreadable = true;
  }
  // A `period` (e.g. a rehab term) runs out by itself: only limits someone must meet compete for "next".
  const open = deadlines
    .filter((d) => d.status !== 'met' && d.kind !== 'period')
    .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
  const first = open[0];
  const next: NextDeadline | undefined = first
    ? {
        title: first.title,
        due: first.due,
        dueAt: first.dueAt,
        unit: first.unit,
        status: first.status as NextDeadline['status'],
        workingDays: procedure ? workingDaysLeft(procedure.calendar, first.due, nowMs) : undefined,
      }
    : undefined;
  const status = record.status === 'closed' ? 'closed' : 'active';
  const name = str(record.person?.fullName);
  const personalId = str(record.person?.personalId);
  return {
    id: record.id,
    procedure: record.procedure,
    name,
    personalId,
    procedureTitle: procedure?.definition.title,
    state: record.state,
    stateTitle,
    status,
    next,
    rowStatus: status === 'closed' ? 'closed' : (next?.status ?? 'none'),
    unreadable,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    search: searchable(name, personalId),
  };
}
