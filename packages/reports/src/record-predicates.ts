/**
 * Predicates over the records kept in cases rather than their dates: service entries (SVC), needs assessments
 * (NEED) and drug tests (TEST). `needIn` and `serviceForNeed` may be limited to the needs assessed in cases of
 * some procedures (`in: ["VR", "CR"]`): a need assessed in post-rehab does not make a facility resident.
 */
import type { CaseFacts } from './facts.js';
import { fail, isStrings, max, type CompileEnv, type Pred } from './predicate-base.js';

function casesIn(env: CompileEnv, v: unknown, ptr: string): ((c: CaseFacts) => boolean) | undefined {
  if (v === undefined) return undefined;
  if (!isStrings(v)) {
    fail(env, ptr, 'expected a non-empty list of procedure keys');
    return () => false;
  }
  for (const [i, k] of v.entries()) if (!env.keys.has(k)) fail(env, `${ptr}/${i}`, `unknown procedure key "${k}"`);
  return (c) => v.includes(c.key);
}

export function compileRecordPredicate(env: CompileEnv, name: string, x: Record<string, unknown>, ptr: string): Pred {
  const at = `${ptr}/${name}`;
  const v = x[name];
  switch (name) {
    case 'serviceIn': {
      if (v !== 'any' && !isStrings(v)) return fail(env, at, 'expected "any" or a non-empty list of service types');
      const types = v === 'any' ? null : new Set(v);
      return (p, ctx) => {
        let anchor: number | null = null;
        for (const c of p.cases) {
          for (const s of c.services) {
            if (s.at >= ctx.from && s.at <= ctx.to && (!types || types.has(s.type))) anchor = max(anchor, s.at);
          }
        }
        return anchor;
      };
    }
    case 'needIn': {
      if (!isStrings(v)) return fail(env, at, 'expected a non-empty list of needs');
      if (x.eligible !== undefined && typeof x.eligible !== 'boolean')
        fail(env, `${ptr}/eligible`, 'expected true or false');
      const eligible = x.eligible as boolean | undefined;
      const from = casesIn(env, x.in, `${ptr}/in`);
      return (p, ctx) => {
        let anchor: number | null = null;
        for (const c of p.cases) {
          if (from && !from(c)) continue;
          for (const n of c.needs) {
            if (n.at > ctx.to || (eligible !== undefined && n.eligible !== eligible)) continue;
            if (n.needs.some((k) => v.includes(k))) anchor = max(anchor, n.at);
          }
        }
        return anchor;
      };
    }
    case 'serviceForNeed': {
      if (!v || typeof v !== 'object' || Array.isArray(v)) return fail(env, at, 'expected { need: [service types] }');
      const map = v as Record<string, unknown>;
      for (const [k, list] of Object.entries(map))
        if (!isStrings(list)) fail(env, `${at}/${k}`, 'expected a non-empty list of service types');
      const from = casesIn(env, x.in, `${ptr}/in`);
      return (p, ctx) => {
        let anchor: number | null = null;
        for (const c of p.cases) {
          if (from && !from(c)) continue;
          for (const n of c.needs) {
            if (n.at > ctx.to) continue;
            const types = new Set(n.needs.flatMap((k) => (isStrings(map[k]) ? map[k] : [])));
            for (const c2 of p.cases) {
              for (const s of c2.services) {
                if (s.at >= n.at && s.at <= ctx.to && types.has(s.type)) anchor = max(anchor, s.at);
              }
            }
          }
        }
        return anchor;
      };
    }
    case 'testIn': {
      if (!isStrings(v)) return fail(env, at, 'expected a non-empty list of results');
      return (p, ctx) => {
        let anchor: number | null = null;
        for (const c of p.cases)
          for (const t of c.tests)
            if (t.at >= ctx.from && t.at <= ctx.to && v.includes(t.result)) anchor = max(anchor, t.at);
        return anchor;
      };
    }
  }
  return fail(env, at, `unknown predicate "${name}"`);
}
