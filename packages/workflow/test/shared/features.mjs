// Runtime features shared by Node (dist) and browsers (src): guards against law values (lawRange), deadlines
// whose length and start come from case data, guards on who sent the event (sender, $event), readable
// guard-failed details, and the compound-state check. The test machine below is data, like a real one.

import { assertEq, procedure } from './suites.mjs';

const t = (en) => ({ vi: `[vi] ${en}`, en });
const basis = [{ citation: 'test', evidence: 'INF' }];
const MONTHS = '#/properties/courtDecision/properties/months';
const DECIDED_ON = '#/properties/courtDecision/properties/decidedOn';

function ok(cond, what) {
  if (!cond) throw new Error(what);
}
function includes(text, part, what) {
  if (typeof text !== 'string' || !text.includes(part))
    throw new Error(`${what}: ${JSON.stringify(text)} should include ${JSON.stringify(part)}`);
}

const range = (min, max) => ({
  type: 'lawRange',
  params: { value: MONTHS, min, ...(max === undefined ? {} : { max }), unit: 'months' },
});
const term = (from) => ({
  id: 'term-end',
  title: t('Term ends'),
  n: { data: MONTHS, law: 'durations.compulsoryAdult' },
  start: { data: DECIDED_ON },
  from,
  until: ['RELEASE'],
  kind: 'period',
  shift: false,
});

export const featureMachine = {
  id: 'features',
  version: '1.0.0',
  title: t('Runtime features'),
  initial: 'open',
  states: {
    open: {
      meta: {
        title: t('Open'),
        basis,
        roles: ['officer'],
        events: {
          DECIDE: { dataKey: 'courtDecision' },
          RECORD: { dataKey: 'courtDecision' },
          SIGN: { roles: ['person', 'officer'] },
          MOVE: { dataKey: 'move', roles: ['person'] },
        },
      },
      on: {
        DECIDE: [
          {
            target: 'decided',
            description: "Adult: the court's term lies within the law's bounds",
            guard: {
              type: 'all',
              params: {
                guards: [
                  { type: 'ageAtLeast', params: { years: 18 } },
                  range('durations.compulsoryAdult', { law: 'durations.compulsoryAdult.max', optional: true }),
                ],
              },
            },
          },
          {
            target: 'decided',
            description: "Minor: the court's term lies within the law's bounds",
            guard: {
              type: 'all',
              params: { guards: [{ type: 'ageBelow', params: { years: 18 } }, range('durations.compulsoryMinor', 36)] },
            },
          },
        ],
        RECORD: 'decided',
        SIGN: {
          target: 'done',
          description: 'The person signs the record themself',
          guard: { type: 'sender', params: { is: '#/properties/person/properties/id' } },
        },
        MOVE: 'moved',
      },
    },
    decided: {
      meta: { title: t('Decided'), basis, roles: ['officer'], deadlines: [term('DECIDE'), term('RECORD')] },
      on: {
        APPROVE: {
          target: 'done',
          description: 'A different officer than the one who recorded approves',
          guard: { type: 'sender', params: { differentFrom: 'RECORD' } },
        },
        RELEASE: 'done',
      },
    },
    moved: {
      meta: {
        title: t('Moved'),
        basis,
        roles: ['officer', 'police-head'],
        deadlines: [
          {
            id: 'presentation',
            title: t('Present to the police'),
            n: 24,
            unit: 'hours',
            basis: 'test: 24 hours from the move',
            from: 'MOVE',
            start: { data: '#/properties/move/properties/movedAt' },
            until: ['PRESENT'],
          },
        ],
      },
      on: {
        PRESENT: {
          target: 'done',
          description: 'Received by the head of police',
          guard: {
            type: 'condition',
            params: {
              condition: {
                scope: '#/properties/$event/properties/by/properties/roles',
                schema: { contains: { const: 'police-head' } },
              },
            },
          },
        },
      },
    },
    done: { type: 'final', meta: { title: t('Done'), basis } },
  },
};

const officer = (id = 'o-1') => ({ id, roles: ['officer'] });
const ADULT = { id: 'p-1', birthDate: '1990-05-01' };
const MINOR = { id: 'p-2', birthDate: '2010-05-01' };

function make(env, machine = featureMachine) {
  return procedure({ ...env, machine });
}
async function step(proc, c, type, at, data, by = officer()) {
  return proc.apply(c, { type, at, by, ...(data === undefined ? {} : { data }) });
}
function variant(mutate) {
  const m = structuredClone(featureMachine);
  mutate(m);
  return m;
}

export function featureSuite(env) {
  const under2025 = '2026-03-02T09:00:00+07:00'; // law 2025-07-01: adult minimum 12 months, minor 6
  const under2026 = '2026-08-03T09:00:00+07:00'; // law 2026-07-01 (Law 120): adult 24 months
  const start = async (person, at, machine) => {
    const proc = make(env, machine);
    return { proc, c: proc.createCase({ person, at, id: 'case-f' }) };
  };
  return [
    {
      name: 'lawRange: an adult term below the law minimum is refused; the detail names the transitions and the bound',
      run: async () => {
        const { proc, c } = await start(ADULT, under2025);
        const r = await step(proc, c, 'DECIDE', under2025, { months: 6, decidedOn: '2026-02-27' });
        assertEq(r.ok ? 'accepted' : r.refusal.code, 'guard-failed', 'refused');
        includes(r.refusal.detail, "Adult: the court's term lies within the law's bounds", 'description');
        includes(
          r.refusal.detail,
          `${MONTHS} = 6 is below the minimum 12 months (durations.compulsoryAdult, law 2025-07-01)`,
          'bound',
        );
        includes(
          r.refusal.detail,
          '(2) "Minor: the court\'s term lies within the law\'s bounds": ageBelow (years: 18)',
          'second transition',
        );
        includes(r.refusal.trace, 'lawRange({', 'raw trace kept');
        ok(!r.refusal.detail.includes('{"'), 'no raw JSON in the readable detail');
      },
    },
    {
      name: 'lawRange: bounds follow the pinned law version and the track (12 / 24 months adult, 6–36 minor)',
      run: async () => {
        const a = await start(ADULT, under2025);
        assertEq(
          (await step(a.proc, a.c, 'DECIDE', under2025, { months: 12, decidedOn: '2026-02-27' })).ok,
          true,
          '12 under 2025-07-01',
        );
        const b = await start(ADULT, under2026);
        const r = await step(b.proc, b.c, 'DECIDE', under2026, { months: 12, decidedOn: '2026-07-30' });
        includes(
          r.refusal?.detail,
          'below the minimum 24 months (durations.compulsoryAdult, law 2026-07-01)',
          '12 under Law 120',
        );
        assertEq(
          (await step(b.proc, b.c, 'DECIDE', under2026, { months: 24, decidedOn: '2026-07-30' })).ok,
          true,
          '24 under Law 120',
        );
        const m = await start(MINOR, under2025);
        assertEq(
          (await step(m.proc, m.c, 'DECIDE', under2025, { months: 6, decidedOn: '2026-02-27' })).ok,
          true,
          'minor 6',
        );
        const over = await step(m.proc, m.c, 'DECIDE', under2025, { months: 40, decidedOn: '2026-02-27' });
        includes(over.refusal?.detail, `${MONTHS} = 40 is above the maximum 36 months`, 'minor 40');
      },
    },
    {
      name: 'lawRange: a bound the law lacks refuses with law-value-missing naming it; a unit mismatch or text is a guard error',
      run: async () => {
        const missing = variant((m) => {
          m.states.open.on.DECIDE[0].guard.params.guards[1].params.max = 'durations.compulsoryAdult.max';
        });
        const a = await start(ADULT, under2025, missing);
        const r = await step(a.proc, a.c, 'DECIDE', under2025, { months: 12, decidedOn: '2026-02-27' });
        assertEq(r.refusal?.code, 'law-value-missing', 'code');
        includes(r.refusal.message.en, '"durations.compulsoryAdult.max"', 'names the key');
        includes(r.refusal.message.vi, 'durations.compulsoryAdult.max', 'names the key (vi)');
        const days = variant((m) => {
          m.states.open.on.DECIDE[0].guard.params.guards[1].params.unit = 'days';
        });
        const b = await start(ADULT, under2025, days);
        const d = await step(b.proc, b.c, 'DECIDE', under2025, { months: 12, decidedOn: '2026-02-27' });
        assertEq(d.refusal?.code, 'guard-error', 'unit mismatch');
        includes(d.refusal.detail, 'durations.compulsoryAdult" is in months, not days', 'unit detail');
        const n = await start(ADULT, under2025);
        const text = await step(n.proc, n.c, 'DECIDE', under2025, { months: '12', decidedOn: '2026-02-27' });
        assertEq(text.refusal?.code, 'guard-error', 'a number as text');
        includes(text.refusal.detail, `${MONTHS} is not a number`, 'names the scope');
      },
    },
    {
      name: "deadline from data: the court's term from its decision date, recorded with where it came from",
      run: async () => {
        const { proc, c } = await start(ADULT, under2025);
        const r = await step(proc, c, 'DECIDE', under2025, { months: 18, decidedOn: '2026-02-27' });
        const d = r.case.deadlines.find((x) => x.id === 'term-end');
        assertEq([d.n, d.unit, d.due, d.kind], [18, 'months', '2027-08-27', 'period'], '18 months from 27/02/2026');
        assertEq(d.trigger, { event: 'DECIDE', at: under2025 }, 'trigger: when it was recorded');
        assertEq(d.source, { n: { data: MONTHS }, start: { data: DECIDED_ON, at: '2026-02-27' } }, 'source');
        assertEq([d.lawPath, d.uncertain], ['durations.compulsoryAdult', undefined], 'law basis kept, not uncertain');
        const back = proc.restore(JSON.parse(JSON.stringify(r.case)));
        const v = proc.view(back, { now: '2027-08-21T09:00:00+07:00' }).deadlines.find((x) => x.id === 'term-end');
        assertEq([v.status, v.source.n.data], ['at-risk', MONTHS], 'restored and viewed');
      },
    },
    {
      name: 'deadline from data: no term in the data falls back to the law value (marked); bad data is refused with the reason',
      run: async () => {
        const { proc, c } = await start(ADULT, under2025);
        const r = await step(proc, c, 'RECORD', under2025, { decidedOn: '2026-03-02' });
        const d = r.case.deadlines.find((x) => x.id === 'term-end');
        assertEq(
          [d.n, d.due, d.source.n, d.uncertain],
          [12, '2027-03-02', { data: MONTHS, fallback: 'law' }, true],
          'fallback',
        );
        for (const [data, part] of [
          [{ months: 0, decidedOn: '2026-03-01' }, 'must be a whole number ≥ 1, got 0'],
          [{ months: 2.5, decidedOn: '2026-03-01' }, 'got 2.5'],
          [{ months: 12, decidedOn: '2026-03-03' }, `${DECIDED_ON} (2026-03-03) is after the event`],
          [{ months: 12, decidedOn: '03/03/2026' }, DECIDED_ON],
          [{ months: 12 }, `no date at ${DECIDED_ON}`],
        ]) {
          const bad = await step(proc, c, 'RECORD', under2025, data);
          assertEq(bad.refusal?.code, 'deadline-data-invalid', JSON.stringify(data));
          includes(bad.refusal.message.en, '"term-end"', 'names the deadline');
          includes(bad.refusal.message.en, part, 'says what is wrong');
          ok(bad.refusal.message.vi.includes('term-end'), 'vi message');
        }
      },
    },
    {
      name: 'deadline from data: 24 hours run from the moment of the move, not from when it was reported',
      run: async () => {
        const { proc, c } = await start(ADULT, under2026);
        const r = await step(
          proc,
          c,
          'MOVE',
          '2026-08-29T10:00:00+07:00',
          { movedAt: '2026-08-28T18:00:00+07:00' },
          { id: 'p-1', roles: ['person'] },
        );
        const d = r.case.deadlines.find((x) => x.id === 'presentation');
        assertEq(
          [d.dueAt, d.trigger.at],
          ['2026-08-29T18:00:00.000+07:00', '2026-08-29T10:00:00+07:00'],
          'due 24 h after the move',
        );
        const late = await step(
          proc,
          c,
          'MOVE',
          '2026-08-29T10:00:00+07:00',
          { movedAt: '2026-08-29T10:00:01+07:00' },
          { id: 'p-1', roles: ['person'] },
        );
        assertEq(late.refusal?.code, 'deadline-data-invalid', 'a move after the report');
      },
    },
    {
      name: 'sender: the person signs themself; a different officer approves what another recorded',
      run: async () => {
        const { proc, c } = await start(ADULT, under2025);
        const wrong = await step(proc, c, 'SIGN', under2025, undefined, officer());
        assertEq(wrong.refusal?.code, 'guard-failed', 'an officer cannot sign for the person');
        includes(wrong.refusal.detail, '"The person signs the record themself": sender: sent by', 'description');
        includes(wrong.refusal.detail, 'sent by o-1, not by p-1 (#/properties/person/properties/id)', 'reason');
        assertEq(
          (await step(proc, c, 'SIGN', under2025, undefined, { id: 'p-1', roles: ['person'] })).ok,
          true,
          'the person signs',
        );
        const rec = await step(proc, c, 'RECORD', under2025, { months: 12, decidedOn: '2026-03-01' }, officer('o-1'));
        const same = await step(proc, rec.case, 'APPROVE', under2025, undefined, officer('o-1'));
        includes(same.refusal?.detail, 'sent by o-1, who also sent RECORD', 'same officer refused');
        assertEq(
          (await step(proc, rec.case, 'APPROVE', under2025, undefined, officer('o-2'))).ok,
          true,
          'another officer',
        );
      },
    },
    {
      name: 'sender: conditions read the event under $event (roles); the detail names the failing scope',
      run: async () => {
        const { proc, c } = await start(ADULT, under2026);
        const moved = await step(
          proc,
          c,
          'MOVE',
          under2026,
          { movedAt: '2026-08-03T08:00:00+07:00' },
          { id: 'p-1', roles: ['person'] },
        );
        const r = await step(proc, moved.case, 'PRESENT', under2026, undefined, officer());
        includes(r.refusal?.detail, 'condition on #/properties/$event/properties/by/properties/roles', 'scope');
        assertEq(JSON.stringify(r.case.data).includes('$event'), false, '$event is never stored');
        const p = await step(proc, moved.case, 'PRESENT', under2026, undefined, { id: 'ph', roles: ['police-head'] });
        assertEq([p.ok, JSON.stringify(p.case.data).includes('$event')], [true, false], 'accepted; not stored');
      },
    },
    {
      name: 'definition: the feature machine passes; new shapes are checked with pointer and line:column',
      run: () => {
        const text = JSON.stringify(featureMachine, null, 2);
        assertEq(env.ajv.validateDefinitionText(text, 'f.json', { laws: env.laws }).errors, [], 'valid');
        const bad = variant((m) => {
          m.states.decided.states = { a: { meta: { title: t('A'), basis } } };
          m.states.open.on.DECIDE[0].guard.params.guards[1].params.min = 'durations.compulsoryAdultt';
          m.states.decided.on.APPROVE.guard.params.differentFrom = 'RECORDED';
          m.states.decided.meta.deadlines[0].n = { data: MONTHS, law: 'durations.nope' };
        });
        const btext = JSON.stringify(bad, null, 2);
        const r = env.ajv.validateDefinitionText(btext, 'f.json', { laws: env.laws });
        const line = (needle) => btext.split('\n').findIndex((l) => l.includes(needle)) + 1;
        assertEq(
          r.errors.map((e) => [e.pointer, e.line]),
          [
            ['/states/open/on/DECIDE/0/guard/params/guards/1/params/min', line('compulsoryAdultt')],
            ['/states/decided', line('"decided": {')],
            ['/states/decided/on/APPROVE/guard/params/differentFrom', line('"RECORDED"')],
            ['/states/decided/meta/deadlines/0/n/law', line('durations.nope')],
          ],
          'pointers',
        );
        ok(
          r.errors.every((e) => e.file === 'f.json' && e.column >= 1),
          'file and column',
        );
        includes(r.errors.find((e) => e.pointer === '/states/decided').message, 'has no "initial"', 'compound message');
        const noLaw = variant((m) => {
          m.states.decided.meta.deadlines[0].n = { data: MONTHS };
        });
        const s = env.ajv.validateDefinitionText(JSON.stringify(noLaw, null, 2), 'f.json', { laws: env.laws });
        ok(
          s.errors.length > 0 && s.errors[0].pointer.startsWith('/states/decided/meta/deadlines/0/n'),
          'data n needs a law value behind it',
        );
      },
    },
  ];
}
