/**
 * `hoso check`: `lawRange` bounds marked `optional` that no law version sets (e.g. `durations.compulsoryAdult.max`
 * while no law file gives a `max`) are never checked at run time; each is reported as a warning at its pointer,
 * so a law author sees which values the machines are waiting for. Non-optional bounds are errors of
 * `checkDefinition` already.
 */
import { escapePointerToken } from '../build/build-error.js';
import type { JsonSource } from '../build/json-source.js';
import type { LawVersionFile } from '@hoso/workflow';
import { at, type Problem } from './problem.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether some law version sets the number `path` (a value's `n`, or `<value>.n|min|max`). */
function lawSets(laws: readonly LawVersionFile[], path: string): boolean {
  const m = /^(.*)\.(n|min|max)$/.exec(path);
  return laws.some((l) => {
    const values = (l.values ?? {}) as Record<string, Obj | null>;
    if (isObj(values[path]) && typeof values[path].n === 'number') return true;
    return !!m && isObj(values[m[1]!]) && typeof values[m[1]!]![m[2]!] === 'number';
  });
}

function guards(g: unknown, pointer: string, out: [Obj, string][]): void {
  if (!isObj(g)) return;
  out.push([g, pointer]);
  const p = isObj(g.params) ? g.params : {};
  if (Array.isArray(p.guards)) p.guards.forEach((x, i) => guards(x, `${pointer}/params/guards/${i}`, out));
  if (isObj(p.guard)) guards(p.guard, `${pointer}/params/guard`, out);
}

export function optionalLawBounds(
  source: JsonSource,
  states: Obj,
  base: string,
  laws: readonly LawVersionFile[],
): Problem[] {
  const problems: Problem[] = [];
  for (const [name, s] of Object.entries(states)) {
    if (!isObj(s)) continue;
    const p = `${base}/${escapePointerToken(name)}`;
    for (const [event, t] of Object.entries(isObj(s.on) ? s.on : {})) {
      const list = Array.isArray(t) ? t : [t];
      list.forEach((tr, i) => {
        if (!isObj(tr)) return;
        const found: [Obj, string][] = [];
        guards(tr.guard, `${p}/on/${escapePointerToken(event)}${Array.isArray(t) ? `/${i}` : ''}/guard`, found);
        for (const [g, gp] of found) {
          if (g.type !== 'lawRange' || !isObj(g.params)) continue;
          for (const k of ['min', 'max'] as const) {
            const b = g.params[k];
            if (isObj(b) && b.optional === true && typeof b.law === 'string' && !lawSets(laws, b.law)) {
              problems.push(
                at(
                  source,
                  `${gp}/params/${k}/law`,
                  'warning',
                  `no law version sets "${b.law}": this bound is never checked`,
                ),
              );
            }
          }
        }
      });
    }
    if (isObj(s.states)) problems.push(...optionalLawBounds(source, s.states, `${p}/states`, laws));
  }
  return problems;
}
