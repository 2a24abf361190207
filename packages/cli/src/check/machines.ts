/**
 * Machine checks of `hoso check`: the meta-schema and reference checks of @hoso/workflow, then
 * reachability (every state reachable from the initial one; every state can reach a final state),
 * events whose roles no law version defines (`role.<r>` or `authority.<r>`), and `meta.form` naming
 * a form folder that does not exist, document number/date pointers that are no field of the form storing them
 * (document-pointers.ts), and optional `lawRange` bounds no law version sets (warnings, law-bounds.ts). Steps without `meta.basis` fail the meta-schema; events with no roles and numeric deadlines without `basis` are
 * reported by `checkDefinition`.
 */
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { validateDefinitionText } from '@hoso/workflow/ajv';
import type { LawVersionFile } from '@hoso/workflow';
import { parseJsonSource } from '../build/json-source.js';
import { escapePointerToken } from '../build/build-error.js';
import { at, type Problem } from './problem.js';
import { optionalLawBounds } from './law-bounds.js';
import { documentPointers } from './document-pointers.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

interface StateNode {
  id: string;
  pointer: string;
  def: Obj;
  parent?: StateNode;
  children: StateNode[];
}

function collect(
  states: Obj,
  pointer: string,
  prefix: string,
  parent: StateNode | undefined,
  out: StateNode[],
): StateNode[] {
  const nodes: StateNode[] = [];
  for (const [name, def] of Object.entries(states)) {
    if (!isObj(def)) continue;
    const node: StateNode = {
      id: prefix + name,
      pointer: `${pointer}/${escapePointerToken(name)}`,
      def,
      children: [],
      ...(parent ? { parent } : {}),
    };
    out.push(node);
    nodes.push(node);
    if (isObj(def.states)) node.children = collect(def.states, `${node.pointer}/states`, `${node.id}.`, node, out);
  }
  return nodes;
}

function targets(on: unknown): string[] {
  if (!isObj(on)) return [];
  const out: string[] = [];
  for (const t of Object.values(on)) {
    for (const tr of Array.isArray(t) ? t : [t]) {
      if (typeof tr === 'string') out.push(tr);
      else if (isObj(tr) && typeof tr.target === 'string') out.push(tr.target);
    }
  }
  return out;
}

/** Resolves a transition target as XState does for our machines: sibling name, `#id`, or `.child`. */
function resolveTarget(
  from: StateNode,
  target: string,
  byId: Map<string, StateNode>,
  machineId: string,
): StateNode | undefined {
  if (target.startsWith('#')) {
    const path = target.slice(1);
    if (path.startsWith(`${machineId}.`)) return byId.get(path.slice(machineId.length + 1));
    return [...byId.values()].find((n) => n.def.id === path);
  }
  if (target.startsWith('.')) return byId.get(`${from.id}${target}`);
  for (let scope: StateNode | undefined = from.parent; ; scope = scope?.parent) {
    const hit = byId.get(scope ? `${scope.id}.${target}` : target);
    if (hit || !scope) return hit;
  }
}

export interface MachineContext {
  laws: readonly LawVersionFile[];
  schemasDir: string;
  /** Form ids (`procedure/form`) that exist. */
  forms: ReadonlySet<string>;
  /** Missing forms are errors when their procedure has any form (else warnings). */
  strictForms: boolean;
  display(file: string): string;
}

export async function checkMachine(file: string, ctx: MachineContext): Promise<Problem[]> {
  const display = ctx.display(file);
  const text = await readFile(file, 'utf8');
  const { definition, errors } = validateDefinitionText(text, display, ctx.laws.length ? { laws: ctx.laws } : {});
  const problems: Problem[] = errors.map((e) => ({ ...e, severity: 'error' as const }));
  if (!definition) return problems;
  const source = parseJsonSource(text, file, display);
  const machine = source.value as Obj;
  const all: StateNode[] = [];
  const top = collect(isObj(machine.states) ? machine.states : {}, '/states', '', undefined, all);
  const byId = new Map(all.map((n) => [n.id, n]));
  const lawKeys = new Set(ctx.laws.flatMap((l) => Object.keys(l.values ?? {})));
  const machineId = typeof machine.id === 'string' ? machine.id : '';

  // Reachability: entering a compound state enters its initial child; a child is active with its parent.
  const reached = new Set<StateNode>();
  const enter = (n: StateNode | undefined): void => {
    if (!n || reached.has(n)) return;
    reached.add(n);
    if (n.parent) enter(n.parent);
    const initial =
      typeof n.def.initial === 'string'
        ? n.children.find((c) => c.id === `${n.id}.${String(n.def.initial)}`)
        : undefined;
    enter(initial);
    for (let s: StateNode | undefined = n; s; s = s.parent)
      for (const t of targets(s.def.on)) enter(resolveTarget(s, t, byId, machineId));
  };
  enter(top.find((n) => n.id === machine.initial));
  for (const n of all)
    if (!reached.has(n))
      problems.push(at(source, n.pointer, 'error', `state "${n.id}" cannot be reached from the initial state`));

  // Can finish: a final state, or a transition (own or an ancestor's) to a state that can finish.
  const finishes = new Set<StateNode>(all.filter((n) => n.def.type === 'final'));
  for (let changed = true; changed;) {
    changed = false;
    for (const n of all) {
      if (finishes.has(n)) continue;
      let ok = n.children.some((c) => finishes.has(c));
      for (let s: StateNode | undefined = n; s && !ok; s = s.parent)
        ok = targets(s.def.on).some((t) => {
          const r = resolveTarget(s!, t, byId, machineId);
          return !!r && finishes.has(r);
        });
      if (ok) {
        finishes.add(n);
        changed = true;
      }
    }
  }
  for (const n of all)
    if (reached.has(n) && !finishes.has(n))
      problems.push(at(source, n.pointer, 'error', `state "${n.id}" has no path to a final state`));

  if (ctx.laws.length > 0 && isObj(machine.states))
    problems.push(...optionalLawBounds(source, machine.states, '/states', ctx.laws));
  problems.push(...documentPointers(source, machine, ctx.schemasDir));

  for (const n of all) {
    const meta = isObj(n.def.meta) ? n.def.meta : {};
    const events = isObj(meta.events) ? meta.events : {};
    if (lawKeys.size > 0) {
      for (const event of Object.keys(isObj(n.def.on) ? n.def.on : {})) {
        const em = events[event];
        const roles = (
          isObj(em) && Array.isArray(em.roles) ? em.roles : Array.isArray(meta.roles) ? meta.roles : []
        ).map(String);
        if (roles.length > 0 && !roles.some((r) => lawKeys.has(`role.${r}`) || lawKeys.has(`authority.${r}`))) {
          problems.push(
            at(
              source,
              `${n.pointer}/on/${escapePointerToken(event)}`,
              'error',
              `no role in any law version may send event "${event}" (${roles.join(', ')}: no role.<name> or authority.<name> in workflows law)`,
            ),
          );
        }
      }
    }
    const forms: [string, string][] = [];
    if (typeof meta.form === 'string') forms.push([meta.form, `${n.pointer}/meta/form`]);
    if (Array.isArray(meta.form))
      meta.form.forEach((f, i) => typeof f === 'string' && forms.push([f, `${n.pointer}/meta/form/${i}`]));
    for (const [name, em] of Object.entries(events)) {
      if (isObj(em) && typeof em.form === 'string')
        forms.push([em.form, `${n.pointer}/meta/events/${escapePointerToken(name)}/form`]);
    }
    for (const [form, pointer] of forms) {
      if (ctx.forms.has(form) || existsSync(join(ctx.schemasDir, form, 'schema.json'))) continue;
      const procedure = form.split('/')[0]!;
      const siblings = [...ctx.forms].filter((f) => f.startsWith(`${procedure}/`)).length;
      const severity = ctx.strictForms && siblings > 0 ? 'error' : 'warning';
      problems.push(
        at(
          source,
          pointer,
          severity,
          `form "${form}" does not exist under ${ctx.display(ctx.schemasDir)}${siblings ? '' : ' (form not written yet)'}`,
        ),
      );
    }
  }
  return problems;
}
