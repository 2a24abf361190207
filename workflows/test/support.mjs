/**
 * Shared support for the procedure tests (node --test): loads the content from workflows/, binds a
 * procedure to the built runtime (packages/workflow/dist, conditions compiled with the runtime's ajv
 * entry), drives events, and generates every simple path of a machine with @xstate/graph.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { createMachine, transition } from 'xstate';
import { getSimplePaths } from '@xstate/graph';
import { Procedure, serializeCase, verifyAudit } from '../../packages/workflow/dist/index.js';
import { ajvConditions, validateDefinitionText } from '../../packages/workflow/dist/ajv-conditions.js';

export const WORKFLOWS = join(dirname(fileURLToPath(import.meta.url)), '..');

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const readDir = (dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => readJson(join(dir, f)));

export const content = {
  laws: readDir(join(WORKFLOWS, 'law')),
  calendars: readDir(join(WORKFLOWS, 'calendars', 'vn')),
  overlays: readDir(join(WORKFLOWS, 'overlays')),
};

/** Validates workflows/<id>/machine.json with the runtime's checker; returns the definition. */
export function loadDefinition(id) {
  const file = join(WORKFLOWS, id, 'machine.json');
  const { definition, errors } = validateDefinitionText(readFileSync(file, 'utf8'), file, { laws: content.laws });
  return { definition, errors };
}

export function procedure(id, overlays = content.overlays) {
  const { definition, errors } = loadDefinition(id);
  assert.deepEqual(errors, [], `${id}/machine.json has definition errors`);
  return new Procedure(definition, { ...content, overlays, compileCondition: ajvConditions() });
}

export const by = (id, ...roles) => ({ id, roles });

/** Applies an event that must be accepted; the result is persisted and restored (round-trip) before returning. */
export async function accept(proc, c, type, at, who, data) {
  const r = await proc.apply(c, { type, at, by: who, ...(data === undefined ? {} : { data }) });
  if (!r.ok)
    assert.fail(
      `${type} at ${at} refused in "${c.state}": ${r.refusal.code} ${r.refusal.message.en} ${r.refusal.detail ?? ''}`,
    );
  return roundTrip(proc, r.case);
}

/** Applies an event that must be refused with `code`; returns the refusal. */
export async function refuse(proc, c, type, at, who, data, code) {
  const r = await proc.apply(c, { type, at, by: who, ...(data === undefined ? {} : { data }) });
  assert.equal(r.ok, false, `${type} at ${at} should be refused in "${c.state}"`);
  assert.equal(r.refusal.code, code, `${type}: ${r.refusal.message.en} ${r.refusal.detail ?? ''}`);
  assert.equal(r.case, c, 'a refusal leaves the case unchanged');
  assert.ok(r.refusal.message.vi && r.refusal.message.en, 'refusals are in vi and en');
  return r.refusal;
}

/** Serialises, parses and restores a case as a store would; the restored case must be identical. */
export function roundTrip(proc, c) {
  const text = serializeCase(c);
  const back = proc.restore(JSON.parse(text));
  assert.equal(serializeCase(back), text, 'persistence round-trip changes the case');
  assert.equal(back.state, c.state);
  return back;
}

export async function assertAudit(c) {
  assert.deepEqual(await verifyAudit(c), { ok: true, entries: c.audit.length }, 'the audit chain verifies');
}

export const deadline = (c, id) => {
  const open = c.deadlines.filter((d) => d.id === id && d.supersededAt === undefined);
  return open[open.length - 1];
};

/**
 * Every simple path of a machine: each guarded alternative of an event becomes its own edge
 * `EVENT#i` (guards dropped), so every branch the definition allows is a path step. Targetless
 * transitions (which stay in the state) are returned separately per state as `loops`.
 */
export function structuralPaths(definition) {
  const loops = {};
  const edgeTypes = new Set();
  const strip = (states, base) =>
    Object.fromEntries(
      Object.entries(states).map(([name, s]) => {
        const path = base ? `${base}.${name}` : name;
        const on = {};
        for (const [event, t] of Object.entries(s.on ?? {})) {
          const list = Array.isArray(t) ? t : [t];
          list.forEach((tr, i) => {
            const target = typeof tr === 'string' ? tr : tr.target;
            if (!target) (loops[path] ??= []).push(`${event}#${i}`);
            else {
              on[`${event}#${i}`] = { target };
              edgeTypes.add(`${event}#${i}`);
            }
          });
        }
        return [
          name,
          {
            ...(s.type ? { type: s.type } : {}),
            ...(s.initial ? { initial: s.initial } : {}),
            on,
            ...(s.states ? { states: strip(s.states, path) } : {}),
          },
        ];
      }),
    );
  const machine = createMachine({
    id: definition.id,
    initial: definition.initial,
    states: strip(definition.states, ''),
  });
  const events = [...edgeTypes].map((type) => ({ type }));
  const simple = getSimplePaths(machine, { events, toState: (s) => s.status === 'done' }).map((p) => ({
    steps: p.steps.slice(1).map((s, i) => ({
      edge: s.event.type,
      from: valueName(p.steps[i].state.value),
      to: valueName(s.state.value),
    })),
    end: valueName(p.state.value),
  }));
  // An edge that closes a cycle (back to an earlier state) is on no simple path: it gets a path of its
  // own, made of a simple path's head up to the edge's source, the edge, and a simple path's tail.
  const seen = new Set(simple.flatMap((p) => p.steps.map((s) => `${s.from} ${s.edge}`)));
  const visited = [...new Set(simple.flatMap((p) => p.steps.map((s) => s.from)))];
  const part = (name) => {
    for (const p of simple) {
      const i = p.steps.findIndex((s) => s.from === name);
      if (i >= 0) return { head: p.steps.slice(0, i), tail: p.steps.slice(i), end: p.end };
    }
    return undefined;
  };
  const cycles = [];
  for (const from of visited) {
    for (const e of events) {
      if (seen.has(`${from} ${e.type}`)) continue;
      const [next] = transition(machine, machine.resolveState({ value: toValue(from) }), e);
      const to = valueName(next.value);
      if (to === from) continue;
      const head = part(from);
      const tail = part(to);
      if (!head || !tail) throw new Error(`edge ${from} ${e.type} → ${to} cannot be put on a path`);
      cycles.push({ steps: [...head.head, { edge: e.type, from, to }, ...tail.tail], end: tail.end });
    }
  }
  return { loops, paths: [...simple, ...cycles] };
}

function toValue(name) {
  const [head, ...rest] = name.split('.');
  return rest.length ? { [head]: toValue(rest.join('.')) } : head;
}

function valueName(v) {
  if (typeof v === 'string') return v;
  return Object.entries(v)
    .map(([k, x]) => `${k}.${valueName(x)}`)
    .join('|');
}

/** Adds hours / days / months to an ISO instant with a +07:00 offset (Vietnam time). */
export function later(at, { hours = 0, days = 0, months = 0 }) {
  const d = new Date(Date.parse(at) + 7 * 3600_000);
  d.setUTCMonth(d.getUTCMonth() + months);
  const ms = d.getTime() + (days * 24 + hours) * 3600_000 - 7 * 3600_000;
  return new Date(ms + 7 * 3600_000).toISOString().replace('Z', '+07:00').replace('.000', '');
}

/** What workflows/<id>/README.md fails to name: each state, event (in backticks) and deadline id (in backticks). */
export function readmeMissing(id) {
  const readme = readFileSync(join(WORKFLOWS, id, 'README.md'), 'utf8');
  const { definition } = loadDefinition(id);
  const missing = [];
  const walk = (states) => {
    for (const [name, s] of Object.entries(states)) {
      if (!readme.includes(`\`${name}\``) && !readme.includes(`.${name}\``)) missing.push(`state ${name}`);
      for (const e of Object.keys(s.on ?? {})) if (!readme.includes(`\`${e}\``)) missing.push(`event ${e}`);
      for (const d of s.meta.deadlines ?? []) if (!readme.includes(`\`${d.id}\``)) missing.push(`deadline ${d.id}`);
      if (s.states) walk(s.states);
    }
  };
  walk(definition.states);
  return missing;
}
