/** Starting deadlines when their triggering event is accepted. */
import type { DeadlineRule } from '../definition/types.js';
import type { ResolvedLaw } from '../law/law-version.js';
import type { WorkingCalendar } from '../time/calendar.js';
import { computeDue } from '../time/deadline.js';
import type { DeadlineUnit } from '../time/deadline.js';
import type { Case, CaseDeadline, CaseEvent } from './case.js';

export class LawValueMissingError extends Error {
  constructor(readonly path: string) {
    super(`law value "${path}" is missing`);
    this.name = 'LawValueMissingError';
  }
}

/** Computes and stores every rule whose `from` is this event; an open deadline with the same id is superseded. */
export function startDeadlines(
  draft: Case,
  rules: readonly DeadlineRule[],
  event: CaseEvent,
  law: ResolvedLaw,
  calendar: WorkingCalendar,
): void {
  for (const rule of rules) {
    if (rule.from !== event.type) continue;
    let n: number;
    let unit: DeadlineUnit | undefined = rule.unit;
    let basis = rule.basis ?? '';
    const extra: Partial<CaseDeadline> = {};
    if (typeof rule.n === 'number') n = rule.n;
    else {
      const v = law.values[rule.n.law];
      if (!v) {
        if (rule.n.optional) continue;
        throw new LawValueMissingError(rule.n.law);
      }
      n = v.n as number;
      unit = (v.unit as DeadlineUnit | undefined) ?? unit;
      basis = v.basis;
      extra.evidence = v.evidence;
      extra.lawPath = rule.n.law;
      if (v.uncertain) {
        extra.uncertain = true;
        if (v.note) extra.note = v.note;
      }
    }
    if (!unit) throw new LawValueMissingError(`${typeof rule.n === 'number' ? rule.id : rule.n.law}.unit`);
    if (rule.evidence && !extra.evidence) extra.evidence = rule.evidence;
    const due = computeDue({ n, unit, from: event.at, ...(rule.shift === false ? { shift: false } : {}) }, calendar);
    for (const d of draft.deadlines) {
      if (d.id === rule.id && d.metAt === undefined && d.supersededAt === undefined) d.supersededAt = event.at;
    }
    draft.deadlines.push({
      id: rule.id,
      title: rule.title,
      kind: rule.kind ?? 'limit',
      trigger: { event: event.type, at: event.at },
      n,
      unit,
      basis,
      ...extra,
      due: due.due,
      dueAt: due.dueAt,
      atRiskFrom: due.atRiskFrom,
      calendars: due.calendars,
      until: [...rule.until],
    });
  }
}
