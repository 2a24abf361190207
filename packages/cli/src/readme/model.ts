/**
 * The procedure model behind `hoso readme`: a machine.json flattened into its states (full ids such
 * as `in_treatment.first`), each with the meta it inherits, the transitions it declares (targets
 * resolved as XState resolves them for our machines), the deadlines it starts and the documents its
 * transitions issue. Pure data: no law, no markdown.
 */
import type { DeadlineRule, EventMeta, GuardRef, MachineDefinition, StateDef, Text } from '@hoso/workflow';

export interface Branch {
  /** Full id of the target state, or undefined for a transition that stays. */
  target?: string;
  description?: string;
  guard?: GuardRef;
  /** Documents issued (`issueDocument` actions). */
  documents: string[];
  /** Tracks set (`setTrack` actions). */
  tracks: string[];
}

export interface EventInfo {
  type: string;
  meta: EventMeta;
  /** Roles named for the event (its own, else the nearest state's). */
  roles: string[];
  /** JSON pointer of the meta that named those roles. */
  rolesPointer: string;
  branches: Branch[];
}

export interface StateInfo {
  /** Full id, `a` or `a.b`. */
  id: string;
  name: string;
  pointer: string;
  depth: number;
  parent?: StateInfo;
  children: StateInfo[];
  def: StateDef;
  title: Text;
  final: boolean;
  /** Full id of the initial child of a compound state. */
  initial?: string;
  /** Roles of this step (own, else inherited). */
  roles: string[];
  /** Forms shown in this step. */
  forms: string[];
  events: EventInfo[];
  deadlines: DeadlineRule[];
  /** Documents due while in this state (`meta.documents`). */
  documentsDue: string[];
}

export interface ProcedureModel {
  definition: MachineDefinition;
  states: StateInfo[];
  byId: Map<string, StateInfo>;
  /** Every form id named anywhere (states and events), in order of first mention. */
  forms: string[];
  /** Every law path the machine reads (deadlines, documents, guards). */
  lawPaths: Set<string>;
  /** Every role named (states and events), with the pointer of its first mention. */
  roles: Map<string, string>;
}

/** Escapes one JSON-pointer token (RFC 6901). */
export const token = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');

function collect(states: Record<string, StateDef>, pointer: string, parent: StateInfo | undefined, out: StateInfo[]) {
  const nodes: StateInfo[] = [];
  for (const [name, def] of Object.entries(states)) {
    const id = parent ? `${parent.id}.${name}` : name;
    const meta = def.meta;
    const node: StateInfo = {
      id,
      name,
      pointer: `${pointer}/${token(name)}`,
      depth: parent ? parent.depth + 1 : 0,
      children: [],
      def,
      title: meta?.title ?? { vi: name, en: name },
      final: def.type === 'final',
      roles: meta?.roles ?? parent?.roles ?? [],
      forms: meta?.form === undefined ? [] : Array.isArray(meta.form) ? meta.form : [meta.form],
      events: [],
      deadlines: meta?.deadlines ?? [],
      documentsDue: meta?.documents ?? [],
      ...(parent ? { parent } : {}),
    };
    if (def.initial && def.states?.[def.initial]) node.initial = `${id}.${def.initial}`;
    out.push(node);
    nodes.push(node);
    if (def.states) node.children = collect(def.states, `${node.pointer}/states`, node, out);
  }
  return nodes;
}

function resolveTarget(from: StateInfo, target: string, byId: Map<string, StateInfo>, machineId: string) {
  if (target.startsWith('#')) {
    const path = target.slice(1);
    if (path.startsWith(`${machineId}.`)) return byId.get(path.slice(machineId.length + 1));
    return [...byId.values()].find((n) => (n.def as { id?: string }).id === path);
  }
  if (target.startsWith('.')) return byId.get(`${from.id}${target}`);
  for (let scope: StateInfo | undefined = from.parent; ; scope = scope?.parent) {
    const hit = byId.get(scope ? `${scope.id}.${target}` : target);
    if (hit || !scope) return hit;
  }
}

/** The event meta seen in `state`: its ancestors' `meta.events` merged, nearest last (as the runtime does). */
function eventMeta(state: StateInfo, type: string): { meta: EventMeta; pointer: string } | undefined {
  for (let s: StateInfo | undefined = state; s; s = s.parent) {
    const m = s.def.meta?.events?.[type];
    if (m) return { meta: m, pointer: `${s.pointer}/meta/events/${token(type)}` };
  }
  return undefined;
}

function rolesPointer(state: StateInfo): string {
  for (let s: StateInfo | undefined = state; s; s = s.parent) if (s.def.meta?.roles) return `${s.pointer}/meta/roles`;
  return `${state.pointer}/meta`;
}

function lawPathsOfGuard(g: unknown, out: Set<string>): void {
  if (!g || typeof g !== 'object') return;
  if (Array.isArray(g)) {
    g.forEach((x) => lawPathsOfGuard(x, out));
    return;
  }
  const o = g as Record<string, unknown>;
  if (o.type === 'withinLawPeriod' && o.params && typeof (o.params as { law?: unknown }).law === 'string') {
    out.add((o.params as { law: string }).law);
  }
  for (const v of Object.values(o)) if (v && typeof v === 'object') lawPathsOfGuard(v, out);
}

/** Flattens a validated machine definition into the model the README is written from. */
export function buildModel(definition: MachineDefinition): ProcedureModel {
  const states: StateInfo[] = [];
  collect(definition.states, '/states', undefined, states);
  const byId = new Map(states.map((s) => [s.id, s]));
  const forms: string[] = [];
  const addForm = (f: string) => {
    if (!forms.includes(f)) forms.push(f);
  };
  const lawPaths = new Set<string>();
  const roles = new Map<string, string>();
  const addRoles = (list: readonly string[] | undefined, pointer: string) =>
    list?.forEach((r, i) => {
      if (!roles.has(r)) roles.set(r, `${pointer}/${i}`);
    });

  for (const s of states) {
    s.forms.forEach(addForm);
    addRoles(s.def.meta?.roles, `${s.pointer}/meta/roles`);
    for (const d of s.deadlines) {
      const n = d.n as number | { law?: string };
      if (typeof n === 'object' && typeof n.law === 'string') lawPaths.add(n.law);
    }
    for (const [type, em] of Object.entries(s.def.meta?.events ?? {})) {
      addRoles(em.roles, `${s.pointer}/meta/events/${token(type)}/roles`);
      if (em.form) addForm(em.form);
    }
    for (const [type, raw] of Object.entries(s.def.on ?? {})) {
      const list = Array.isArray(raw) ? raw : [raw];
      const em = eventMeta(s, type);
      const branches: Branch[] = list.map((t) => {
        const tr = typeof t === 'string' ? { target: t } : t;
        const actions = tr.actions === undefined ? [] : Array.isArray(tr.actions) ? tr.actions : [tr.actions];
        const target = tr.target ? resolveTarget(s, tr.target, byId, definition.id) : undefined;
        if (tr.target && !target) throw new Error(`${s.pointer}/on/${type}: target "${tr.target}" not found`);
        lawPathsOfGuard(tr.guard, lawPaths);
        return {
          ...(target ? { target: target.id } : {}),
          ...(tr.description ? { description: tr.description } : {}),
          ...(tr.guard ? { guard: tr.guard } : {}),
          documents: actions.filter((a) => a.type === 'issueDocument').map((a) => String(a.params?.document)),
          tracks: actions.filter((a) => a.type === 'setTrack').map((a) => String(a.params?.track)),
        };
      });
      s.events.push({
        type,
        meta: em?.meta ?? {},
        roles: em?.meta.roles ?? s.roles,
        rolesPointer: em?.meta.roles ? `${em.pointer}/roles` : rolesPointer(s),
        branches,
      });
    }
  }
  for (const d of Object.values(definition.meta?.documents ?? {})) if (d.form) lawPaths.add(d.form.law);
  return { definition, states, byId, forms, lawPaths, roles };
}

/** Where each document is issued: `[state, event]` pairs. */
export function documentIssuers(model: ProcedureModel): Map<string, { state: string; event: string }[]> {
  const out = new Map<string, { state: string; event: string }[]>();
  for (const s of model.states)
    for (const e of s.events)
      for (const b of e.branches)
        for (const doc of b.documents) {
          const list = out.get(doc) ?? [];
          if (!list.some((x) => x.state === s.id && x.event === e.type)) list.push({ state: s.id, event: e.type });
          out.set(doc, list);
        }
  return out;
}
