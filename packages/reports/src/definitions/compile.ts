/**
 * Checks indicator definitions (facts files, indicators, sets, flows, plans) and compiles their expressions once.
 * A bad definition throws `DefinitionsError` listing every problem with its file and JSON pointer, e.g.
 * `indicators.json /indicators/4/numerator/factIn: "VR" (voluntary-rehab) has no fact "startedAt"`.
 */
import type { FactsFile, FlowKey, IndicatorDefinition, IndicatorDefinitions, PlanFile } from './types.js';
import { compileExpr, type CompileEnv, type Pred, type Problem } from '../predicates.js';

export type { Problem } from '../predicates.js';

export class DefinitionsError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(
      `indicator definitions: ${problems.length} problem(s)\n` +
        problems.map((p) => `  ${p.file} ${p.pointer || '/'}: ${p.message}`).join('\n'),
    );
    this.name = 'DefinitionsError';
    this.problems = problems;
  }
}

export const FLOW_KEYS: readonly FlowKey[] = [
  'positiveTests',
  'newAddicts',
  'voluntaryStarts',
  'compulsoryFiled',
  'compulsoryAdmitted',
  'postRehabEntries',
  'relapses',
];

export interface CompiledIndicator {
  def: IndicatorDefinition;
  denominator?: Pred;
  numerator: Pred;
}

export interface CompiledDefinitions {
  source: IndicatorDefinitions;
  /** Facts file by procedure id. */
  facts: Map<string, FactsFile>;
  indicators: CompiledIndicator[];
  flows: Array<[FlowKey, Pred]>;
  plans: Map<string, PlanFile>;
}

const isText = (t: unknown): boolean =>
  !!t &&
  typeof t === 'object' &&
  typeof (t as { vi?: unknown }).vi === 'string' &&
  typeof (t as { en?: unknown }).en === 'string';
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkFacts(file: FactsFile, name: string, problems: Problem[]): void {
  const bad = (pointer: string, message: string): void => void problems.push({ file: name, pointer, message });
  if (typeof file.procedure !== 'string' || !/^[a-z][a-z0-9-]*$/.test(file.procedure))
    bad('/procedure', 'expected a procedure id');
  if (typeof file.key !== 'string' || !/^[A-Za-z0-9]+$/.test(file.key))
    bad('/key', 'expected a short key of letters and digits (e.g. "VR")');
  if (!file.facts || typeof file.facts !== 'object') return bad('/facts', 'expected an object of facts');
  for (const [fact, def] of Object.entries(file.facts)) {
    const at = `/facts/${fact}`;
    if (def?.type !== 'date' && def?.type !== 'value') bad(`${at}/type`, 'expected "date" or "value"');
    if (!Array.isArray(def?.from) || def.from.length === 0) {
      bad(`${at}/from`, 'expected a non-empty list of rules');
      continue;
    }
    def.from.forEach((r, i) => {
      const sources = ['event', 'state', 'data', 'case'].filter(
        (k) => (r as unknown as Record<string, unknown>)[k] !== undefined,
      );
      if (sources.length === 0 && r.value === undefined)
        bad(`${at}/from/${i}`, 'a rule needs "event", "state", "data" or "case"');
      if (r.data !== undefined && (typeof r.data !== 'string' || !r.data.startsWith('/')))
        bad(`${at}/from/${i}/data`, 'expected a JSON pointer starting with "/"');
      if (r.value !== undefined && def.type === 'date')
        bad(`${at}/from/${i}/value`, '"value" only makes sense for a value fact');
    });
  }
  const dateFacts = new Set([
    ...Object.keys(file.facts).filter((f) => file.facts[f]?.type === 'date'),
    'openedAt',
    'closedAt',
  ]);
  for (const side of ['from', 'to'] as const) {
    const list = file.active?.[side];
    if (!Array.isArray(list)) bad(`/active/${side}`, 'expected a list of date facts');
    else
      list.forEach((f, i) => dateFacts.has(f) || bad(`/active/${side}/${i}`, `"${f}" is not a date fact of this file`));
  }
  if (!Array.isArray(file.residence)) bad('/residence', 'expected a list of JSON pointers');
  if (!Array.isArray(file.moves)) bad('/moves', 'expected a list');
  if (!Array.isArray(file.tests)) bad('/tests', 'expected a list');
}

function checkPlan(plan: PlanFile, name: string, ids: Set<string>, problems: Problem[]): void {
  const bad = (pointer: string, message: string): void => void problems.push({ file: name, pointer, message });
  if (typeof plan.id !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(plan.id))
    bad('/id', 'expected an id of lower-case letters, digits and dashes');
  if (!isText(plan.title)) bad('/title', 'expected { "vi": …, "en": … }');
  if (!plan.period || !DATE.test(plan.period.from) || !DATE.test(plan.period.to) || plan.period.from > plan.period.to) {
    bad('/period', 'expected { "from": "YYYY-MM-DD", "to": "YYYY-MM-DD" } with from ≤ to');
  }
  for (const [id, t] of Object.entries(plan.targets ?? {})) {
    if (!ids.has(id)) bad(`/targets/${id}`, `no indicator "${id}" (known: ${[...ids].join(', ')})`);
    if (typeof t?.value !== 'number' || !(t.value >= 0)) bad(`/targets/${id}/value`, 'expected a number ≥ 0');
    if (t?.comparison !== '>=' && t?.comparison !== '>') bad(`/targets/${id}/comparison`, 'expected ">=" or ">"');
  }
}

/** Checks and compiles; throws `DefinitionsError` with every problem found. */
export function compileDefinitions(defs: IndicatorDefinitions): CompiledDefinitions {
  const problems: Problem[] = [];
  const files = defs.files ?? {};
  const indicatorsFile = files.indicators ?? 'indicators.json';
  const facts = new Map<string, FactsFile>();
  const keys = new Map<string, FactsFile>();
  (defs.facts ?? []).forEach((f, i) => {
    const name = files.facts?.[i] ?? `facts[${i}]`;
    checkFacts(f, name, problems);
    if (facts.has(f.procedure))
      problems.push({ file: name, pointer: '/procedure', message: `a second facts file for "${f.procedure}"` });
    if (keys.has(f.key))
      problems.push({
        file: name,
        pointer: '/key',
        message: `key "${f.key}" is already used by ${keys.get(f.key)!.procedure}`,
      });
    facts.set(f.procedure, f);
    keys.set(f.key, f);
  });
  const env: CompileEnv = {
    file: indicatorsFile,
    keys,
    sets: defs.sets ?? {},
    problems,
    compiledSets: new Map(),
    compiling: new Set(),
  };
  if (typeof defs.version !== 'string' || defs.version === '')
    problems.push({ file: indicatorsFile, pointer: '/version', message: 'expected a version string' });
  const ids = new Set<string>();
  const indicators: CompiledIndicator[] = [];
  (defs.indicators ?? []).forEach((d, i) => {
    const at = `/indicators/${i}`;
    const bad = (p: string, m: string): void =>
      void problems.push({ file: indicatorsFile, pointer: `${at}${p}`, message: m });
    if (typeof d.id !== 'string' || !/^[A-Za-z0-9_-]+$/.test(d.id)) bad('/id', 'expected an id such as "I1"');
    else if (ids.has(d.id)) bad('/id', `indicator "${d.id}" is defined twice`);
    ids.add(d.id);
    for (const k of ['title', 'wording', 'numeratorLabel'] as const)
      if (!isText(d[k])) bad(`/${k}`, 'expected { "vi": …, "en": … }');
    if (d.assumption !== undefined && !isText(d.assumption)) bad('/assumption', 'expected { "vi": …, "en": … }');
    if (!Array.isArray(d.sources)) bad('/sources', 'expected a list of source plans (S0–S4 or your own)');
    if (d.kind !== 'ratio' && d.kind !== 'count') return bad('/kind', 'expected "ratio" or "count"');
    if (d.kind === 'count') {
      if (d.count === undefined) return bad('/count', 'a count indicator needs "count"');
      indicators.push({ def: d, numerator: compileExpr(env, d.count, `${at}/count`) });
      return;
    }
    if (d.numerator === undefined) return bad('/numerator', 'a ratio indicator needs "numerator"');
    if (d.per === 'commune') {
      indicators.push({ def: d, numerator: compileExpr(env, d.numerator, `${at}/numerator`) });
      return;
    }
    if (d.denominator === undefined)
      return bad('/denominator', 'a ratio indicator needs "denominator" (or "per": "commune")');
    indicators.push({
      def: d,
      denominator: compileExpr(env, d.denominator, `${at}/denominator`),
      numerator: compileExpr(env, d.numerator, `${at}/numerator`),
    });
  });
  for (const name of Object.keys(env.sets)) compileExpr(env, { set: name }, `/sets/${name}`);
  const flows: Array<[FlowKey, Pred]> = [];
  for (const k of FLOW_KEYS) {
    const e = defs.flows?.[k];
    if (e === undefined)
      problems.push({ file: indicatorsFile, pointer: `/flows/${k}`, message: `flow "${k}" is missing` });
    else flows.push([k, compileExpr(env, e, `/flows/${k}`)]);
  }
  const plans = new Map<string, PlanFile>();
  (defs.plans ?? []).forEach((p, i) => {
    const name = files.plans?.[i] ?? `plans[${i}]`;
    checkPlan(p, name, ids, problems);
    if (plans.has(p.id)) problems.push({ file: name, pointer: '/id', message: `plan "${p.id}" is defined twice` });
    plans.set(p.id, p);
  });
  if (defs.defaultPlan !== undefined && !plans.has(defs.defaultPlan)) {
    problems.push({
      file: indicatorsFile,
      pointer: '/defaultPlan',
      message: `no plan "${defs.defaultPlan}" (known: ${[...plans.keys()].join(', ')})`,
    });
  }
  if (problems.length > 0) throw new DefinitionsError(problems);
  return { source: defs, facts, indicators, flows, plans };
}
