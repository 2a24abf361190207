/**
 * Definition checks about where data goes in the case: a data key is either collected (`collect: true`, an array
 * of entries) or stored in place, never both; deadline rules cannot read a date or a number inside a collected
 * list; a document's `number`/`date` pointers start at a data key some event stores, and not a collected one.
 * Each problem names a JSON pointer into machine.json.
 */
import type { DefinitionProblem } from './check.js';
import type { MachineDefinition, StateDef } from './types.js';

const esc = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');

interface KeyUse {
  collect: string[];
  plain: string[];
}

export function checkDataKeys(def: MachineDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const keys = new Map<string, KeyUse>();
  const use = (key: string): KeyUse => {
    let u = keys.get(key);
    if (!u) keys.set(key, (u = { collect: [], plain: [] }));
    return u;
  };
  const deadlines: { pointer: string; scope: string }[] = [];
  const walk = (states: Record<string, StateDef>, base: string): void => {
    for (const [name, s] of Object.entries(states)) {
      const p = `${base}/${esc(name)}`;
      const described = s.meta?.events ?? {};
      for (const type of Object.keys(s.on ?? {})) {
        const em = described[type];
        const key = em?.dataKey ?? type;
        const pointer = em ? `${p}/meta/events/${esc(type)}` : `${p}/on/${esc(type)}`;
        use(key)[em?.collect === true ? 'collect' : 'plain'].push(pointer);
      }
      (s.meta?.deadlines ?? []).forEach((d, i) => {
        const dp = `${p}/meta/deadlines/${i}`;
        if (typeof d.n === 'object' && typeof d.n.data === 'string')
          deadlines.push({ pointer: `${dp}/n/data`, scope: d.n.data });
        if (d.start) deadlines.push({ pointer: `${dp}/start/data`, scope: d.start.data });
      });
      if (s.states) walk(s.states, `${p}/states`);
    }
  };
  walk(def.states, '/states');
  for (const [key, u] of keys) {
    if (u.collect.length && u.plain.length) {
      for (const pointer of u.collect) {
        problems.push({
          pointer: `${pointer}/collect`,
          message: `data key "${key}" is collected here (a list of entries) but stored in place by ${u.plain.join(', ')}: use one or the other`,
        });
      }
    }
  }
  const collected = (key: string): boolean => (keys.get(key)?.collect.length ?? 0) > 0;
  for (const d of deadlines) {
    const key = /^#\/properties\/([^/]+)/.exec(d.scope)?.[1];
    if (key && collected(key)) {
      problems.push({
        pointer: d.pointer,
        message: `"${d.scope}" reads inside "${key}", which is collected (a list of entries): a deadline cannot take its value from a list`,
      });
    }
  }
  for (const [id, doc] of Object.entries(def.meta?.documents ?? {})) {
    for (const field of ['number', 'date'] as const) {
      const pointer = doc[field];
      if (pointer === undefined) continue;
      const at = `/meta/documents/${esc(id)}/${field}`;
      const key = /^\/([^/]+)/.exec(pointer)?.[1]?.replace(/~1/g, '/').replace(/~0/g, '~');
      if (!key) {
        problems.push({
          pointer: at,
          message: `"${pointer}" is not a JSON pointer into the case data (e.g. "/decision/number")`,
        });
      } else if (!keys.has(key)) {
        problems.push({
          pointer: at,
          message: `"${pointer}" starts at data key "${key}", which no event stores (data keys: ${[...keys.keys()].sort().join(', ')})`,
        });
      } else if (collected(key)) {
        problems.push({
          pointer: at,
          message: `"${pointer}" reads inside "${key}", which is collected (a list of entries)`,
        });
      }
    }
  }
  return problems;
}
