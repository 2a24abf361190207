/**
 * Persons behind the cases: cases grouped by personal ID (else one person per case, `case:<id>`), indexed once by
 * procedure key, with the commune of residence over time (each case's commune from its first day, each reported
 * move from its date) and the person's sex and birth date.
 */
import type { CaseFacts } from './facts.js';
import type { PersonRef } from './types.js';
import { ageBand } from './days.js';

export interface Person {
  key: string;
  fullName?: string;
  sex?: string;
  birthDate?: string;
  cases: CaseFacts[];
  byKey: Map<string, CaseFacts[]>;
  /** Residence over time, sorted by day: the commune from `at` on. */
  communes: Array<{ at: number; commune: string }>;
}

export function personKey(c: CaseFacts): string {
  const id = c.case.person?.personalId;
  return typeof id === 'string' && id !== '' ? id : `case:${c.case.id}`;
}

export function groupPersons(all: CaseFacts[]): Person[] {
  const map = new Map<string, Person>();
  for (const c of all) {
    const key = personKey(c);
    let p = map.get(key);
    if (!p) {
      p = { key, cases: [], byKey: new Map(), communes: [] };
      map.set(key, p);
    }
    p.cases.push(c);
    const list = p.byKey.get(c.key);
    if (list) list.push(c);
    else p.byKey.set(c.key, [c]);
    const name = c.case.person?.fullName;
    if (p.fullName === undefined && typeof name === 'string') p.fullName = name;
    if (p.sex === undefined && c.sex !== undefined) p.sex = c.sex;
    if (p.birthDate === undefined && c.birthDate !== undefined) p.birthDate = c.birthDate;
    if (c.commune !== undefined) p.communes.push({ at: c.openedAt, commune: c.commune });
    for (const m of c.moves) p.communes.push(m);
  }
  for (const p of map.values()) p.communes.sort((a, b) => a.at - b.at);
  return [...map.values()];
}

/** The commune of residence on a day: the latest known on or before it, else the earliest known. */
export function communeAt(p: Person, day: number): string | undefined {
  const list = p.communes;
  if (list.length === 0) return undefined;
  let found = list[0]!.commune;
  for (const e of list) {
    if (e.at > day) break;
    found = e.commune;
  }
  return found;
}

export function personRef(p: Person, anchor: number, endDay: string): PersonRef {
  const commune = communeAt(p, anchor);
  return {
    key: p.key,
    ...(p.fullName !== undefined ? { fullName: p.fullName } : {}),
    ...(commune !== undefined ? { communeCode: commune } : {}),
    ...(p.sex !== undefined ? { sex: p.sex } : {}),
    ageBand: ageBand(p.birthDate, endDay),
    caseIds: p.cases.map((c) => c.case.id),
  };
}
