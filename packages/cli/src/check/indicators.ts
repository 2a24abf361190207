/**
 * `hoso check` and `hoso build` for the indicator definitions in `workflows/indicators/`: `indicators.json`,
 * `local/*.json` (a province's own indicators), `facts/<procedure>.json` and `plans/<plan>.json`. Each file is
 * checked against its JSON Schema (beside the files), then across files: every `KEY.fact` an expression names
 * exists with the right type, sets and procedure keys are known, each expression has exactly one predicate, plan
 * targets name known indicators, ids are unique. Problems carry file, line:column and JSON pointer.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { parseWithPositions } from '@hoso/workflow';
import type { Problem } from './problem.js';

type Json = Record<string, unknown>;
interface Loaded {
  name: string;
  value: Json;
  locate: (pointer: string, message: string) => { line: number; column: number };
}

/** The definitions as the engine reads them (`IndicatorDefinitions` of @hoso/reports). */
export interface IndicatorContent {
  version: string;
  defaultPlan?: string;
  lawNotes?: unknown[];
  sets: Json;
  indicators: Json[];
  flows: Json;
  facts: Json[];
  plans: Json[];
  files: { indicators: string; facts: string[]; plans: string[]; local: string[] };
  calendar: { daysOff: string[]; workingSaturdays: string[] };
}

/** Days off and make-up Saturdays of every year in workflows/calendars/vn (already checked by the runtime's loader). */
async function calendar(workflowsDir: string): Promise<IndicatorContent['calendar']> {
  const dir = join(workflowsDir, 'calendars', 'vn');
  const out: IndicatorContent['calendar'] = { daysOff: [], workingSaturdays: [] };
  if (!existsSync(dir)) return out;
  for (const name of (await readdir(dir)).filter((f) => f.endsWith('.json')).sort()) {
    const c = JSON.parse(await readFile(join(dir, name), 'utf8')) as {
      daysOff?: string[];
      workingSaturdays?: string[];
    };
    out.daysOff.push(...(c.daysOff ?? []));
    out.workingSaturdays.push(...(c.workingSaturdays ?? []));
  }
  return out;
}

const PREDICATES = ['all', 'any', 'not', 'set', 'activeIn', 'factIn', 'latest', 'serviceIn', 'needIn'];
PREDICATES.push('serviceForNeed', 'testIn', 'within', 'windowClosed', 'updatedIn');
const esc = (t: string | number): string => String(t).replace(/~/g, '~0').replace(/\//g, '~1');

async function load(
  dir: string,
  rel: string,
  display: (f: string) => string,
  problems: Problem[],
): Promise<Loaded | null> {
  const file = join(dir, rel);
  const parsed = parseWithPositions(await readFile(file, 'utf8'), display(file));
  if (!parsed.ok) {
    const e = parsed.error;
    problems.push({
      file: e.file,
      line: e.line,
      column: e.column,
      pointer: e.pointer,
      severity: 'error',
      message: e.message,
    });
    return null;
  }
  if (!parsed.value || typeof parsed.value !== 'object' || Array.isArray(parsed.value)) {
    problems.push({
      file: display(file),
      line: 1,
      column: 1,
      pointer: '',
      severity: 'error',
      message: 'expected a JSON object',
    });
    return null;
  }
  return { name: display(file), value: parsed.value as Json, locate: parsed.locate };
}

async function jsonFiles(dir: string, sub: string): Promise<string[]> {
  const d = join(dir, sub);
  if (!existsSync(d)) return [];
  return (await readdir(d))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => `${sub}/${f}`);
}

function ajvMessage(e: ErrorObject): string {
  if (e.keyword === 'additionalProperties')
    return `unknown property "${(e.params as { additionalProperty: string }).additionalProperty}"`;
  if (e.keyword === 'enum')
    return `must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
  return e.message ?? e.keyword;
}

/** Event types, state paths and data keys of a machine, to check that a facts file names real ones. */
function machineNames(machine: Json): { events: Set<string>; states: Set<string>; dataKeys: Set<string> } {
  const events = new Set<string>();
  const states = new Set<string>();
  const dataKeys = new Set<string>();
  const walk = (node: Json, path: string): void => {
    for (const type of Object.keys((node.on as Json | undefined) ?? {})) events.add(type);
    const metaEvents = ((node.meta as Json | undefined)?.events as Record<string, Json> | undefined) ?? {};
    for (const [type, m] of Object.entries(metaEvents)) dataKeys.add(typeof m?.dataKey === 'string' ? m.dataKey : type);
    for (const [name, child] of Object.entries((node.states as Record<string, Json> | undefined) ?? {})) {
      const p = path ? `${path}.${name}` : name;
      states.add(p);
      walk(child, p);
    }
  };
  walk(machine, '');
  for (const e of events) dataKeys.add(e);
  return { events, states, dataKeys };
}

/** Every event, state and data pointer a facts file names, with its JSON pointer in the file. */
function namesIn(v: Json): Array<{ kind: 'event' | 'state' | 'data'; name: string; pointer: string }> {
  const out: Array<{ kind: 'event' | 'state' | 'data'; name: string; pointer: string }> = [];
  const list = (x: unknown): string[] => (Array.isArray(x) ? x.map(String) : typeof x === 'string' ? [x] : []);
  const add = (kind: 'event' | 'state' | 'data', x: unknown, pointer: string): void => {
    const names = list(x);
    names.forEach((name, i) => out.push({ kind, name, pointer: Array.isArray(x) ? `${pointer}/${i}` : pointer }));
  };
  for (const [fact, def] of Object.entries((v.facts as Record<string, { from?: Json[] }> | undefined) ?? {})) {
    (def?.from ?? []).forEach((r, i) => {
      const at = `/facts/${esc(fact)}/from/${i}`;
      add('event', r.event, `${at}/event`);
      add('state', r.state, `${at}/state`);
      add('data', r.data, `${at}/data`);
      add('data', (r.when as Json | undefined)?.data, `${at}/when/data`);
    });
  }
  add('data', v.residence, '/residence');
  for (const k of ['sex', 'birthDate']) add('data', ((v.person as Json | undefined) ?? {})[k], `/person/${k}`);
  for (const k of ['moves', 'tests']) {
    ((v[k] as Json[] | undefined) ?? []).forEach((m, i) => {
      add('event', m.event, `/${k}/${i}/event`);
      for (const f of ['at', 'commune', 'result']) add('data', m[f], `/${k}/${i}/${f}`);
    });
  }
  for (const k of ['services', 'needs']) add('data', ((v[k] as Json | undefined) ?? {}).data, `/${k}/data`);
  return out;
}

/** Reads and checks every definition file; `content` is null when a file could not be read as JSON. */
export async function checkIndicators(
  workflowsDir: string,
  display: (f: string) => string,
): Promise<{ problems: Problem[]; content: IndicatorContent | null }> {
  const dir = join(workflowsDir, 'indicators');
  const problems: Problem[] = [];
  if (!existsSync(join(dir, 'indicators.json'))) return { problems, content: null };
  const ajv = new Ajv({ allErrors: true, strict: false });
  const schemas: Record<string, ValidateFunction> = {};
  for (const s of ['indicators', 'facts', 'plan']) {
    schemas[s] = ajv.compile(JSON.parse(await readFile(join(dir, `${s}.schema.json`), 'utf8')) as Json);
  }
  const report = (f: Loaded, pointer: string, message: string): void => {
    problems.push({ file: f.name, ...f.locate(pointer, message), pointer, severity: 'error', message });
  };
  const validated = async (rel: string, schema: string): Promise<Loaded | null> => {
    const f = await load(dir, rel, display, problems);
    if (!f) return null;
    const validate = schemas[schema]!;
    if (!validate(f.value)) {
      // The most specific errors only: anyOf/oneOf/if summaries repeat what their branches say.
      for (const e of validate.errors ?? [])
        if (!['anyOf', 'oneOf', 'if'].includes(e.keyword)) report(f, e.instancePath, ajvMessage(e));
    }
    return f;
  };

  const main = await validated('indicators.json', 'indicators');
  const locals = (await Promise.all((await jsonFiles(dir, 'local')).map((r) => validated(r, 'indicators')))).filter(
    (x) => x !== null,
  );
  const factFiles = (await Promise.all((await jsonFiles(dir, 'facts')).map((r) => validated(r, 'facts')))).filter(
    (x) => x !== null,
  );
  const planFiles = (await Promise.all((await jsonFiles(dir, 'plans')).map((r) => validated(r, 'plan')))).filter(
    (x) => x !== null,
  );
  if (!main) return { problems, content: null };

  // Facts: procedure keys and the type of each fact.
  const keys = new Map<string, Map<string, string>>();
  const procedures = new Set<string>();
  for (const f of factFiles) {
    const v = f.value as {
      procedure?: string;
      key?: string;
      facts?: Record<string, { type?: string }>;
      active?: { from?: unknown[]; to?: unknown[] };
    };
    if (typeof v.key !== 'string') continue;
    if (keys.has(v.key)) report(f, '/key', `key "${v.key}" is used by another facts file`);
    if (procedures.has(v.procedure ?? '')) report(f, '/procedure', `a second facts file for "${v.procedure}"`);
    procedures.add(v.procedure ?? '');
    const machineFile = join(workflowsDir, String(v.procedure), 'machine.json');
    if (!existsSync(machineFile))
      report(f, '/procedure', `no procedure "${String(v.procedure)}" (no ${display(machineFile)})`);
    else {
      const known = machineNames(JSON.parse(await readFile(machineFile, 'utf8')) as Json);
      for (const n of namesIn(f.value)) {
        if (n.kind === 'event' && !known.events.has(n.name)) {
          report(f, n.pointer, `${String(v.procedure)} has no event "${n.name}"`);
        } else if (n.kind === 'state' && !known.states.has(n.name)) {
          report(f, n.pointer, `${String(v.procedure)} has no state "${n.name}"`);
        } else if (n.kind === 'data' && !known.dataKeys.has(n.name.split('/')[1] ?? '')) {
          report(f, n.pointer, `no event of ${String(v.procedure)} stores data under "${n.name.split('/')[1] ?? ''}"`);
        }
      }
    }
    const types = new Map<string, string>([
      ['openedAt', 'date'],
      ['closedAt', 'date'],
    ]);
    for (const [name, d] of Object.entries(v.facts ?? {})) types.set(name, d?.type ?? '');
    keys.set(v.key, types);
    for (const side of ['from', 'to'] as const) {
      (v.active?.[side] ?? []).forEach((n, i) => {
        if (types.get(String(n)) !== 'date')
          report(f, `/active/${side}/${i}`, `"${String(n)}" is not a date fact of this file`);
      });
    }
  }
  const sets: Json = {};
  for (const f of [main, ...locals]) Object.assign(sets, (f.value.sets as Json | undefined) ?? {});
  const factRef = (f: Loaded, ref: unknown, ptr: string, type: 'date' | 'value'): string | undefined => {
    if (typeof ref !== 'string') return undefined;
    const [key = '', fact = ''] = ref.split('.');
    const types = keys.get(key);
    if (!types) return void report(f, ptr, `unknown procedure key "${key}" (known: ${[...keys.keys()].join(', ')})`);
    const t = types.get(fact);
    if (!t) return void report(f, ptr, `${key} has no fact "${fact}" (known: ${[...types.keys()].join(', ')})`);
    if (t !== type) return void report(f, ptr, `"${ref}" is a ${t} fact; a ${type} fact is needed here`);
    return key;
  };
  const walk = (f: Loaded, e: unknown, ptr: string): void => {
    if (!e || typeof e !== 'object' || Array.isArray(e)) return;
    const x = e as Json;
    const used = Object.keys(x).filter((k) => PREDICATES.includes(k));
    if (used.length !== 1)
      report(
        f,
        ptr,
        `an expression needs exactly one predicate (${PREDICATES.join(', ')}); found ${used.join(', ') || 'none'}`,
      );
    const name = used[0];
    const at = `${ptr}/${name}`;
    const v = x[name ?? ''];
    const whereOf = (w: unknown, wptr: string, key?: string): void => {
      for (const ref of Object.keys((w as Json | undefined) ?? {})) {
        const k = factRef(f, ref, `${wptr}/${esc(ref)}`, 'value');
        if (k && key && k !== key)
          report(f, `${wptr}/${esc(ref)}`, `"where" reads the same case: ${ref} is not a fact of ${key}`);
      }
    };
    ((x.in as unknown[] | undefined) ?? []).forEach((k, i) => {
      if (!keys.has(String(k))) report(f, `${ptr}/in/${i}`, `unknown procedure key "${String(k)}"`);
    });
    if (name === 'all' || name === 'any') (v as unknown[]).forEach((s, i) => walk(f, s, `${at}/${i}`));
    else if (name === 'not') walk(f, v, at);
    else if (name === 'set' && !(String(v) in sets))
      report(f, at, `unknown set "${String(v)}" (known: ${Object.keys(sets).join(', ')})`);
    else if (name === 'activeIn' || name === 'updatedIn') {
      (v as unknown[]).forEach(
        (k, i) => keys.has(String(k)) || report(f, `${at}/${i}`, `unknown procedure key "${String(k)}"`),
      );
      whereOf(x.where, `${ptr}/where`, (v as string[]).length === 1 ? (v as string[])[0] : undefined);
    } else if (name === 'factIn') whereOf(x.where, `${ptr}/where`, factRef(f, v, at, 'date'));
    else if (name === 'latest') {
      const l = v as Json;
      const a = factRef(f, l.value, `${at}/value`, 'value');
      const b = factRef(f, l.at, `${at}/at`, 'date');
      if (a && b && a !== b) report(f, at, '"value" and "at" must be facts of the same procedure');
    } else if (name === 'within' || name === 'windowClosed') {
      const w = v as Json;
      whereOf(w.where, `${at}/where`, factRef(f, w.of, `${at}/of`, 'date'));
      ((w.facts as unknown[] | undefined) ?? []).forEach((r, i) => factRef(f, r, `${at}/facts/${i}`, 'date'));
      if (name === 'within' && !w.facts)
        report(f, at, '"within" needs "facts" (the dates that must fall in the window)');
    }
  };
  for (const [name, e] of Object.entries(sets)) walk(main, e, `/sets/${esc(name)}`);
  const ids = new Set<string>();
  for (const f of [main, ...locals]) {
    ((f.value.indicators as Json[] | undefined) ?? []).forEach((d, i) => {
      const id = String(d.id);
      if (ids.has(id)) report(f, `/indicators/${i}/id`, `indicator "${id}" is defined twice`);
      ids.add(id);
      for (const k of ['numerator', 'denominator', 'count'])
        if (d[k] !== undefined) walk(f, d[k], `/indicators/${i}/${k}`);
    });
  }
  for (const [k, e] of Object.entries((main.value.flows as Json | undefined) ?? {})) walk(main, e, `/flows/${k}`);
  const planIds = new Set<string>();
  for (const f of planFiles) {
    const id = String(f.value.id);
    if (planIds.has(id)) report(f, '/id', `plan "${id}" is defined twice`);
    planIds.add(id);
    for (const t of Object.keys((f.value.targets as Json | undefined) ?? {})) {
      if (!ids.has(t)) report(f, `/targets/${esc(t)}`, `no indicator "${t}" (known: ${[...ids].join(', ')})`);
    }
  }
  const dp = main.value.defaultPlan;
  if (typeof dp === 'string' && !planIds.has(dp))
    report(main, '/defaultPlan', `no plan "${dp}" (known: ${[...planIds].join(', ')})`);

  const strip = (v: Json): Json =>
    Object.fromEntries(Object.entries(v).filter(([k]) => k !== '$schema' && k !== '$comment'));
  const m = main.value;
  const content: IndicatorContent = {
    version: String(m.version ?? ''),
    ...(typeof dp === 'string' ? { defaultPlan: dp } : {}),
    ...(Array.isArray(m.lawNotes) ? { lawNotes: m.lawNotes } : {}),
    sets,
    indicators: [main, ...locals].flatMap((f) => (f.value.indicators as Json[] | undefined) ?? []),
    flows: (m.flows as Json | undefined) ?? {},
    facts: factFiles.map((f) => strip(f.value)),
    plans: planFiles.map((f) => strip(f.value)),
    files: {
      indicators: 'indicators.json',
      facts: factFiles.map((f) => f.name.slice(f.name.indexOf('facts/'))),
      plans: planFiles.map((f) => f.name.slice(f.name.indexOf('plans/'))),
      local: locals.map((f) => f.name.slice(f.name.indexOf('local/'))),
    },
    calendar: await calendar(workflowsDir),
  };
  return { problems, content };
}
