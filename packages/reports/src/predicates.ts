/**
 * The named predicates of indicator expressions, compiled once into functions over one person. A predicate
 * gives the day (day number) that anchors the person's residence for the unit filter and the commune breakdown
 * (the event's date; the period's end for states), or `null` when it does not hold. `all` takes the latest
 * anchor, `any` the first that holds. Every mistake in an expression is reported with its JSON pointer.
 */
import type { Where, WindowSpec } from './definitions/types.js';
import type { CaseFacts } from './facts.js';
import type { Person } from './persons.js';
import {
  fail,
  isStrings,
  max,
  needing,
  NEVER,
  NONE,
  PREDICATES,
  type CompileEnv,
  type Ctx,
  type Pred,
} from './predicate-base.js';
import { compileRecordPredicate } from './record-predicates.js';

export { PREDICATES, type CompileEnv, type Ctx, type Pred, type Problem } from './predicate-base.js';

/** `VR.startAt` → [key, fact] after checking both exist with the expected type. */
function factRef(env: CompileEnv, ref: unknown, ptr: string, type: 'date' | 'value'): [string, string] | undefined {
  if (typeof ref !== 'string' || !/^[A-Za-z0-9]+\.[A-Za-z0-9_]+$/.test(ref)) {
    env.problems.push({
      file: env.file,
      pointer: ptr,
      message: `expected "<KEY>.<fact>" such as "VR.startAt", got ${JSON.stringify(ref)}`,
    });
    return undefined;
  }
  const [key, fact] = ref.split('.') as [string, string];
  const file = env.keys.get(key);
  if (!file) {
    env.problems.push({
      file: env.file,
      pointer: ptr,
      message: `unknown procedure key "${key}" (known: ${[...env.keys.keys()].join(', ')})`,
    });
    return undefined;
  }
  const builtin = fact === 'openedAt' || fact === 'closedAt';
  const def = file.facts[fact];
  if (!builtin && !def) {
    env.problems.push({
      file: env.file,
      pointer: ptr,
      message: `"${key}" (${file.procedure}) has no fact "${fact}" (known: ${Object.keys(file.facts).join(', ')}, openedAt, closedAt)`,
    });
    return undefined;
  }
  const actual = builtin ? 'date' : def!.type;
  if (actual !== type) {
    env.problems.push({
      file: env.file,
      pointer: ptr,
      message: `"${ref}" is a ${actual} fact; a ${type} fact is needed here`,
    });
    return undefined;
  }
  return [key, fact];
}

function compileWhere(
  env: CompileEnv,
  where: unknown,
  key: string | undefined,
  ptr: string,
): (c: CaseFacts) => boolean {
  if (where === undefined) return () => true;
  if (!where || typeof where !== 'object' || Array.isArray(where)) {
    fail(env, ptr, 'expected an object { "<KEY>.<value fact>": value or [values] }');
    return () => false;
  }
  const tests: Array<[string, string[]]> = [];
  for (const [ref, wanted] of Object.entries(where as Where)) {
    const at = `${ptr}/${ref.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    const r = factRef(env, ref, at, 'value');
    if (!r) continue;
    if (key !== undefined && r[0] !== key)
      fail(env, at, `"${ref}" is not a fact of ${key}: "where" reads the same case`);
    const list = typeof wanted === 'string' ? [wanted] : wanted;
    if (!isStrings(list)) fail(env, at, 'expected a value or a non-empty list of values');
    else tests.push([r[1], list]);
  }
  return (c) => tests.every(([fact, list]) => list.includes(c.values[fact] ?? '\u0000'));
}

/** The person's latest date of fact `of` in the period (cases satisfying `where`), or null. */
function anchorOf(
  env: CompileEnv,
  spec: WindowSpec,
  ptr: string,
): ((p: Person, ctx: Ctx) => number | null) | undefined {
  const r = factRef(env, spec.of, `${ptr}/of`, 'date');
  if (!Number.isInteger(spec.workingDays) || spec.workingDays < 0) {
    fail(env, `${ptr}/workingDays`, 'expected a whole number of working days (0 or more)');
  }
  if (!r) return undefined;
  const [key, fact] = r;
  const where = compileWhere(env, spec.where, key, `${ptr}/where`);
  return (p, ctx) => {
    let found: number | null = null;
    for (const c of p.byKey.get(key) ?? NONE) {
      const d = c.dates[fact];
      if (d !== undefined && d >= ctx.from && d <= ctx.to && (!where || where(c))) found = max(found, d);
    }
    return found;
  };
}

export function compileExpr(env: CompileEnv, e: unknown, ptr: string): Pred {
  if (!e || typeof e !== 'object' || Array.isArray(e)) return fail(env, ptr, 'expected an expression object');
  const names = Object.keys(e).filter((k) => (PREDICATES as readonly string[]).includes(k));
  if (names.length !== 1) {
    return fail(
      env,
      ptr,
      `expected exactly one of ${PREDICATES.join(', ')}; got ${Object.keys(e).join(', ') || 'nothing'}`,
    );
  }
  const x = e as Record<string, unknown>;
  const name = names[0]!;
  const at = `${ptr}/${name}`;
  const v = x[name];
  switch (name) {
    case 'all':
    case 'any': {
      if (!Array.isArray(v) || v.length === 0) return fail(env, at, 'expected a non-empty list of expressions');
      const parts = v.map((sub, i) => compileExpr(env, sub, `${at}/${i}`));
      if (name === 'any') {
        const union = parts.every((f) => f.keys) ? parts.flatMap((f) => [...f.keys!]) : undefined;
        return needing((p, ctx) => {
          for (const f of parts) {
            const r = f(p, ctx);
            if (r !== null) return r;
          }
          return null;
        }, union);
      }
      const narrowest = parts.filter((f) => f.keys).sort((a, b) => a.keys!.size - b.keys!.size)[0];
      return needing((p, ctx) => {
        let anchor: number | null = null;
        for (const f of parts) {
          const r = f(p, ctx);
          if (r === null) return null;
          anchor = max(anchor, r);
        }
        return anchor;
      }, narrowest?.keys);
    }
    case 'not': {
      const inner = compileExpr(env, v, at);
      return (p, ctx) => (inner(p, ctx) === null ? ctx.to : null);
    }
    case 'set': {
      if (typeof v !== 'string' || !(v in env.sets)) {
        return fail(env, at, `unknown set ${JSON.stringify(v)} (known: ${Object.keys(env.sets).join(', ') || 'none'})`);
      }
      const done = env.compiledSets.get(v);
      if (done) return done;
      if (env.compiling.has(v)) return fail(env, at, `set "${v}" refers to itself`);
      env.compiling.add(v);
      const inner = compileExpr(env, env.sets[v], `/sets/${v}`);
      env.compiling.delete(v);
      const f = inner;
      env.compiledSets.set(v, f);
      return f;
    }
    case 'activeIn': {
      if (!isStrings(v)) return fail(env, at, 'expected a non-empty list of procedure keys');
      for (const [i, k] of v.entries()) if (!env.keys.has(k)) fail(env, `${at}/${i}`, `unknown procedure key "${k}"`);
      const key = v.length === 1 ? v[0] : undefined;
      const where = compileWhere(env, x.where, key, `${ptr}/where`);
      return needing((p, ctx) => {
        let anchor: number | null = null;
        for (const k of v) {
          for (const c of p.byKey.get(k) ?? NONE) {
            if (c.activeFrom === undefined || c.activeFrom > ctx.to) continue;
            if (c.activeTo !== undefined && c.activeTo < ctx.from) continue;
            if (where && !where(c)) continue;
            anchor = max(anchor, Math.min(ctx.to, c.activeTo ?? ctx.to));
          }
        }
        return anchor;
      }, v);
    }
    case 'factIn': {
      const r = factRef(env, v, at, 'date');
      const range = x.range ?? 'period';
      if (!['period', 'toEnd', 'ever'].includes(range as string))
        fail(env, `${ptr}/range`, 'expected "period", "toEnd" or "ever"');
      if (!r) return NEVER;
      const [key, fact] = r;
      const where = compileWhere(env, x.where, key, `${ptr}/where`);
      const lowest = range === 'period';
      const highest = range !== 'ever';
      return needing(
        (p, ctx) => {
          const list = p.byKey.get(key);
          if (!list) return null;
          let anchor: number | null = null;
          for (const c of list) {
            const d = c.dates[fact];
            if (d === undefined || (highest && d > ctx.to) || (lowest && d < ctx.from) || (where && !where(c)))
              continue;
            const a = d < ctx.to ? d : ctx.to;
            if (anchor === null || a > anchor) anchor = a;
          }
          return anchor;
        },
        [key],
      );
    }
    case 'latest': {
      const spec = v as { value?: unknown; at?: unknown; equals?: unknown } | undefined;
      if (!spec || typeof spec !== 'object') return fail(env, at, 'expected { value, at, equals }');
      const rv = factRef(env, spec.value, `${at}/value`, 'value');
      const ra = factRef(env, spec.at, `${at}/at`, 'date');
      const equals = typeof spec.equals === 'string' ? [spec.equals] : spec.equals;
      if (!isStrings(equals)) return fail(env, `${at}/equals`, 'expected a value or a non-empty list of values');
      if (!rv || !ra) return NEVER;
      if (rv[0] !== ra[0]) return fail(env, at, '"value" and "at" must be facts of the same procedure');
      const [key, valueFact] = rv;
      const dateFact = ra[1];
      return needing(
        (p, ctx) => {
          let best: CaseFacts | undefined;
          for (const c of p.byKey.get(key) ?? NONE) {
            const d = c.dates[dateFact];
            if (d !== undefined && d <= ctx.to && (!best || d >= best.dates[dateFact]!)) best = c;
          }
          return best && equals.includes(best.values[valueFact] ?? '\u0000') ? best.dates[dateFact]! : null;
        },
        [key],
      );
    }
    case 'serviceIn':
    case 'needIn':
    case 'serviceForNeed':
    case 'testIn':
      return compileRecordPredicate(env, name, x, ptr);
    case 'within':
    case 'windowClosed': {
      if (!v || typeof v !== 'object' || Array.isArray(v))
        return fail(env, at, 'expected { of, where?, workingDays, facts? }');
      const spec = v as WindowSpec;
      const anchor = anchorOf(env, spec, at);
      if (name === 'windowClosed') {
        return anchor
          ? (p, ctx) => {
              const a = anchor(p, ctx);
              return a !== null && ctx.wd.add(a, spec.workingDays) <= ctx.to ? a : null;
            }
          : NEVER;
      }
      if (!isStrings(spec.facts)) return fail(env, `${at}/facts`, 'expected a non-empty list of "<KEY>.<date fact>"');
      const targets = spec.facts
        .map((f, i) => factRef(env, f, `${at}/facts/${i}`, 'date'))
        .filter((t) => t !== undefined);
      if (!anchor) return NEVER;
      return (p, ctx) => {
        const a = anchor(p, ctx);
        if (a === null) return null;
        const limit = ctx.wd.add(a, spec.workingDays);
        for (const [key, fact] of targets) {
          for (const c of p.byKey.get(key) ?? NONE) {
            const d = c.dates[fact];
            if (d !== undefined && d >= a && d <= limit) return a;
          }
        }
        return null;
      };
    }
    case 'updatedIn': {
      if (!isStrings(v)) return fail(env, at, 'expected a non-empty list of procedure keys');
      for (const [i, k] of v.entries()) if (!env.keys.has(k)) fail(env, `${at}/${i}`, `unknown procedure key "${k}"`);
      return (p, ctx) => {
        let anchor: number | null = null;
        for (const k of v)
          for (const c of p.byKey.get(k) ?? NONE)
            for (const d of c.eventDays) if (d >= ctx.from && d <= ctx.to) anchor = max(anchor, d);
        return anchor;
      };
    }
  }
  return NEVER;
}
