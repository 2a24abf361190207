/**
 * Reference checks the meta-schema cannot express: guard and action names exist, targets exist,
 * deadline events exist, document ids exist, law paths exist in at least one law version, and where data goes
 * (`check-data.ts`: collected keys, document number/date pointers).
 * Each problem names a JSON pointer into machine.json.
 */
import type { LawVersionFile } from '../law/law-version.js';
import type { MachineDefinition, StateDef, TransitionDef } from './types.js';
import { checkDataKeys } from './check-data.js';

export interface DefinitionProblem {
  pointer: string;
  message: string;
}

export function checkDefinition(
  def: MachineDefinition,
  known: { guards: string[]; actions: string[]; laws?: readonly LawVersionFile[] },
): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const lawPaths = new Set((known.laws ?? []).flatMap((l) => Object.keys(l.values ?? {})));
  const checkLaw = (path: string, pointer: string): void => {
    if (known.laws && !lawPaths.has(path)) problems.push({ pointer, message: `no law version defines "${path}"` });
  };
  const events = new Set<string>();
  const collect = (states: Record<string, StateDef>): void => {
    for (const s of Object.values(states)) {
      Object.keys(s.on ?? {}).forEach((e) => events.add(e));
      if (s.states) collect(s.states);
    }
  };
  collect(def.states);
  // Which states each event can lead into (top-level targets and targetless self-transitions).
  const entered = new Map<string, Set<string>>();
  const note = (event: string, state: string): void => {
    if (!entered.has(event)) entered.set(event, new Set());
    entered.get(event)?.add(state);
  };
  for (const [name, s] of Object.entries(def.states)) {
    for (const [event, t] of Object.entries(s.on ?? {})) {
      for (const tr of Array.isArray(t) ? t : [t]) {
        const target = typeof tr === 'string' ? tr : tr.target;
        note(event, target && !target.startsWith('.') && !target.startsWith('#') ? target : name);
      }
    }
  }
  const checkGuard = (g: unknown, pointer: string): void => {
    if (!g || typeof g !== 'object') return;
    const { type, params } = g as { type: string; params?: Record<string, unknown> };
    if (!known.guards.includes(type)) {
      problems.push({
        pointer: `${pointer}/type`,
        message: `unknown guard "${type}" (known: ${known.guards.join(', ')})`,
      });
    }
    if (type === 'all' || type === 'any') {
      ((params?.guards as unknown[]) ?? []).forEach((x, i) => checkGuard(x, `${pointer}/params/guards/${i}`));
    }
    if (type === 'not') checkGuard(params?.guard, `${pointer}/params/guard`);
    if (type === 'lawRange') {
      for (const k of ['min', 'max'] as const) {
        const b = params?.[k];
        const ref = typeof b === 'string' ? b : b && typeof b === 'object' ? (b as { law?: unknown }).law : undefined;
        const optional = !!b && typeof b === 'object' && (b as { optional?: unknown }).optional === true;
        if (typeof ref === 'string' && !optional) {
          const base = /\.(n|min|max)$/.test(ref) && !lawPaths.has(ref) ? ref.replace(/\.(n|min|max)$/, '') : ref;
          checkLaw(base, `${pointer}/params/${k}${typeof b === 'string' ? '' : '/law'}`);
        }
      }
    }
    if (type === 'sender') {
      for (const k of ['sameAs', 'differentFrom'] as const) {
        const e = params?.[k];
        if (typeof e === 'string' && !events.has(e))
          problems.push({ pointer: `${pointer}/params/${k}`, message: `event "${e}" does not exist` });
      }
    }
  };
  const walk = (states: Record<string, StateDef>, base: string, siblings: string[]): void => {
    for (const [name, s] of Object.entries(states)) {
      const p = `${base}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (s.states && s.type !== 'final' && s.initial === undefined) {
        problems.push({
          pointer: p,
          message: `compound state "${name}" has no "initial" (give the child state it enters first: ${Object.keys(s.states).join(', ')})`,
        });
      }
      if (s.initial && !(s.states && s.initial in s.states)) {
        problems.push({ pointer: `${p}/initial`, message: `initial state "${s.initial}" does not exist` });
      }
      for (const [event, t] of Object.entries(s.on ?? {})) {
        const list: (TransitionDef | string)[] = Array.isArray(t) ? t : [t];
        list.forEach((tr, i) => {
          const tp = Array.isArray(t) ? `${p}/on/${event}/${i}` : `${p}/on/${event}`;
          const target = typeof tr === 'string' ? tr : tr.target;
          if (target && !target.startsWith('#') && !target.startsWith('.') && !siblings.includes(target)) {
            problems.push({
              pointer: `${tp}${typeof tr === 'string' ? '' : '/target'}`,
              message: `target "${target}" is not a state here`,
            });
          }
          if (typeof tr === 'string') return;
          checkGuard(tr.guard, `${tp}/guard`);
          const actions = tr.actions === undefined ? [] : Array.isArray(tr.actions) ? tr.actions : [tr.actions];
          actions.forEach((a, k) => {
            const ap = Array.isArray(tr.actions) ? `${tp}/actions/${k}` : `${tp}/actions`;
            if (!known.actions.includes(a.type)) {
              problems.push({
                pointer: `${ap}/type`,
                message: `unknown action "${a.type}" (known: ${known.actions.join(', ')})`,
              });
            }
            if (a.type === 'issueDocument' && !def.meta?.documents?.[String(a.params?.document)]) {
              problems.push({
                pointer: `${ap}/params/document`,
                message: `document "${String(a.params?.document)}" is not in meta.documents`,
              });
            }
          });
        });
        if (!s.meta?.events?.[event]?.roles && !s.meta?.roles) {
          problems.push({
            pointer: `${p}/meta`,
            message: `no roles may send "${event}": give meta.roles or meta.events.${event}.roles`,
          });
        }
      }
      for (const e of Object.keys(s.meta?.events ?? {})) {
        if (!s.on?.[e])
          problems.push({ pointer: `${p}/meta/events/${e}`, message: `state has no transition for "${e}"` });
      }
      (s.meta?.deadlines ?? []).forEach((d, i) => {
        const dp = `${p}/meta/deadlines/${i}`;
        if (!events.has(d.from)) problems.push({ pointer: `${dp}/from`, message: `event "${d.from}" does not exist` });
        else if (base === '/states' && s.states === undefined && !entered.get(d.from)?.has(name)) {
          problems.push({
            pointer: `${dp}/from`,
            message: `"${d.from}" never leads into "${name}", so this deadline would never start (put it in the state "${d.from}" enters)`,
          });
        }
        d.until.forEach((u, k) => {
          if (!events.has(u)) problems.push({ pointer: `${dp}/until/${k}`, message: `event "${u}" does not exist` });
        });
        if (typeof d.n === 'number' && !d.unit)
          problems.push({ pointer: `${dp}/unit`, message: 'a numeric "n" needs a "unit"' });
        if (typeof d.n === 'object') checkLaw(d.n.law, `${dp}/n/law`);
        if (typeof d.n === 'number' && !d.basis)
          problems.push({ pointer: dp, message: 'a numeric deadline needs a "basis"' });
      });
      (s.meta?.documents ?? []).forEach((id, i) => {
        if (!def.meta?.documents?.[id])
          problems.push({ pointer: `${p}/meta/documents/${i}`, message: `document "${id}" is not in meta.documents` });
      });
      if (s.states) walk(s.states, `${p}/states`, Object.keys(s.states));
    }
  };
  if (!(def.initial in def.states))
    problems.push({ pointer: '/initial', message: `initial state "${def.initial}" does not exist` });
  walk(def.states, '/states', Object.keys(def.states));
  for (const [id, d] of Object.entries(def.meta?.documents ?? {})) {
    if (d.form) checkLaw(d.form.law, `/meta/documents/${id}/form/law`);
  }
  problems.push(...checkDataKeys(def));
  return problems;
}
