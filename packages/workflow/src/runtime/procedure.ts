/**
 * A procedure: one machine definition bound to the law, calendars and named guards/actions.
 *
 * @example
 * const runtime = { laws, calendars, overlays, compileCondition: ajvConditions() };
 * const proc = new Procedure(machineJson, runtime);
 * let c = proc.createCase({ person: { birthDate: '1990-05-01' }, at: '2026-07-06T08:00:00+07:00' });
 * const r = await proc.apply(c, { type: 'REGISTER', at: '2026-07-06T09:00:00+07:00', by, data });
 * if (r.ok) c = r.case; else console.log(r.refusal.code, r.refusal.message.en);
 * proc.view(c, { now: '2026-07-08T10:00:00+07:00' }).deadlines;
 */
import { createActor, getNextTransitions, initialTransition, setup, transition } from 'xstate';
import type { AnyMachineSnapshot, AnyStateMachine } from 'xstate';
import { genesisHash, makeEntry } from '../audit/audit.js';
import { ConditionEvaluator } from '../conditions/condition.js';
import type { CompileCondition } from '../conditions/condition.js';
import type { MachineDefinition } from '../definition/types.js';
import { builtinGuards, GuardDataError } from '../guards/guards.js';
import type { GuardContext, GuardImpl, GuardRef } from '../guards/guards.js';
import { applyOverlay, resolveLaw, selectLawVersion } from '../law/law-version.js';
import type { LawVersionFile, ProvinceOverlay, ResolvedLaw, Text } from '../law/law-version.js';
import type { HolidayCalendar } from '../time/calendar.js';
import { MissingCalendarError, WorkingCalendar } from '../time/calendar.js';
import { formatInstant, isoDate, localDay, parseInstant } from '../time/dates.js';
import { builtinActions } from './actions.js';
import type { ActionImpl } from './actions.js';
import { SCHEMA_VERSION } from './case.js';
import type { ApplyResult, Case, CaseEvent, CaseView, Person } from './case.js';
import { startDeadlines, DeadlineDataError } from './deadlines.js';
import { LawValueMissingError } from '../law/law-number.js';
import { candidateTransitions, explainGuard, guardFailedDetail, GuardTrace } from './guard-trace.js';
import { refusal } from './refusals.js';
import { checkEvent } from './check-event.js';
import { stateName } from './state-name.js';

export { stateName };
import { buildView } from './view.js';
import { collects, CollectDataError, dataKeyOf, guardData, storeEventData } from './case-data.js';
import { parseCase } from './persist.js';
import { activeMetaOf, type ActiveMeta } from './active-meta.js';

export type { ActiveMeta };

export interface RuntimeOptions {
  laws: readonly LawVersionFile[];
  calendars: readonly HolidayCalendar[];
  overlays?: readonly ProvinceOverlay[];
  compileCondition: CompileCondition;
}

export interface Implementations {
  guards?: Record<string, GuardImpl>;
  actions?: Record<string, ActionImpl>;
}

export interface CreateCaseInput {
  person: Person;
  /** The triggering event's moment; the law in force on its date is pinned. */
  at: string;
  province?: string;
  id?: string;
}

export class Procedure {
  readonly definition: MachineDefinition;
  readonly machine: AnyStateMachine;
  readonly guards: Record<string, GuardImpl>;
  readonly actions: Record<string, ActionImpl>;
  /** Every event type the machine knows. */
  readonly eventTypes: readonly string[];
  readonly #options: RuntimeOptions;
  readonly #calendar: WorkingCalendar;
  readonly #conditions: ConditionEvaluator;
  readonly #laws = new Map<string, ResolvedLaw>();

  constructor(definition: MachineDefinition, options: RuntimeOptions, impl: Implementations = {}) {
    this.definition = definition;
    this.#options = options;
    this.#calendar = new WorkingCalendar(options.calendars);
    this.#conditions = new ConditionEvaluator(options.compileCondition);
    this.guards = { ...builtinGuards, ...impl.guards };
    this.actions = { ...builtinActions, ...impl.actions };
    const xGuards: Record<string, (args: { event: { $hoso?: GuardContext } }, params: unknown) => boolean> = {};
    for (const name of Object.keys(this.guards)) {
      xGuards[name] = ({ event }, params) => {
        if (!event.$hoso) throw new GuardDataError(`guard ${name} evaluated outside the hoso runtime`);
        return event.$hoso.evaluate({ type: name, params: (params ?? {}) as Record<string, unknown> });
      };
    }
    const xActions = Object.fromEntries(Object.keys(this.actions).map((n) => [n, () => undefined]));
    const { id, initial, states } = definition;
    // The JSON config is data; its guard and action names are bound here, and nowhere else.
    this.machine = (setup as unknown as (i: object) => { createMachine(c: object): AnyStateMachine })({
      guards: xGuards,
      actions: xActions,
    }).createMachine({ id, initial, states, context: {} });
    const types = new Set<string>();
    const walk = (s: Record<string, { on?: Record<string, unknown>; states?: Record<string, unknown> }>): void => {
      for (const st of Object.values(s)) {
        Object.keys(st.on ?? {}).forEach((t) => types.add(t));
        if (st.states) walk(st.states as typeof s);
      }
    };
    walk(states as never);
    this.eventTypes = [...types];
  }

  /** The same procedure with some guards or actions replaced (tests, special deployments). */
  provide(impl: Implementations): Procedure {
    return new Procedure(this.definition, this.#options, {
      guards: { ...this.guards, ...impl.guards },
      actions: { ...this.actions, ...impl.actions },
    });
  }

  get calendar(): WorkingCalendar {
    return this.#calendar;
  }

  /** The resolved law version (with the province overlay, if any). */
  law(version: string, province?: string): ResolvedLaw {
    const key = `${version}@${province ?? ''}`;
    let law = this.#laws.get(key);
    if (!law) {
      law = resolveLaw(this.#options.laws, version);
      const overlay = province ? this.#options.overlays?.find((o) => o.province === province) : undefined;
      if (overlay) law = applyOverlay(law, overlay);
      this.#laws.set(key, law);
    }
    return law;
  }

  createCase(input: CreateCaseInput): Case {
    const atMs = parseInstant(input.at, 'at');
    if (!input.person || typeof input.person !== 'object') throw new TypeError('person must be an object');
    const version = selectLawVersion(this.#options.laws, isoDate(localDay(atMs)));
    const law = this.law(version.id, input.province);
    const [snap] = initialTransition(this.machine);
    const at = formatInstant(atMs);
    return {
      schemaVersion: SCHEMA_VERSION,
      id: input.id ?? globalThis.crypto.randomUUID(),
      procedure: this.definition.id,
      procedureVersion: this.definition.version,
      lawVersion: law.id,
      lawChain: law.chain,
      ...(input.province ? { province: input.province } : {}),
      person: structuredClone(input.person),
      snapshot: this.machine.getPersistedSnapshot(snap) as Record<string, unknown>,
      state: stateName(snap.value),
      status: snap.status === 'done' ? 'closed' : 'active',
      data: {},
      deadlines: [],
      documents: [],
      audit: [],
      createdAt: at,
      updatedAt: at,
      rev: 0,
    };
  }

  snapshotOf(c: Case): AnyMachineSnapshot {
    return createActor(this.machine, { snapshot: c.snapshot as never }).getSnapshot() as AnyMachineSnapshot;
  }

  /** The merged meta of the active state nodes (`active-meta.ts`). */
  activeMeta(snapshot: AnyMachineSnapshot): ActiveMeta {
    return activeMetaOf(snapshot);
  }

  /** Event types the current state accepts (before roles and guards). */
  eventsInState(snapshot: AnyMachineSnapshot): { type: string; guarded: boolean }[] {
    const seen = new Map<string, boolean>();
    for (const t of getNextTransitions(snapshot)) {
      const type = t.eventType;
      if (!type || type.startsWith('xstate.') || type === '*') continue;
      seen.set(type, (seen.get(type) ?? false) || !!t.guard);
    }
    return [...seen].map(([type, guarded]) => ({ type, guarded }));
  }

  /** Roles (abstract) that may send `type` in this state, with authorities expanded by the law. */
  rolesFor(meta: ActiveMeta, type: string, law: ResolvedLaw): string[] {
    const named = meta.events[type]?.roles ?? meta.roles;
    const out = new Set<string>();
    for (const r of named) {
      const auth = law.values[`authority.${r}`];
      if (auth && Array.isArray(auth.roles)) (auth.roles as string[]).forEach((x) => out.add(x));
      else out.add(r);
    }
    return [...out];
  }

  office(role: string, law: ResolvedLaw): Text {
    const o = law.values[`role.${role}`]?.office as Text | undefined;
    return o ?? { vi: role, en: role };
  }

  /** The guard context for an event on a case: what guards see. */
  guardContext(c: Case, event: CaseEvent, meta: ActiveMeta, trace: GuardTrace = new GuardTrace()): GuardContext {
    const law = this.law(c.lawVersion, c.province);
    const data = guardData(c, event, dataKeyOf(meta.events, event.type), collects(meta.events, event.type));
    const ctx: GuardContext = {
      data,
      event: { type: event.type, at: event.at, atMs: parseInstant(event.at, 'at'), data: event.data },
      sender: { id: event.by.id, roles: [...event.by.roles] },
      history: c.audit.map((a) => ({ event: a.event, at: a.at, by: a.by })),
      caseStartedAt: c.createdAt,
      deadlines: c.deadlines,
      law,
      conditions: this.#conditions,
      evaluate: (g: GuardRef) => {
        const impl = this.guards[g.type];
        if (!impl) throw new GuardDataError(`unknown guard "${g.type}"`);
        return trace.evaluate(
          g,
          () => impl(ctx, g.params ?? {}),
          (x, reason) => explainGuard(x, data, this.#conditions, reason),
        );
      },
      because: (reason: string) => trace.because(reason),
    };
    return ctx;
  }

  async apply(c: Case, event: CaseEvent): Promise<ApplyResult> {
    const refuse = (r: ReturnType<typeof refusal>): ApplyResult => ({ ok: false, refusal: r, case: c });
    const problem = checkEvent(event);
    if (problem) return refuse(refusal('invalid-event', { problem }));
    if (!this.eventTypes.includes(event.type)) {
      return refuse(refusal('unknown-event', { procedure: this.definition.id, event: event.type }));
    }
    if (c.status === 'closed') return refuse(refusal('case-closed', { state: c.state, event: event.type }));
    const atMs = parseInstant(event.at, 'at');
    const last = c.audit[c.audit.length - 1]?.at ?? c.createdAt;
    if (atMs < Date.parse(last)) return refuse(refusal('out-of-order', { at: event.at, last }));
    const law = this.law(c.lawVersion, c.province);
    const snap = this.snapshotOf(c);
    const meta = this.activeMeta(snap);
    const possible = this.eventsInState(snap);
    if (!possible.some((p) => p.type === event.type)) {
      const allowed = possible.map((p) => p.type).join(', ') || '—';
      return refuse(refusal('not-allowed-in-state', { event: event.type, state: c.state, allowed }));
    }
    const roles = this.rolesFor(meta, event.type, law);
    if (!event.by.roles.some((r) => roles.includes(r))) {
      return refuse(
        refusal('role-not-permitted', {
          event: event.type,
          state: c.state,
          offices: roles.map((r) => this.office(r, law).vi).join(', '),
          officesEn: roles.map((r) => this.office(r, law).en).join(', '),
          user: event.by.id,
          roles: event.by.roles.join(', ') || '—',
        }),
      );
    }
    const key = dataKeyOf(meta.events, event.type);
    const collect = collects(meta.events, event.type);
    if (collect && event.data !== undefined && c.data[key] !== undefined && !Array.isArray(c.data[key])) {
      return refuse(refusal('invalid-event', { problem: new CollectDataError(key).message }));
    }
    const trace = new GuardTrace();
    const xEvent = { type: event.type, $hoso: this.guardContext(c, event, meta, trace) };
    let enabled: unknown[] | undefined;
    try {
      enabled = this.machine.getTransitionData(snap, xEvent as never);
    } catch (e) {
      const thrown = trace.error ?? e;
      if (thrown instanceof LawValueMissingError) {
        return refuse(refusal('law-value-missing', { law: law.id, path: thrown.path }));
      }
      const cause = (e as Error).message;
      return refuse(refusal('guard-error', { event: event.type }, cause));
    }
    if (!enabled || enabled.length === 0) {
      const tried = candidateTransitions(this.definition, c.state, event.type);
      const detail = guardFailedDetail(trace, tried, event.type, c.state);
      return refuse({
        ...refusal('guard-failed', { event: event.type, state: c.state }, detail),
        trace: trace.raw.join('; '),
      });
    }
    const [next, actions] = transition(this.machine, snap, xEvent as never);
    const nextMeta = this.activeMeta(next);
    const draft: Case = structuredClone(c);
    const at = formatInstant(atMs);
    storeEventData(draft, event, key, collect);
    for (const d of draft.deadlines) {
      if (d.metAt === undefined && d.supersededAt === undefined && d.until.includes(event.type)) {
        d.metAt = at;
        d.metBy = event.type;
        if (d.kind !== 'period') d.late = atMs > Date.parse(d.dueAt);
      }
    }
    try {
      startDeadlines(
        draft,
        nextMeta.deadlines,
        event,
        law,
        this.#calendar,
        guardData(draft, event, key, collect, true),
      );
    } catch (e) {
      if (e instanceof DeadlineDataError) {
        return refuse(refusal('deadline-data-invalid', { deadline: e.deadline, problem: e.message }));
      }
      if (e instanceof MissingCalendarError)
        return refuse(refusal('calendar-missing', { year: String(e.year) }, e.message));
      if (e instanceof LawValueMissingError) return refuse(refusal('law-value-missing', { law: law.id, path: e.path }));
      throw e;
    }
    for (const a of actions) {
      const impl = this.actions[a.type];
      if (impl)
        impl(
          draft,
          (a.params ?? {}) as Record<string, unknown>,
          { ...event, at },
          { law, definition: this.definition },
        );
    }
    const from = c.state;
    draft.snapshot = this.machine.getPersistedSnapshot(next) as Record<string, unknown>;
    draft.state = stateName(next.value);
    draft.status = next.status === 'done' ? 'closed' : 'active';
    if (draft.status === 'closed') {
      // Nothing is due on a closed case: open deadlines end with it.
      for (const d of draft.deadlines) if (d.metAt === undefined && d.supersededAt === undefined) d.supersededAt = at;
    }
    draft.updatedAt = at;
    draft.rev = c.rev + 1;
    const prev = c.audit[c.audit.length - 1]?.hash ?? (await genesisHash(c));
    draft.audit.push(
      await makeEntry(prev, { at, by: event.by, event: event.type, from, to: draft.state, data: event.data ?? null }),
    );
    return { ok: true, case: draft };
  }

  view(c: Case, options: { now: string; roles?: string[] }): CaseView {
    return buildView(this, c, options);
  }

  /** Reads a persisted case (object or JSON text) for this procedure; throws with what is wrong. */
  restore(json: unknown): Case {
    const c = parseCase(json);
    if (c.procedure !== this.definition.id) {
      throw new Error(`case ${c.id} belongs to procedure "${c.procedure}", not "${this.definition.id}"`);
    }
    if (c.procedureVersion !== this.definition.version) {
      throw new Error(
        `case ${c.id} was started under ${c.procedure} version ${c.procedureVersion}; this definition is ${this.definition.version}`,
      );
    }
    let snap: AnyMachineSnapshot;
    try {
      snap = this.snapshotOf(c);
    } catch (e) {
      throw new Error(`case ${c.id}: its snapshot does not fit procedure "${c.procedure}": ${(e as Error).message}`, {
        cause: e,
      });
    }
    const persisted = stateName(c.snapshot.value);
    if (stateName(snap.value) !== persisted) {
      throw new Error(`case ${c.id}: its snapshot does not fit procedure "${c.procedure}": no state "${persisted}"`);
    }
    if (persisted !== c.state) {
      throw new Error(`case ${c.id}: snapshot state "${stateName(snap.value)}" does not match state "${c.state}"`);
    }
    return c;
  }
}
