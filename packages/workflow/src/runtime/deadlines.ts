/**
 * Starting deadlines when their triggering event is accepted. A rule's length is a number, a law value
 * or a number in the case data (`n: { data, law? }`); it runs from the event's moment or from a date in
 * the data (`start: { data }`). Data that cannot give a period (absent, not a whole number ≥ 1, a start
 * after the event) throws `DeadlineDataError`, which the runtime turns into a `deadline-data-invalid` refusal.
 */
import { resolveScope } from '../conditions/condition.js';
import type { DeadlineRule } from '../definition/types.js';
import { LawValueMissingError } from '../law/law-number.js';
import type { ResolvedLaw } from '../law/law-version.js';
import type { WorkingCalendar } from '../time/calendar.js';
import { DateFormatError, localDay, parseInstant } from '../time/dates.js';
import { computeDue } from '../time/deadline.js';
import type { DeadlineUnit } from '../time/deadline.js';
import type { Case, CaseDeadline, CaseEvent } from './case.js';

export { LawValueMissingError };

export class DeadlineDataError extends Error {
  constructor(
    readonly deadline: string,
    message: string,
  ) {
    super(message);
    this.name = 'DeadlineDataError';
  }
}

/** The start moment from the data, checked: a date or date-time, not after the event. */
function startFrom(rule: DeadlineRule, scope: string, data: Record<string, unknown>, event: CaseEvent): string {
  const v = resolveScope(data, scope);
  if (v === undefined) throw new DeadlineDataError(rule.id, `no date at ${scope}`);
  let ms: number;
  try {
    ms = parseInstant(v, scope);
  } catch (e) {
    if (e instanceof DateFormatError) throw new DeadlineDataError(rule.id, e.message);
    throw e;
  }
  const eventMs = parseInstant(event.at, 'at');
  const dateOnly = typeof v === 'string' && v.length === 10;
  if (dateOnly ? localDay(ms) > localDay(eventMs) : ms > eventMs) {
    throw new DeadlineDataError(rule.id, `${scope} (${String(v)}) is after the event (${event.at})`);
  }
  return v as string;
}

/** Computes and stores every rule whose `from` is this event; an open deadline with the same id is superseded. */
export function startDeadlines(
  draft: Case,
  rules: readonly DeadlineRule[],
  event: CaseEvent,
  law: ResolvedLaw,
  calendar: WorkingCalendar,
  data: Record<string, unknown> = { ...draft.data, person: draft.person },
): void {
  for (const rule of rules) {
    if (rule.from !== event.type) continue;
    let n: number | undefined;
    let unit: DeadlineUnit | undefined = rule.unit;
    let basis = rule.basis ?? '';
    const extra: Partial<CaseDeadline> = {};
    const source: NonNullable<CaseDeadline['source']> = {};
    let lawPath: string | undefined;
    let optional = false;
    let fromData = false;
    if (typeof rule.n === 'number') n = rule.n;
    else if (typeof rule.n.data === 'string') {
      const v = resolveScope(data, rule.n.data);
      lawPath = rule.n.law;
      if (v !== undefined) {
        if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) {
          throw new DeadlineDataError(rule.id, `${rule.n.data} must be a whole number ≥ 1, got ${JSON.stringify(v)}`);
        }
        n = v;
        fromData = true;
        optional = true; // the law value then only adds its unit and basis
        source.n = { data: rule.n.data };
      } else source.n = { data: rule.n.data, fallback: 'law' };
    } else {
      lawPath = rule.n.law;
      optional = rule.n.optional === true;
    }
    const v = lawPath ? law.values[lawPath] : undefined;
    if (lawPath && !v && !optional) throw new LawValueMissingError(lawPath);
    if (lawPath && !v && !fromData) continue;
    if (lawPath && v) {
      n ??= v.n as number;
      unit = (fromData ? rule.unit : undefined) ?? (v.unit as DeadlineUnit | undefined) ?? unit;
      basis = v.basis;
      extra.evidence = v.evidence;
      extra.lawPath = lawPath;
      if (v.uncertain && !fromData) {
        extra.uncertain = true;
        if (v.note) extra.note = v.note;
      }
    }
    if (!unit) throw new LawValueMissingError(`${lawPath ?? rule.id}.unit`);
    if (n === undefined) throw new DeadlineDataError(rule.id, 'no length');
    if (rule.evidence && !extra.evidence) extra.evidence = rule.evidence;
    let from = event.at;
    if (rule.start) {
      from = startFrom(rule, rule.start.data, data, event);
      source.start = { data: rule.start.data, at: from };
    }
    if (source.n || source.start) extra.source = source;
    const due = computeDue({ n, unit, from, ...(rule.shift === false ? { shift: false } : {}) }, calendar);
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
