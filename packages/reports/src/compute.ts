/**
 * `computeReport(cases, query, definitions?)`: every indicator over the period and unit of the query, with its
 * target from the chosen plan, breakdowns by commune, sex, age band and quarter, the persons behind the numbers
 * when asked, the quarterly flows and the communes seen. Persons are indexed once (O(cases)); each indicator then
 * evaluates its compiled expressions once per person and per quarter.
 */
import type { Cell, FlowRow, IndicatorResult, PersonRef, Report, ReportCase, ReportQuery, Target } from './types.js';
import type { IndicatorDefinitions } from './definitions/types.js';
import { compileDefinitions, type CompiledDefinitions, type CompiledIndicator } from './definitions/compile.js';
import { caseFacts, type CaseFacts } from './facts.js';
import { communeAt, groupPersons, personRef, type Person } from './persons.js';
import { ageBand, dayFromNumber, dayNumber, periodLabel, quartersOf, WorkingDays } from './days.js';
import type { Ctx } from './predicates.js';
import { defaultDefinitions } from './default-definitions.js';

/** A query the engine cannot answer: says which field and why. */
export class ReportQueryError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`report query: ${field}: ${message}`);
    this.name = 'ReportQueryError';
  }
}

const compiledCache = new WeakMap<IndicatorDefinitions, CompiledDefinitions>();

/** Compiles (once per definitions object) and returns the checked definitions; throws `DefinitionsError`. */
export function prepareDefinitions(defs: IndicatorDefinitions): CompiledDefinitions {
  let c = compiledCache.get(defs);
  if (!c) {
    c = compileDefinitions(defs);
    compiledCache.set(defs, c);
  }
  return c;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
function checkQuery(q: ReportQuery): void {
  for (const f of ['from', 'to'] as const) {
    if (typeof q[f] !== 'string' || !DATE.test(q[f]) || Number.isNaN(Date.parse(q[f]))) {
      throw new ReportQueryError(f, `expected a date YYYY-MM-DD, got ${JSON.stringify(q[f])}`);
    }
  }
  if (q.from > q.to) throw new ReportQueryError('to', `the period ends (${q.to}) before it starts (${q.from})`);
  if (q.communes !== undefined && (!Array.isArray(q.communes) || q.communes.some((c) => typeof c !== 'string'))) {
    throw new ReportQueryError('communes', 'expected a list of commune codes');
  }
  for (const [i, d] of (q.daysOff ?? []).entries()) {
    if (typeof d !== 'string' || !DATE.test(d))
      throw new ReportQueryError(`daysOff[${i}]`, `expected a date YYYY-MM-DD, got ${JSON.stringify(d)}`);
  }
}

/** A case the engine cannot read: which one and which field (`cases[3].audit[0].at`). */
function checkCase(c: ReportCase, i: number): void {
  const where = `cases[${i}]`;
  if (!c || typeof c !== 'object') throw new ReportQueryError(where, 'expected a case object');
  const name = typeof c.id === 'string' ? `${where} (${c.id})` : where;
  if (typeof c.id !== 'string') throw new ReportQueryError(`${where}.id`, 'expected the case id');
  if (typeof c.procedure !== 'string') throw new ReportQueryError(`${name}.procedure`, 'expected a procedure id');
  if (!c.data || typeof c.data !== 'object') throw new ReportQueryError(`${name}.data`, 'expected an object');
  if (!Array.isArray(c.audit)) throw new ReportQueryError(`${name}.audit`, 'expected the list of audit entries');
  c.audit.forEach((a, k) => {
    if (!a || typeof a.at !== 'string' || typeof a.event !== 'string' || typeof a.to !== 'string') {
      throw new ReportQueryError(`${name}.audit[${k}]`, 'expected { at, event, from, to }');
    }
  });
}

interface Hit {
  person: Person;
  anchor: number;
}

const percent = (n: number, d: number | null): number | null =>
  d === null ? n : d === 0 ? null : Math.round((n / d) * 1000) / 10;

function cells(keys: Iterable<string>, num: Map<string, number>, den: Map<string, number> | null): Cell[] {
  return [...new Set(keys)]
    .sort()
    .map((key) => ({ key, numerator: num.get(key) ?? 0, denominator: den ? (den.get(key) ?? 0) : null }));
}

function tally(hits: Hit[], keyOf: (h: Hit) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const h of hits) m.set(keyOf(h), (m.get(keyOf(h)) ?? 0) + 1);
  return m;
}

export function computeReport(
  cases: readonly ReportCase[],
  query: ReportQuery,
  definitions?: IndicatorDefinitions,
): Report {
  checkQuery(query);
  const defs = prepareDefinitions(definitions ?? defaultDefinitions());
  const planId = query.plan ?? defs.source.defaultPlan;
  const plan = planId === undefined ? undefined : defs.plans.get(planId);
  if (planId !== undefined && !plan) {
    throw new ReportQueryError('plan', `no plan "${planId}" (known: ${[...defs.plans.keys()].join(', ')})`);
  }
  const read = query.province === undefined ? cases : cases.filter((c) => c.province === query.province);
  const facts: CaseFacts[] = [];
  read.forEach((c, i) => {
    checkCase(c, i);
    const file = defs.facts.get(c.procedure);
    if (file) facts.push(caseFacts(c, file));
  });
  const persons = groupPersons(facts);
  const from = dayNumber(query.from);
  const to = dayNumber(query.to);
  const calendar = defs.source.calendar;
  const wd = new WorkingDays(query.daysOff ?? calendar?.daysOff, calendar?.workingSaturdays);
  const unit = query.communes?.length ? new Set(query.communes) : null;
  const inUnit = (p: Person, anchor: number): boolean => !unit || unit.has(communeAt(p, anchor) ?? '');

  // Each case in the commune the person lived in at the case's last event (or the period's end, if earlier).
  const communeCases = new Map<string, number>();
  for (const p of persons) {
    for (const c of p.cases) {
      const last = c.eventDays[c.eventDays.length - 1] ?? c.openedAt;
      const code = communeAt(p, Math.min(last, dayNumber(query.to)));
      if (code !== undefined) communeCases.set(code, (communeCases.get(code) ?? 0) + 1);
    }
  }
  const communeList = [...communeCases.keys()].sort();
  const universe = query.communes?.length ? [...new Set(query.communes)].sort() : communeList;

  /** The persons an expression holds for (in the unit, by their anchor's commune), with the anchor. */
  const select = (pred: (p: Person, ctx: Ctx) => number | null, ctx: Ctx, among: Person[]): Hit[] => {
    const out: Hit[] = [];
    for (const p of among) {
      const a = pred(p, ctx);
      if (a !== null && (!unit || inUnit(p, a))) out.push({ person: p, anchor: a });
    }
    return out;
  };
  /** The hits for which an expression also holds, keeping their anchor (the denominator's event). */
  const within = (pred: (p: Person, ctx: Ctx) => number | null, ctx: Ctx, among: Hit[]): Hit[] =>
    among.filter((h) => pred(h.person, ctx) !== null);

  /** Persons who have a case of a procedure the expression needs (all persons when it needs none). */
  const candidates = new Map<CompiledIndicator, Person[]>();
  const candidatesOf = (ind: CompiledIndicator): Person[] => {
    let list = candidates.get(ind);
    if (!list) {
      const keys = (ind.denominator ?? ind.numerator).keys;
      list = keys ? persons.filter((p) => [...keys].some((k) => p.byKey.has(k))) : persons;
      candidates.set(ind, list);
    }
    return list;
  };

  /** Numerator and denominator hits of one indicator over one span. */
  const evaluate = (
    ind: CompiledIndicator,
    ctx: Ctx,
  ): { num: Hit[]; den: Hit[] | null; communes?: [Set<string>, string[]] } => {
    if (ind.def.per === 'commune') {
      const num = select(ind.numerator, ctx, candidatesOf(ind));
      const hit = new Set(num.map((h) => communeAt(h.person, h.anchor) ?? '').filter((c) => universe.includes(c)));
      return { num, den: null, communes: [hit, universe] };
    }
    if (!ind.denominator) return { num: select(ind.numerator, ctx, candidatesOf(ind)), den: null };
    const den = select(ind.denominator, ctx, candidatesOf(ind));
    return { num: within(ind.numerator, ctx, den), den };
  };

  const endDay = dayFromNumber(to);
  const quarters = quartersOf(query.from, query.to);
  const full: Ctx = { from, to, wd };
  const spans = quarters.map((q): Ctx => ({ from: q.from, to: q.to, wd }));
  const target = (id: string): Target | undefined => {
    const t = plan?.targets[id];
    if (!t || !plan) return undefined;
    return {
      value: t.value,
      comparison: t.comparison,
      ...(t.text ? { text: t.text } : {}),
      plan: plan.id,
      ...(plan.source ? { source: plan.source } : {}),
    };
  };

  const indicators: IndicatorResult[] = defs.indicators.map((ind) => {
    const d = ind.def;
    const r = evaluate(ind, full);
    let numerator: number;
    let denominator: number | null;
    let breakdown: IndicatorResult['breakdown'];
    const quarter = quarters.map((q, k) => {
      const qr = evaluate(ind, spans[k]!);
      return qr.communes
        ? { key: q.key, numerator: qr.communes[0].size, denominator: qr.communes[1].length }
        : { key: q.key, numerator: qr.num.length, denominator: qr.den ? qr.den.length : null };
    });
    if (r.communes) {
      const [hit, all] = r.communes;
      numerator = hit.size;
      denominator = all.length;
      breakdown = {
        commune: all.map((key) => ({ key, numerator: hit.has(key) ? 1 : 0, denominator: 1 })),
        sex: [],
        ageBand: [],
        quarter,
      };
    } else {
      numerator = r.num.length;
      denominator = r.den ? r.den.length : null;
      const base = r.den ?? r.num;
      const communeOf = (h: Hit): string => communeAt(h.person, h.anchor) ?? 'unknown';
      const sexOf = (h: Hit): string => h.person.sex ?? 'unknown';
      const bandOf = (h: Hit): string => ageBand(h.person.birthDate, endDay);
      const split = (keyOf: (h: Hit) => string): Cell[] =>
        cells(base.map(keyOf), tally(r.num, keyOf), r.den ? tally(r.den, keyOf) : null);
      breakdown = { commune: split(communeOf), sex: split(sexOf), ageBand: split(bandOf), quarter };
    }
    const value = percent(numerator, d.kind === 'count' ? null : denominator);
    const t = target(d.id);
    const met = !t || value === null ? null : t.comparison === '>' ? value > t.value : value >= t.value;
    const refs = (hits: Hit[]): PersonRef[] => hits.map((h) => personRef(h.person, h.anchor, endDay));
    return {
      id: d.id,
      title: d.title,
      numeratorLabel: d.numeratorLabel,
      ...(d.denominatorLabel ? { denominatorLabel: d.denominatorLabel } : {}),
      kind: d.kind,
      sources: d.sources,
      ...(t ? { target: t } : {}),
      numerator,
      denominator: d.kind === 'count' ? null : denominator,
      value,
      met,
      ...(d.assumption ? { assumption: d.assumption } : {}),
      breakdown,
      ...(query.members ? { members: { numerator: refs(r.num), denominator: r.den ? refs(r.den) : [] } } : {}),
    };
  });

  const lawNotes = (defs.source.lawNotes ?? []).filter((n) => n.since > query.from && n.since <= query.to);
  const flows: FlowRow[] = quarters.map((q) => {
    const row = { quarter: q.key } as FlowRow;
    for (const [key, pred] of defs.flows) row[key] = select(pred, spans[quarters.indexOf(q)]!, persons).length;
    return row;
  });

  return {
    query,
    periodLabel: periodLabel(query.from, query.to),
    definitions: {
      version: defs.source.version,
      ...(plan ? { plan: { id: plan.id, title: plan.title, ...(plan.source ? { source: plan.source } : {}) } } : {}),
      ...(lawNotes.length > 0 ? { lawNotes } : {}),
    },
    casesRead: read.length,
    persons: new Set(
      read.map((c) =>
        typeof c.person?.personalId === 'string' && c.person.personalId ? c.person.personalId : `case:${c.id}`,
      ),
    ).size,
    indicators,
    flows,
    communes: communeList.map((code) => ({ code, cases: communeCases.get(code)! })),
  };
}
