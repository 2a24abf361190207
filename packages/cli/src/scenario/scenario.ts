/** The scenario file read by `hoso simulate`, checked field by field. */
import type { CaseEvent, Person } from '@hoso/workflow';
import { DateFormatError, parseInstant } from '@hoso/workflow';
import { InputError } from './content.js';

export interface Scenario {
  procedure: string;
  province?: string;
  /** Moment the case starts (the triggering event); defaults to the first event's time. */
  createdAt?: string;
  person: Person;
  events: CaseEvent[];
  now: string;
}

function instant(v: unknown, where: string): void {
  try {
    parseInstant(v, where);
  } catch (e) {
    if (e instanceof DateFormatError) throw new InputError(e.message);
    throw e;
  }
}

export function checkScenario(o: unknown, file: string): Scenario {
  const fail = (where: string, what: string): never => {
    throw new InputError(`${file}: ${where}: ${what}`);
  };
  if (!o || typeof o !== 'object' || Array.isArray(o)) fail('/', 'a scenario must be a JSON object');
  const s = o as Record<string, unknown>;
  const allowed = ['$comment', 'procedure', 'province', 'createdAt', 'person', 'events', 'now'];
  for (const k of Object.keys(s))
    if (!allowed.includes(k)) fail(`/${k}`, `unknown property (allowed: ${allowed.join(', ')})`);
  if (typeof s.procedure !== 'string' || !s.procedure) fail('/procedure', 'a procedure id is required');
  if (s.province !== undefined && (typeof s.province !== 'string' || !/^\d{2}$/.test(s.province))) {
    fail('/province', 'a 2-digit province code (e.g. "79") is expected');
  }
  if (!s.person || typeof s.person !== 'object' || Array.isArray(s.person)) fail('/person', 'an object is required');
  if (!Array.isArray(s.events)) fail('/events', 'an array is required');
  if (s.createdAt !== undefined) instant(s.createdAt, `${file}: /createdAt`);
  instant(s.now, `${file}: /now`);
  (s.events as unknown[]).forEach((e, i) => {
    const where = `/events/${i}`;
    if (!e || typeof e !== 'object') fail(where, 'an event object is required');
    const ev = e as Record<string, unknown>;
    if (typeof ev.type !== 'string' || !ev.type) fail(`${where}/type`, 'an event type is required');
    instant(ev.at, `${file}: ${where}/at`);
    const by = ev.by as Record<string, unknown> | undefined;
    if (!by || typeof by.id !== 'string' || !Array.isArray(by.roles) || by.roles.some((r) => typeof r !== 'string')) {
      fail(`${where}/by`, '{ "id": "...", "roles": ["..."] } is required');
    }
  });
  return s as unknown as Scenario;
}
