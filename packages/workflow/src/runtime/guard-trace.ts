/**
 * What a refused event's guards said: a raw trace (every false guard with its params, for debugging)
 * and a readable English `detail` naming each tried transition by its `description` and, for each, the
 * failing conditions (condition scopes, or the reason a guard gave with `ctx.because`).
 */
import type { Condition } from '../conditions/condition.js';
import type { ConditionEvaluator } from '../conditions/condition.js';
import type { GuardRef } from '../guards/guards.js';
import type { MachineDefinition, StateDef, TransitionDef } from '../definition/types.js';

const COMBINATORS = new Set(['all', 'any', 'not']);

export class GuardTrace {
  /** Every guard that was false, `type(params)`, in evaluation order. */
  readonly raw: string[] = [];
  /** Top-level guard evaluations (one per guarded transition XState tried), with their failing leaves. */
  readonly tops: { guard: GuardRef; ok: boolean; leaves: string[] }[] = [];
  /** The first error a guard threw (XState wraps it in its own Error). */
  error: unknown;
  #stack: string[][] = [];
  #reason: string | undefined;

  /** Runs one guard evaluation; `run` evaluates it (nested calls come back here). */
  evaluate(g: GuardRef, run: () => boolean, explain: (g: GuardRef, reason?: string) => string): boolean {
    const top = this.#stack.length === 0;
    const leaves: string[] = [];
    this.#stack.push(leaves);
    const saved = this.#reason;
    this.#reason = undefined;
    let ok: boolean;
    try {
      ok = run();
    } catch (e) {
      this.error ??= e;
      throw e;
    } finally {
      this.#stack.pop();
    }
    const reason = this.#reason;
    this.#reason = saved;
    if (!ok) {
      this.raw.push(`${g.type}(${JSON.stringify(g.params ?? {})}) was false`);
      if (g.type === 'not') leaves.push(`not: ${explain(g.params?.guard as GuardRef)} held`);
      else if (!COMBINATORS.has(g.type)) leaves.push(explain(g, reason));
    }
    if (top) this.tops.push({ guard: g, ok, leaves: ok ? [] : leaves });
    else if (!ok) this.#stack[this.#stack.length - 1]?.push(...leaves);
    return ok;
  }

  because(reason: string): false {
    this.#reason = reason;
    return false;
  }
}

/** Scopes of the parts of a condition that are false on `data`. */
export function failingScopes(c: Condition, data: unknown, conditions: ConditionEvaluator): string[] {
  if ('conditions' in c && Array.isArray(c.conditions)) {
    const parts = c.type === 'AND' ? c.conditions.filter((x) => !conditions.evaluate(x, data)) : c.conditions;
    return parts.flatMap((x) => failingScopes(x, data, conditions));
  }
  return 'scope' in c ? [c.scope] : [];
}

/** A one-line account of a guard, for people. */
export function explainGuard(
  g: GuardRef | undefined,
  data: unknown,
  conditions: ConditionEvaluator,
  reason?: string,
): string {
  if (!g || typeof g !== 'object') return 'a guard';
  const p = g.params ?? {};
  if (g.type === 'condition' && p.condition && typeof p.condition === 'object') {
    const scopes = [...new Set(failingScopes(p.condition as Condition, data, conditions))];
    const all = [...new Set(failingScopes(p.condition as Condition, undefined, { evaluate: () => false } as never))];
    return `condition on ${(scopes.length ? scopes : all).join(', ') || '#'}`;
  }
  if (g.type === 'all' || g.type === 'any') return `${g.type} of ${((p.guards as unknown[]) ?? []).length} guards`;
  if (reason) return `${g.type}: ${reason}`;
  const show = (v: unknown): string =>
    typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
      ? String(v)
      : v && typeof v === 'object' && typeof (v as { law?: unknown }).law === 'string'
        ? String((v as { law: string }).law)
        : Array.isArray(v)
          ? `${v.length} items`
          : 'object';
  const shown = Object.entries(p)
    .map(([k, v]) => `${k}: ${show(v)}`)
    .join(', ');
  return `${g.type}${shown ? ` (${shown})` : ''}`;
}

/** Transitions for `event` in the active state `state` (`a.b`), innermost first, as XState tries them. */
export function candidateTransitions(def: MachineDefinition, state: string, event: string): TransitionDef[] {
  const chain: StateDef[] = [];
  let states: Record<string, StateDef> | undefined = def.states;
  for (const name of state.split('|')[0]!.split('.')) {
    const s: StateDef | undefined = states?.[name];
    if (!s) break;
    chain.push(s);
    states = s.states;
  }
  return chain.reverse().flatMap((s) => {
    const t = s.on?.[event];
    if (t === undefined) return [];
    return (Array.isArray(t) ? t : [t]).map((x) => (typeof x === 'string' ? { target: x } : x));
  });
}

/** The readable detail of a `guard-failed` refusal. */
export function guardFailedDetail(
  trace: GuardTrace,
  transitions: TransitionDef[],
  event: string,
  state: string,
): string {
  const guarded = transitions.filter((t) => t.guard);
  const lines = trace.tops.map((top, i) => {
    const t = guarded[i]?.guard?.type === top.guard.type ? guarded[i] : undefined;
    const name = t?.description ? `"${t.description}"` : t?.target ? `to "${t.target}"` : `guard ${top.guard.type}`;
    return `(${i + 1}) ${name}: ${top.leaves.length ? top.leaves.join('; ') : 'false'}`;
  });
  const n = lines.length;
  const head = n === 1 ? 'its transition is not allowed' : `none of its ${n} transitions is allowed`;
  return `${event} in step "${state}": ${head}. ${lines.join(' ')}`;
}
