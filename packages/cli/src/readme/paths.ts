/**
 * The shortest way through a procedure to each of its final states (breadth-first over the
 * transitions; entering a compound state enters its initial child; a state also accepts its
 * ancestors' events). The README prints these so a reader can walk the procedure end to end.
 */
import type { ProcedureModel, StateInfo } from './model.js';

export interface Step {
  event: string;
  from: string;
  to: string;
  description?: string;
}

function enter(model: ProcedureModel, id: string): StateInfo | undefined {
  let s = model.byId.get(id);
  while (s?.initial) s = model.byId.get(s.initial);
  return s;
}

/** Final state id → the shortest list of steps from the initial state. */
export function shortestPaths(model: ProcedureModel): Map<string, Step[]> {
  const start = enter(model, model.definition.initial);
  const paths = new Map<string, Step[]>();
  if (!start) return paths;
  const seen = new Map<string, Step[]>([[start.id, []]]);
  const queue: StateInfo[] = [start];
  while (queue.length) {
    const s = queue.shift()!;
    const path = seen.get(s.id)!;
    if (s.final) {
      paths.set(s.id, path);
      continue;
    }
    for (let a: StateInfo | undefined = s; a; a = a.parent)
      for (const e of a.events)
        for (const b of e.branches) {
          if (!b.target) continue;
          const next = enter(model, b.target);
          if (!next || seen.has(next.id)) continue;
          seen.set(next.id, [
            ...path,
            { event: e.type, from: s.id, to: next.id, ...(b.description ? { description: b.description } : {}) },
          ]);
          queue.push(next);
        }
  }
  return new Map(model.states.filter((s) => paths.has(s.id)).map((s) => [s.id, paths.get(s.id)!]));
}
