// The test cases shared by Node (node --test, built dist) and browsers (web-test-runner, src).
// Each suite returns [{ name, run }]; the caller registers them with its own test framework.
// Tables live in ../cases/*.json: one source of truth for both sides.

export function assertEq(actual, expected, what) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${what}: expected ${e}, got ${a}`);
}
function assertOk(cond, what) {
  if (!cond) throw new Error(what);
}
function assertThrows(fn, includes, what) {
  try {
    fn();
  } catch (e) {
    if (!String(e.message).includes(includes)) {
      throw new Error(`${what}: error "${e.message}" should mention "${includes}"`, { cause: e });
    }
    return;
  }
  throw new Error(`${what}: expected an error mentioning "${includes}"`);
}

/** env: { lib, ajv, laws, calendars, overlays, machine, tables: { deadlines, laws, refusals }, graph } */
export function procedure(env) {
  return new env.lib.Procedure(env.machine, {
    laws: env.laws,
    calendars: env.calendars,
    overlays: env.overlays,
    compileCondition: env.ajv.ajvConditions(),
  });
}

export function deadlineSuite(env) {
  const cal = new env.lib.WorkingCalendar(env.calendars);
  const cases = env.tables.deadlines.map((t) => ({
    name: `due: ${t.name}`,
    run: () => {
      const input = { n: t.n, unit: t.unit, from: t.from, ...(t.shift === false ? { shift: false } : {}) };
      if (t.error) return assertThrows(() => env.lib.computeDue(input, cal), t.error, t.name);
      const d = env.lib.computeDue(input, cal);
      assertEq(d.due, t.due, `${t.name}: due`);
      assertEq(d.dueAt, t.dueAt ?? `${t.due}T23:59:59.999+07:00`, `${t.name}: dueAt`);
      assertEq(
        d.calendars.map((c) => c.year),
        t.calendars,
        `${t.name}: calendars used`,
      );
      d.calendars.forEach((c) =>
        assertOk(typeof c.version === 'string' && c.version, `${t.name}: calendar version stored`),
      );
      if (t.shiftedFrom) assertEq(d.explanation.shiftedFrom, t.shiftedFrom, `${t.name}: shifted from`);
      if (t.unverified) assertEq(d.explanation.unverified.length, t.unverified, `${t.name}: unverified days flagged`);
      if (t.unit === 'workingDays') assertEq(d.explanation.counted.length, t.n, `${t.name}: counted days`);
    },
  }));
  cases.push({
    name: 'status: due → at-risk → overdue from stored instants; met wins',
    run: () => {
      const d = env.lib.computeDue({ n: 3, unit: 'workingDays', from: '2026-04-24' }, cal);
      const at = (s) => env.lib.parseInstant(s);
      assertEq(env.lib.deadlineStatus(d, at('2026-04-28T10:00:00+07:00')), 'due', 'before the last working day');
      assertEq(env.lib.deadlineStatus(d, at('2026-04-29T10:00:00+07:00')), 'at-risk', 'the working day before');
      assertEq(env.lib.deadlineStatus(d, at('2026-05-04T23:59:00+07:00')), 'at-risk', 'the last minutes');
      assertEq(env.lib.deadlineStatus(d, at('2026-05-05T00:00:00+07:00')), 'overdue', 'the next day');
      assertEq(env.lib.deadlineStatus({ ...d, metAt: '2026-05-06' }, at('2026-05-07')), 'met', 'met (late) is met');
    },
  });
  cases.push({
    name: 'calendar data that contradicts itself is refused with the entry named',
    run: () => {
      const bad = { ...env.calendars[0], year: 2030, version: 'x', daysOff: ['2030-01-05'], workingSaturdays: [] };
      assertThrows(() => new env.lib.WorkingCalendar([bad]), 'daysOff/0', 'weekend listed as a day off');
    },
  });
  return cases;
}

export function lawSuite(env) {
  const extra = [
    {
      name: 'law: uncertain values carry a note and only they may be overridden by a province',
      run: () => {
        const law = env.lib.resolveLaw(env.laws, '2026-07-01');
        const uncertain = env.lib.uncertainValues(law).map((u) => u.path);
        assertOk(uncertain.includes('authority.voluntary-decision'), 'decision authority uncertain (§12.2)');
        assertOk(uncertain.includes('durations.compulsoryAdult'), 'adult compulsory term uncertain (§12.3)');
        assertOk(!uncertain.includes('timeLimits.voluntaryDecision'), '3 working days is settled');
        const settled = {
          province: '01',
          name: { vi: 'x', en: 'x' },
          overrides: [{ path: 'timeLimits.voluntaryDecision', value: { n: 5 }, basis: 'x', evidence: 'INF' }],
        };
        assertThrows(() => env.lib.applyOverlay(law, settled), 'settled law', 'settled value');
        const hcm = env.lib.applyOverlay(
          law,
          env.overlays.find((o) => o.province === '79'),
        );
        const v = hcm.values['authority.voluntary-decision'];
        assertEq([v.roles, v.overlay.province], [['commune-police-head'], '79'], 'overlay applied and recorded');
      },
    },
  ];
  return extra.concat(
    env.tables.laws.map((t) => ({
      name: `law in force: ${t.date ?? t.at} → ${t.version ?? 'error'}`,
      run: () => {
        if (t.at) {
          const proc = procedure(env);
          const c = proc.createCase({ person: {}, at: t.at, id: 'x' });
          assertEq(c.lawVersion, t.version, `case created at ${t.at} pins`);
          return;
        }
        if (t.error) return assertThrows(() => env.lib.selectLawVersion(env.laws, t.date), t.error, t.date);
        const f = env.lib.selectLawVersion(env.laws, t.date);
        assertEq(f.id, t.version, `version on ${t.date}`);
        const law = env.lib.resolveLaw(env.laws, f.id);
        for (const [path, fields] of Object.entries(t.values ?? {})) {
          const v = law.values[path];
          assertOk(v, `${t.date}: ${path} defined`);
          assertOk(v.basis && v.evidence, `${t.date}: ${path} has basis and evidence`);
          for (const [k, want] of Object.entries(fields)) assertEq(v[k], want, `${t.date}: ${path}.${k}`);
        }
        for (const path of t.absent ?? []) assertEq(law.values[path], undefined, `${t.date}: ${path} absent`);
      },
    })),
  );
}

async function runEvents(proc, c, events) {
  const outcomes = [];
  for (const e of events) {
    const r = await proc.apply(c, e);
    outcomes.push(r);
    if (r.ok) c = r.case;
  }
  return { c, outcomes };
}

export function refusalSuite(env) {
  return env.tables.refusals.map((t) => ({
    name: `refusal: ${t.name}`,
    run: async () => {
      const proc = procedure(env);
      const c0 = proc.createCase({
        person: t.person,
        at: t.events[0].at.includes('/') ? '2026-07-06' : t.events[0].at,
        province: t.province,
        id: 'case-1',
      });
      const frozen = JSON.stringify(c0);
      const { c, outcomes } = await runEvents(proc, c0, t.events);
      assertEq(JSON.stringify(c0), frozen, 'the original case is never mutated');
      assertEq(
        outcomes.map((r) => (r.ok ? 'accepted' : r.refusal.code)),
        t.expect,
        t.name,
      );
      for (const r of outcomes) {
        if (!r.ok) {
          assertOk(r.refusal.message.vi && r.refusal.message.en, 'refusal explained in vi and en');
          assertOk(r.case.rev === r.case.audit.length, 'a refusal changes nothing');
        }
      }
      if (t.messageIncludes) {
        const refused = outcomes.find((r) => !r.ok);
        assertOk(refused.refusal.message.en.includes(t.messageIncludes), `message names ${t.messageIncludes}`);
      }
      assertEq(c.state, t.state, 'final state');
      if (t.track) assertEq(c.track, t.track, 'track');
      assertEq(c.audit.length, t.expect.filter((x) => x === 'accepted').length, 'one audit entry per accepted event');
    },
  }));
}

/** Sample events per type, good enough to pass the guards. */
function sampleEvent(type, at, minor) {
  const officer = { id: 'officer', roles: ['commune-officer'] };
  const chair = { id: 'chair', roles: ['commune-pc-chair'] };
  const person = { id: 'person', roles: ['person'] };
  const police = { id: 'police', roles: ['commune-police-head'] };
  const samples = {
    REGISTER: {
      by: officer,
      data: {
        mode: 'home',
        determinationDate: '2026-04-01',
        ...(minor ? { representative: { name: 'R', relationship: 'mother' } } : {}),
      },
    },
    DECIDE: { by: chair, data: { provider: 'P' } },
    REJECT: { by: chair, data: { reason: 'r' } },
    REPORT_MOVE: { by: person, data: { newCommune: '26734' } },
    PRESENT: { by: police, data: {} },
    COMPLETE: { by: chair },
    WITHDRAW: { by: police, data: { reason: 'quit' } },
  };
  return { type, at, ...samples[type] };
}

/** Every simple path of the sample machine (from @xstate/graph), replayed with a persistence round trip per step. */
export function pathSuite(env) {
  const proc = procedure(env);
  const allTrue = Object.fromEntries(Object.keys(proc.guards).map((g) => [g, () => true]));
  const structural = proc.machine.provide({ guards: allTrue });
  const paths = env.graph.getSimplePaths(structural, {
    events: proc.eventTypes.map((type) => ({ type })),
  });
  const out = [];
  for (const minor of [false, true]) {
    for (const path of paths) {
      const types = path.steps.map((s) => s.event.type).filter((t) => !t.startsWith('xstate.'));
      out.push({
        name: `path (${minor ? 'minor' : 'adult'}): ${types.join(' → ') || '(initial)'} ⇒ ${env.lib.stateName(path.state.value)}`,
        run: async () => {
          let c = proc.createCase({
            person: { birthDate: minor ? '2011-01-01' : '1990-01-01' },
            at: '2026-07-06T08:00:00+07:00',
            id: 'path-case',
          });
          let t = Date.parse('2026-07-06T09:00:00+07:00');
          for (const type of types) {
            // COMPLETE needs the rehab term to have run out; others follow a day apart.
            t += type === 'COMPLETE' ? 800 * 86_400_000 : 86_400_000;
            const at = new Date(t).toISOString();
            const before = proc.view(c, { now: at });
            const restored = proc.restore(JSON.parse(env.lib.serializeCase(c)));
            assertEq(proc.view(restored, { now: at }), before, `view after restore before ${type}`);
            assertOk(
              before.allowedEvents.some((e) => e.type === type),
              `${type} offered in ${c.state}`,
            );
            const r = await proc.apply(restored, sampleEvent(type, at, minor));
            if (!r.ok)
              throw new Error(
                `${type} refused in ${c.state}: ${r.refusal.code} ${r.refusal.detail ?? r.refusal.message.en}`,
              );
            c = r.case;
          }
          assertEq(c.state, env.lib.stateName(path.state.value), 'final state');
          if (types.length) assertEq(c.track, minor ? 'minor' : 'adult', 'track');
          assertEq((await env.lib.verifyAudit(c)).ok, true, 'audit chain verifies');
        },
      });
    }
  }
  out.unshift({
    name: 'paths: the graph reaches every top-level state',
    run: () => {
      const reached = new Set(paths.map((p) => env.lib.stateName(p.state.value)));
      for (const s of Object.keys(env.machine.states)) assertOk(reached.has(s), `no path reaches ${s}`);
    },
  });
  return { paths, cases: out };
}

export function runtimeSuite(env) {
  const adult = { birthDate: '1990-05-01' };
  const officer = { id: 'o', roles: ['commune-officer'] };
  const chair = { id: 'c', roles: ['commune-pc-chair'] };
  const registered = async (proc, at = '2026-07-06T09:00:00+07:00') => {
    const c = proc.createCase({ person: adult, at, id: 'case-r' });
    const r = await proc.apply(c, {
      type: 'REGISTER',
      at,
      by: officer,
      data: { mode: 'home', determinationDate: '2026-04-01' },
    });
    return r.case;
  };
  return [
    {
      name: 'a deadline becomes a stored due date with the calendar version; status is derived at read time',
      run: async () => {
        const proc = procedure(env);
        const c = await registered(proc, '2026-04-24T09:00:00+07:00');
        const d = c.deadlines[0];
        assertEq(
          [d.id, d.due, d.unit, d.n, d.lawPath],
          ['decision', '2026-05-04', 'workingDays', 3, 'timeLimits.voluntaryDecision'],
          'stored',
        );
        assertEq(d.calendars, [{ year: 2026, version: '2026.1', status: 'official' }], 'calendar version stored');
        const status = (now) => proc.view(c, { now }).deadlines[0].status;
        assertEq(status('2026-04-27T12:00:00+07:00'), 'due', 'due');
        assertEq(status('2026-04-29T12:00:00+07:00'), 'at-risk', 'at-risk');
        assertEq(status('2026-05-05T08:00:00+07:00'), 'overdue', 'overdue');
        const restored = proc.restore(JSON.parse(JSON.stringify(c)));
        assertEq(
          proc.view(restored, { now: '2026-05-05T08:00:00+07:00' }).deadlines[0].status,
          'overdue',
          'restored case as current',
        );
      },
    },
    {
      name: 'meeting a deadline records when and whether it was late; documents get the law form code',
      run: async () => {
        const proc = procedure(env);
        const c = await registered(proc, '2026-04-24T09:00:00+07:00');
        const due = proc.view(c, { now: '2026-04-24T10:00:00+07:00' });
        assertEq(
          due.documentsDue.map((d) => [d.id, d.formCode, d.uncertain]),
          [['decision', null, true]],
          'decision due, form code uncertain',
        );
        const r = await proc.apply(c, {
          type: 'DECIDE',
          at: '2026-05-05T08:00:00+07:00',
          by: chair,
          data: { provider: 'P' },
        });
        const v = proc.view(r.case, { now: '2026-05-06T08:00:00+07:00' });
        const d = v.deadlines.find((x) => x.id === 'decision');
        assertEq([d.status, d.late, d.metBy], ['met', true, 'DECIDE'], 'met late');
        assertEq(
          v.documentsIssued.map((x) => x.id),
          ['decision'],
          'decision issued',
        );
        const term = v.deadlines.find((x) => x.id === 'treatment-end');
        assertEq(
          [term.n, term.unit, term.due, term.kind],
          [6, 'months', '2026-11-05', 'period'],
          'case of April 2026: Law 73 term',
        );
      },
    },
    {
      name: '24-hour residence notice exists only under Law 120 and runs through the weekend',
      run: async () => {
        const proc = procedure(env);
        const move = async (at) => {
          const c = await registered(proc, at);
          const d = await proc.apply(c, { type: 'DECIDE', at, by: chair, data: { provider: 'P' } });
          const m = await proc.apply(d.case, {
            type: 'REPORT_MOVE',
            at: '2026-08-28T18:00:00+07:00',
            by: { id: 'p', roles: ['person'] },
            data: {},
          });
          return m.case;
        };
        const c26 = await move('2026-07-06T09:00:00+07:00');
        const p = c26.deadlines.find((x) => x.id === 'present-at-new-commune');
        assertEq([p.n, p.unit, p.dueAt], [24, 'hours', '2026-08-29T18:00:00.000+07:00'], '24 hours to Saturday');
        assertEq(
          proc.view(c26, { now: '2026-08-30T09:00:00+07:00' }).deadlines.find((x) => x.id === p.id).status,
          'overdue',
          'overdue on Sunday',
        );
        const c25 = await move('2026-06-29T09:00:00+07:00');
        assertEq(c25.lawVersion, '2025-07-01', 'case before 01/07/2026 keeps the earlier law');
        assertEq(
          c25.deadlines.some((x) => x.id === 'present-at-new-commune'),
          false,
          'no 24-hour rule before Law 120',
        );
        assertEq(c25.deadlines.find((x) => x.id === 'treatment-end').n, 6, '6-month term under Law 73');
      },
    },
    {
      name: 'closing a case ends its open deadlines; nothing stays overdue on a closed case',
      run: async () => {
        const proc = procedure(env);
        const c = await registered(proc);
        const d = await proc.apply(c, {
          type: 'DECIDE',
          at: '2026-07-07T09:00:00+07:00',
          by: chair,
          data: { provider: 'P' },
        });
        const person = { id: 'p', roles: ['person'] };
        const m = await proc.apply(d.case, {
          type: 'REPORT_MOVE',
          at: '2026-07-10T09:00:00+07:00',
          by: person,
          data: {},
        });
        const police = { id: 'cp', roles: ['commune-police-head'] };
        const w = await proc.apply(m.case, { type: 'WITHDRAW', at: '2026-07-10T10:00:00+07:00', by: police, data: {} });
        const v = proc.view(w.case, { now: '2026-08-01T00:00:00+07:00' });
        assertEq([v.status, v.allowedEvents], ['closed', []], 'closed, nothing allowed');
        assertEq(
          v.deadlines.map((x) => [x.id, x.status]),
          [
            ['decision', 'met'],
            ['treatment-end', 'met'],
          ],
          'no overdue',
        );
        const ended = w.case.deadlines.find((x) => x.id === 'present-at-new-commune');
        assertEq(ended.supersededAt, '2026-07-10T10:00:00.000+07:00', 'ended with the case');
      },
    },
    {
      name: 'allowed events are filtered by role and refused events leave the case untouched',
      run: async () => {
        const proc = procedure(env);
        const c = await registered(proc);
        assertEq(
          proc.view(c, { now: '2026-07-06T10:00:00+07:00', roles: ['family'] }).allowedEvents,
          [],
          'family may do nothing here',
        );
        const forChair = proc.view(c, { now: '2026-07-06T10:00:00+07:00', roles: ['commune-pc-chair'] }).allowedEvents;
        assertEq(
          forChair.map((e) => e.type),
          ['DECIDE', 'REJECT'],
          'chair decides or refuses',
        );
        assertEq(forChair[0].offices[0].vi, 'Chủ tịch UBND cấp xã', 'office named in Vietnamese');
      },
    },
    {
      name: 'audit: a hash chain over accepted events; editing any entry is reported at that entry',
      run: async () => {
        const proc = procedure(env);
        const c = await registered(proc);
        const r = await proc.apply(c, {
          type: 'DECIDE',
          at: '2026-07-07T09:00:00+07:00',
          by: chair,
          data: { provider: 'P' },
        });
        const ok = await env.lib.verifyAudit(r.case, [
          { mode: 'home', determinationDate: '2026-04-01' },
          { provider: 'P' },
        ]);
        assertEq(ok, { ok: true, entries: 2 }, 'verifies');
        assertEq(r.case.audit[1].prevHash, r.case.audit[0].hash, 'chained');
        assertEq(
          [r.case.audit[1].from, r.case.audit[1].to, r.case.audit[1].event],
          ['registered', 'in_treatment', 'DECIDE'],
          'entry',
        );
        const tampered = structuredClone(r.case);
        tampered.audit[0].by.id = 'someone-else';
        const bad = await env.lib.verifyAudit(tampered);
        assertEq([bad.ok, bad.index], [false, 0], 'edit detected at entry 0');
        const dataBad = await env.lib.verifyAudit(r.case, [
          { mode: 'home', determinationDate: '2026-04-01' },
          { provider: 'Q' },
        ]);
        assertEq([dataBad.ok, dataBad.index], [false, 1], 'changed data detected at entry 1');
        const relaw = await env.lib.verifyAudit({ ...r.case, lawVersion: '2022-01-01' });
        assertEq([relaw.ok, relaw.index], [false, 0], 'changing the pinned law version is detected');
      },
    },
    {
      name: 'persisted case: schemaVersion checked, wrong procedure version refused',
      run: async () => {
        const proc = procedure(env);
        const c = await registered(proc);
        assertThrows(() => proc.restore({ ...c, schemaVersion: 99 }), 'schemaVersion 99', 'future schema');
        assertThrows(() => proc.restore({ ...c, procedureVersion: '0.9.0' }), '0.9.0', 'other definition version');
        assertThrows(() => proc.restore('{"schemaVersion":1'), 'does not parse', 'broken JSON');
        const ghost = { ...c, state: 'archived', snapshot: { ...c.snapshot, value: 'archived' } };
        assertThrows(() => proc.restore(ghost), 'does not fit procedure "sample"', 'unknown state');
      },
    },
    {
      name: 'guards swap with provide(); conditions can use precompiled validators only',
      run: async () => {
        const base = procedure(env);
        const proc = base.provide({ guards: { ageAtLeast: () => false, ageBetween: () => false } });
        const c = proc.createCase({ person: adult, at: '2026-07-06', id: 'x' });
        const r = await proc.apply(c, {
          type: 'REGISTER',
          at: '2026-07-06T09:00:00+07:00',
          by: officer,
          data: { mode: 'home' },
        });
        assertEq(r.ok ? 'accepted' : r.refusal.code, 'guard-failed', 'provided guard used');
        const compile = env.ajv.ajvConditions();
        const schema = { enum: ['home', 'community'] };
        const pre = env.lib.precompiledConditions({ [env.lib.schemaKey(schema)]: compile(schema) });
        const ev = new env.lib.ConditionEvaluator(pre);
        assertEq(
          ev.evaluate({ scope: '#/properties/r/properties/mode', schema }, { r: { mode: 'home' } }),
          true,
          'precompiled',
        );
        assertThrows(() => ev.evaluate({ scope: '#', schema: { const: 1 } }, 1), 'no precompiled validator', 'missing');
      },
    },
  ];
}

export function definitionSuite(env) {
  const text = JSON.stringify(env.machine, null, 2);
  const lineOf = (t, needle) => t.split('\n').findIndex((l) => l.includes(needle)) + 1;
  return [
    {
      name: 'definition: the sample machine passes the meta-schema and the reference checks',
      run: () => {
        const r = env.ajv.validateDefinitionText(text, 'sample/machine.json', { laws: env.laws });
        assertEq(r.errors, [], 'no errors');
      },
    },
    {
      name: 'definition: errors give the file, the JSON pointer and line:column',
      run: () => {
        const bad = text
          .replace('"roles": [\n          "registration-receiver"', '"roles": [\n          "Registration Receiver"')
          .replace('"law": "timeLimits.voluntaryDecision"', '"law": "timeLimits.voluntaryDecisionn"')
          .replace('"from": "DECIDE"', '"from": "DECIDED"');
        const r = env.ajv.validateDefinitionText(bad, 'sample/machine.json', { laws: env.laws });
        assertEq(
          r.errors.map((e) => [e.file, e.pointer, e.line]),
          [['sample/machine.json', '/states/submitted/meta/roles/0', lineOf(bad, '"Registration Receiver"')]],
          'schema error first (references are checked once the shape is right)',
        );
        const fixed = bad.replace('"Registration Receiver"', '"registration-receiver"');
        const r2 = env.ajv.validateDefinitionText(fixed, 'sample/machine.json', { laws: env.laws });
        assertEq(
          r2.errors.map((e) => [e.pointer, e.line, e.message]),
          [
            [
              '/states/registered/meta/deadlines/0/n/law',
              lineOf(fixed, 'voluntaryDecisionn'),
              'no law version defines "timeLimits.voluntaryDecisionn"',
            ],
            [
              '/states/in_treatment/meta/deadlines/0/from',
              lineOf(fixed, '"DECIDED"'),
              'event "DECIDED" does not exist',
            ],
          ],
          'reference errors',
        );
        assertOk(
          r2.errors.every((e) => e.column > 1),
          'columns point inside the line',
        );
      },
    },
    {
      name: 'definition: a deadline whose event never leads into its state is reported',
      run: () => {
        const m = structuredClone(env.machine);
        m.states.registered.meta.deadlines[0].from = 'DECIDE';
        const r = env.ajv.validateDefinitionText(JSON.stringify(m, null, 2), 'm.json', { laws: env.laws });
        assertEq(
          r.errors.map((e) => e.pointer),
          ['/states/registered/meta/deadlines/0/from'],
          'pointer',
        );
        assertOk(r.errors[0].message.includes('never leads into "registered"'), r.errors[0].message);
      },
    },
    {
      name: 'definition: a JSON syntax error is located',
      run: () => {
        const r = env.ajv.validateDefinitionText('{\n  "id": "x",\n  "states": [1,,2]\n}', 'm.json');
        assertEq([r.errors[0].line, r.errors[0].column], [3, 16], 'line:column of the second comma');
      },
    },
  ];
}
