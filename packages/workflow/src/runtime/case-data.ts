/**
 * Where an event's data goes in the case, and what guards see of it.
 *
 * - By default an event's data replaces `case.data[dataKey]` (`dataKey` defaults to the event type).
 * - With `meta.events.<TYPE>.collect: true` the data is appended to the array `case.data[dataKey]`, oldest first,
 *   each entry exactly the event's data (its moment is in the audit entry). Service entries are recorded this way.
 * - Guards and deadline rules see the case data as it will be if the event is accepted (the incoming data under
 *   its key, or appended to the array of a `collect` key), the person, and `$event: { type, at, by, data? }`.
 * - `readPointer` reads a value at a JSON pointer (RFC 6901) in the case data: documents take their number and date
 *   from there (`meta.documents.<id>.number` / `.date`).
 */
import type { EventMeta } from '../definition/types.js';
import type { Case, CaseEvent } from './case.js';

/** The case data has a non-array value under a `collect` key (a case started under an older definition). */
export class CollectDataError extends Error {
  readonly dataKey: string;
  constructor(dataKey: string) {
    super(
      `case data "${dataKey}" holds a single value, not a list of entries: the event appends to "${dataKey}" (collect), so it cannot be recorded on this case`,
    );
    this.name = 'CollectDataError';
    this.dataKey = dataKey;
  }
}

/** The data key of an event in the active state's meta (default: the event type). */
export function dataKeyOf(meta: Record<string, EventMeta>, type: string): string {
  return meta[type]?.dataKey ?? type;
}

/** Whether the event's data is appended (`collect`) rather than stored in place. */
export function collects(meta: Record<string, EventMeta>, type: string): boolean {
  return meta[type]?.collect === true;
}

/** The value under `key` once `incoming` is recorded (a new array for a collect key; the data is not copied). */
export function recordedValue(current: unknown, incoming: unknown, key: string, collect: boolean): unknown {
  if (!collect) return incoming;
  if (current === undefined) return [incoming];
  if (!Array.isArray(current)) throw new CollectDataError(key);
  return [...(current as unknown[]), incoming];
}

/** Stores the event's data in the (draft) case: replaces, or appends for a collect key. */
export function storeEventData(draft: Case, event: CaseEvent, key: string, collect: boolean): void {
  if (event.data === undefined) return;
  draft.data[key] = recordedValue(draft.data[key], structuredClone(event.data), key, collect);
}

/**
 * The data guards and deadline rules read: case data, `person`, the event's data under its key (appended for a
 * collect key), and `$event`. `stored`: the case already holds the event's data (deadline rules after storing).
 */
export function guardData(
  c: Case,
  event: CaseEvent,
  key: string,
  collect: boolean,
  stored = false,
): Record<string, unknown> {
  const data: Record<string, unknown> = { ...c.data, person: c.person };
  if (event.data !== undefined && !stored) data[key] = recordedValue(c.data[key], event.data, key, collect);
  data.$event = {
    type: event.type,
    at: event.at,
    by: { id: event.by.id, roles: [...event.by.roles] },
    ...(event.data !== undefined ? { data: event.data } : {}),
  };
  return data;
}

/** A JSON pointer's tokens (`/a/b~1c` → `['a', 'b/c']`); throws on a pointer not starting with `/`. */
export function pointerTokens(pointer: string): string[] {
  if (!pointer.startsWith('/')) throw new Error(`JSON pointer "${pointer}" must start with "/"`);
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The value at a JSON pointer in `data`, or undefined. Array indices are decimal tokens. */
export function readPointer(data: unknown, pointer: string): unknown {
  let node: unknown = data;
  for (const token of pointerTokens(pointer)) {
    if (Array.isArray(node)) {
      if (!/^(0|[1-9]\d*)$/.test(token)) return undefined;
      node = node[Number(token)];
    } else if (node && typeof node === 'object' && Object.prototype.hasOwnProperty.call(node, token)) {
      node = (node as Record<string, unknown>)[token];
    } else return undefined;
  }
  return node;
}
