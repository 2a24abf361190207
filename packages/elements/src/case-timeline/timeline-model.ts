/**
 * The timeline of one case, read from its stored JSON: the steps taken (each accepted event of its hash-chained
 * audit: when, what, from which step to which, who) and the documents issued, with titles from the procedure.
 * Tolerant of partial records: a malformed audit entry or document is skipped, never thrown on.
 */
import type { CaseRecord } from '@hoso/case-store';
import type { Procedure, ResolvedLaw, Text } from '@hoso/workflow';
import { toRow, type CaseRow } from '../case-list/case-row.js';
import { eventTitle, stateTitle } from '../case-list/procedure-text.js';

export interface TimelineStep {
  at: string;
  event: string;
  eventTitle: Text | undefined;
  from: string;
  fromTitle: Text | undefined;
  to: string;
  toTitle: Text | undefined;
  /** Who sent it: their id and the offices of their roles under the case's law version. */
  by: string;
  offices: Text[];
}

export interface TimelineDocument {
  title: Text;
  formCode: string | null;
  issuedAt: string;
  by: string;
}

export interface TimelineCase extends CaseRow {
  steps: TimelineStep[];
  documents: TimelineDocument[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const isText = (v: unknown): v is Text => isObj(v) && typeof v['vi'] === 'string';

function lawOf(procedure: Procedure | undefined, record: CaseRecord): ResolvedLaw | undefined {
  try {
    return procedure?.law(str(record['lawVersion']), str(record.province) || undefined);
  } catch {
    return undefined;
  }
}

function steps(record: CaseRecord, procedure: Procedure | undefined): TimelineStep[] {
  const audit = Array.isArray(record['audit']) ? (record['audit'] as unknown[]) : [];
  const definition = procedure?.definition;
  const law = lawOf(procedure, record);
  return audit.filter(isObj).flatMap((entry) => {
    const at = str(entry['at']);
    const event = str(entry['event']);
    if (!at || !event) return [];
    const from = str(entry['from']);
    const to = str(entry['to']);
    const by = isObj(entry['by']) ? entry['by'] : {};
    const roles = Array.isArray(by['roles']) ? by['roles'].filter((r): r is string => typeof r === 'string') : [];
    return [
      {
        at,
        event,
        eventTitle: definition ? eventTitle(definition, from, event) : undefined,
        from,
        fromTitle: definition ? stateTitle(definition, from) : undefined,
        to,
        toTitle: definition ? stateTitle(definition, to) : undefined,
        by: str(by['id']),
        offices: law && procedure ? roles.map((r) => procedure.office(r, law)) : [],
      },
    ];
  });
}

function documents(record: CaseRecord): TimelineDocument[] {
  const docs = Array.isArray(record['documents']) ? (record['documents'] as unknown[]) : [];
  return docs.filter(isObj).flatMap((d) => {
    const issuedAt = str(d['issuedAt']);
    if (!issuedAt) return [];
    const id = str(d['id']);
    return [
      {
        title: isText(d['title']) ? d['title'] : { vi: id, en: id },
        formCode: typeof d['formCode'] === 'string' ? d['formCode'] : null,
        issuedAt,
        by: str(d['by']),
      },
    ];
  });
}

/** The person's cases in order of `createdAt` (then id), each with its steps and documents. */
export function timeline(
  records: readonly CaseRecord[],
  procedures: Readonly<Record<string, Procedure>>,
  now: string,
): TimelineCase[] {
  const nowMs = Date.parse(now);
  return [...records]
    .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id.localeCompare(b.id))
    .map((record) => {
      const procedure = procedures[record.procedure];
      return {
        ...toRow(record, procedure, now, nowMs),
        steps: steps(record, procedure),
        documents: documents(record),
      };
    });
}
