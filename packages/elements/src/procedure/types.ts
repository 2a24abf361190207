/** The public shapes `<hoso-procedure>` takes from its host page. */
import type { Case, CaseEvent } from '@hoso/workflow';

export interface ProcedureUser {
  id: string;
  name?: string;
  roles: string[];
  communeCode?: string;
}

/** Something that sends accepted events to the portal's backend (see `OutboxSender` in @hoso/case-store). */
export interface SubmissionQueue {
  queue(submission: {
    caseId: string;
    procedure: string;
    procedureVersion: string;
    lawVersion: string;
    event: CaseEvent;
    baseRev: number;
    /** The case as stored after the event, so a new case reaches a backend with its person. */
    case?: Case;
  }): Promise<unknown>;
}

/** What the element tells the person in its alert region. */
export interface ProcedureAlert {
  kind: 'refused' | 'conflict' | 'storage' | 'error';
  text: string;
  detail?: string;
}
