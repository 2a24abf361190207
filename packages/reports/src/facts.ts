/**
 * Facts of one case (indicators.md §0) read by the rules of its procedure's facts file: dates as day numbers,
 * values as strings, the active span, commune of residence and its moves, drug tests, service entries (SVC) and
 * needs assessments (NEED). Pure: reads the persisted case JSON only.
 */
import type { FactRule, FactsFile, Pointer } from './definitions/types.js';
import type { ReportCase } from './types.js';
import { dayNumber, dayOf } from './days.js';

export interface Service {
  type: string;
  at: number;
  provider?: string;
}
export interface Need {
  needs: string[];
  eligible: boolean;
  at: number;
}
export interface Test {
  at: number;
  result: string;
}

export interface CaseFacts {
  case: ReportCase;
  /** The procedure's key (`VR`). */
  key: string;
  dates: Record<string, number>;
  values: Record<string, string>;
  openedAt: number;
  activeFrom?: number;
  activeTo?: number;
  /** Day numbers of every audited event, for `updatedIn`. */
  eventDays: number[];
  commune?: string;
  moves: Array<{ at: number; commune: string }>;
  sex?: string;
  birthDate?: string;
  tests: Test[];
  services: Service[];
  needs: Need[];
}

/** The value at a JSON pointer (RFC 6901), or `undefined`. */
const tokens = new Map<Pointer, string[]>();
export function valueAt(root: unknown, pointer: Pointer): unknown {
  let parts = tokens.get(pointer);
  if (!parts) {
    parts =
      pointer === ''
        ? []
        : pointer
            .slice(1)
            .split('/')
            .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
    tokens.set(pointer, parts);
  }
  let node = root;
  for (const part of parts) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

const num = (day: string | undefined): number | undefined => (day === undefined ? undefined : dayNumber(day));
const asList = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** The day of the first (or last) audit entry that matches. `days[i]` is the day number of `audit[i]`. */
function auditDay(
  c: ReportCase,
  days: Array<number | undefined>,
  match: (i: number) => boolean,
  occurrence: 'first' | 'last',
): number | undefined {
  const n = c.audit.length;
  for (let k = 0; k < n; k++) {
    const i = occurrence === 'first' ? k : n - 1 - k;
    if (match(i)) return days[i];
  }
  return undefined;
}

function closedAt(c: ReportCase): number | undefined {
  const last = c.audit[c.audit.length - 1];
  return c.status === 'closed' && last ? num(dayOf(last.at)) : undefined;
}

function ruleApplies(c: ReportCase, rule: FactRule): boolean {
  if (!rule.when) return true;
  const v = valueAt(c.data, rule.when.data);
  if (rule.when.exists !== undefined) return (v !== undefined && v !== null && v !== '') === rule.when.exists;
  const wanted = rule.when.equals;
  return Array.isArray(wanted) ? wanted.includes(v) : v === wanted;
}

/** One rule's result: a day number (date facts) or a string (value facts), or `undefined`. */
function readRule(
  c: ReportCase,
  days: Array<number | undefined>,
  rule: FactRule,
  type: 'date' | 'value',
  opened: number,
): number | string | undefined {
  if (!ruleApplies(c, rule)) return undefined;
  const occurrence = rule.occurrence ?? 'first';
  let moment: number | undefined;
  if (rule.event !== undefined) {
    const events = asList(rule.event);
    moment = auditDay(c, days, (i) => events.includes(c.audit[i]!.event), occurrence);
    if (moment === undefined) return undefined;
  } else if (rule.state !== undefined) {
    const states = asList(rule.state);
    const hit = (to: string): boolean => states.some((st) => to === st || to.startsWith(`${st}.`));
    moment = auditDay(c, days, (i) => hit(c.audit[i]!.to), occurrence);
    if (moment === undefined) return undefined;
  }
  if (rule.case !== undefined) {
    if (rule.case === 'openedAt') return type === 'date' ? opened : undefined;
    if (rule.case === 'closedAt') return type === 'date' ? closedAt(c) : undefined;
    return type === 'value' && typeof c.track === 'string' ? mapped(rule, c.track) : undefined;
  }
  if (type === 'date') {
    const fromData = rule.data === undefined ? undefined : num(dayOf(valueAt(c.data, rule.data)));
    return fromData ?? moment;
  }
  if (rule.value !== undefined) return rule.value;
  if (rule.data === undefined) return undefined;
  const v = valueAt(c.data, rule.data);
  return v === undefined || v === null || typeof v === 'object' ? undefined : mapped(rule, String(v));
}

function mapped(rule: FactRule, v: string): string | undefined {
  return rule.map ? rule.map[v] : v;
}

function firstString(c: ReportCase, pointers: Pointer[] | undefined): string | undefined {
  for (const p of pointers ?? []) {
    const v = valueAt(c.data, p);
    if (typeof v === 'string' && v !== '') return v;
  }
  return undefined;
}

function entries(c: ReportCase, pointer: Pointer): unknown[] {
  const v = valueAt(c.data, pointer);
  return Array.isArray(v) ? v : v && typeof v === 'object' ? [v] : [];
}

const factLists = new WeakMap<FactsFile, Array<[string, FactsFile['facts'][string]]>>();

/** Reads every fact of a case by its procedure's rules. */
export function caseFacts(c: ReportCase, file: FactsFile): CaseFacts {
  const days = c.audit.map((a) => num(dayOf(a.at)));
  const eventDays = days.filter((n): n is number => n !== undefined);
  const opened = eventDays[0] ?? num(dayOf(c.createdAt)) ?? 0;
  const dates: Record<string, number> = {};
  const values: Record<string, string> = {};
  const closed = closedAt(c);
  if (closed !== undefined) dates.closedAt = closed;
  dates.openedAt = opened;
  let defs = factLists.get(file);
  if (!defs) factLists.set(file, (defs = Object.entries(file.facts)));
  for (const [name, def] of defs) {
    for (const rule of def.from) {
      const v = readRule(c, days, rule, def.type, opened);
      if (v === undefined) continue;
      if (def.type === 'date') dates[name] = v as number;
      else values[name] = v as string;
      break;
    }
  }
  const pick = (names: string[]): number | undefined => {
    for (const n of names) if (dates[n] !== undefined) return dates[n];
    return undefined;
  };
  const moves: CaseFacts['moves'] = [];
  for (const m of file.moves) {
    if (!c.audit.some((a) => a.event === m.event)) continue;
    const at = num(dayOf(valueAt(c.data, m.at)));
    const commune = valueAt(c.data, m.commune);
    if (at !== undefined && typeof commune === 'string') moves.push({ at, commune });
  }
  const tests: Test[] = [];
  for (const t of file.tests) {
    if (!c.audit.some((a) => a.event === t.event)) continue;
    const at = num(dayOf(valueAt(c.data, t.at)));
    const result = valueAt(c.data, t.result);
    if (at !== undefined && typeof result === 'string') tests.push({ at, result });
  }
  const services: Service[] = [];
  if (file.services) {
    const s = file.services;
    for (const e of entries(c, s.data)) {
      const type = valueAt(e, s.type);
      const at = num(dayOf(valueAt(e, s.at)));
      const provider = s.provider ? valueAt(e, s.provider) : undefined;
      if (typeof type === 'string' && at !== undefined) {
        services.push({ type, at, ...(typeof provider === 'string' ? { provider } : {}) });
      }
    }
  }
  const needs: Need[] = [];
  if (file.needs) {
    const n = file.needs;
    for (const e of entries(c, n.data)) {
      const list = valueAt(e, n.needs);
      const at = num(dayOf(valueAt(e, n.at)));
      if (Array.isArray(list) && at !== undefined) {
        needs.push({
          needs: list.filter((x): x is string => typeof x === 'string'),
          eligible: valueAt(e, n.eligible) === true,
          at,
        });
      }
    }
  }
  const person = c.person ?? {};
  const birth = person.birthDate ?? person.dateOfBirth ?? firstString(c, file.person?.birthDate);
  const sex = person.sex ?? firstString(c, file.person?.sex);
  const commune = person.communeCode ?? firstString(c, file.residence);
  const activeFrom = pick(file.active.from);
  const activeTo = pick(file.active.to);
  return {
    case: c,
    key: file.key,
    dates,
    values,
    openedAt: opened,
    ...(activeFrom !== undefined ? { activeFrom } : {}),
    ...(activeTo !== undefined ? { activeTo } : {}),
    eventDays,
    ...(commune !== undefined ? { commune } : {}),
    moves,
    ...(typeof sex === 'string' ? { sex } : {}),
    ...(typeof birth === 'string' ? { birthDate: birth } : {}),
    tests,
    services,
    needs,
  };
}
