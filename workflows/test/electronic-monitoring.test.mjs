/**
 * Electronic monitoring (Law 120/2025 Art. 12, procedures.md §11.2, §9 item 6): a decision of the head of
 * commune police attachable to voluntary rehab at home/community, substitution therapy and post-rehab
 * management; parent/guardian consent for under-18s; no such measure before 01/07/2026. Every path replayed
 * with persistence round-trips under both law versions.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  WORKFLOWS,
  readmeMissing,
  accept,
  by,
  deadline,
  later,
  loadDefinition,
  procedure,
  refuse,
} from './support.mjs';
import { replayAllPaths } from './paths.mjs';

const proc = procedure('electronic-monitoring');

/** The precompiled validator of a generated form module (run `hoso build` first), as `<hoso-form>` uses it. */
async function formValidator(id) {
  const root = join(WORKFLOWS, '..');
  const mod = await import(pathToFileURL(join(root, 'schemas', 'generated', `${id}.js`)).href);
  const { schemaKey } = await import(
    pathToFileURL(join(root, 'packages', 'forms', 'dist', 'validation', 'index.js')).href
  );
  return mod.validators[schemaKey(mod.schema)];
}
const police = by('police-1', 'commune-police-head');
const chair = by('chair-1', 'commune-pc-chair');
const personUser = by('person-1', 'person');

const ADULT = '1990-05-01';
const MINOR = '2010-08-01';
const at = (day, time = '09:00') => `${day}T${time}:00+07:00`;

/** Event data: a fixture of one of this procedure's forms (schemas/electronic-monitoring/<name>/fixtures/<file>.json). */
const fixture = (name, file) =>
  JSON.parse(
    readFileSync(join(WORKFLOWS, '..', 'schemas', 'electronic-monitoring', name, 'fixtures', `${file}.json`), 'utf8'),
  );
/** DECIDE data: a fixture of the decision form. */
const form = (file) => fixture('decision', file);
const guardian = form('valid-minor-post-rehab').guardian;
/** The adult decision fixture (voluntary rehab at home, 12 months from 03/08/2026) with some fields changed. */
const decision = (changes = {}) => ({ ...form('valid'), ...changes });
/** The minor's decision fixture (post-rehab, consent of the father) without the consent fields, plus `changes`. */
function minorDecision(changes = {}) {
  const { guardianConsent: _c, guardianConsentOn: _o, guardian: _g, ...rest } = form('valid-minor-post-rehab');
  return { ...rest, ...changes };
}
const start = (day, dob = ADULT) => proc.createCase({ person: { birthDate: dob }, at: at(day) });

test('the definition passes the runtime checker', () => {
  assert.deepEqual(loadDefinition('electronic-monitoring').errors, []);
});

test('README.md names every state, event and deadline', () => {
  assert.deepEqual(readmeMissing('electronic-monitoring'), []);
});

test('adult at home rehab: decision by the head of commune police, 12-month term, device moved after a month', async () => {
  let c = start('2026-08-03');
  await refuse(proc, c, 'DECIDE', at('2026-08-03'), chair, decision(), 'role-not-permitted');
  await refuse(proc, c, 'DECIDE', at('2026-08-03'), police, decision({ group: 'compulsory-facility' }), 'guard-failed');
  await refuse(proc, c, 'DECIDE', at('2026-08-03'), police, decision({ months: 36 }), 'guard-failed');
  c = await accept(proc, c, 'DECIDE', at('2026-08-03'), police, decision());
  assert.deepEqual([c.state, c.track, c.lawVersion], ['monitoring', 'adult', '2026-07-01']);
  const end = deadline(c, 'monitoring-end');
  assert.deepEqual([end.n, end.due, end.uncertain], [12, '2027-08-03', true]);
  assert.deepEqual([c.documents[0].id, c.documents[0].formCode], ['decision', null]);
  const relocation = fixture('relocation', 'valid'); // worn on the left ankle since 03/08
  // One month from 03/08 is 03/09: still within the first month; from 04/09 the device may be moved.
  await refuse(proc, c, 'RELOCATE_DEVICE', at('2026-09-03'), police, relocation, 'guard-failed');
  c = await accept(proc, c, 'RELOCATE_DEVICE', at('2026-09-04'), police, relocation);
  await refuse(proc, c, 'REPORT_DAMAGE', at('2026-09-05'), chair, fixture('damage', 'valid'), 'role-not-permitted');
  c = await accept(proc, c, 'REPORT_DAMAGE', at('2026-09-05'), personUser, fixture('damage', 'valid'));
  const completion = fixture('completion', 'valid');
  await refuse(proc, c, 'COMPLETE', at('2027-08-03'), police, completion, 'guard-failed');
  await refuse(proc, c, 'COMPLETE', at('2027-08-04'), police, {}, 'guard-failed');
  c = await accept(proc, c, 'COMPLETE', at('2027-08-04'), police, completion);
  assert.deepEqual([c.state, c.status], ['completed', 'closed']);
});

test('a minor is refused without the consent of a parent or guardian, accepted with it', async () => {
  const c = start('2026-08-03', MINOR);
  const r = await refuse(proc, c, 'DECIDE', at('2026-08-03'), police, minorDecision(), 'guard-failed');
  assert.match(r.detail, /guardianConsent/);
  await refuse(
    proc,
    c,
    'DECIDE',
    at('2026-08-03'),
    police,
    minorDecision({ guardianConsent: false, guardian }),
    'guard-failed',
  );
  await refuse(proc, c, 'DECIDE', at('2026-08-03'), police, minorDecision({ guardianConsent: true }), 'guard-failed');
  const ok = await accept(proc, c, 'DECIDE', at('2026-08-03'), police, form('valid-minor-post-rehab'));
  assert.deepEqual([ok.state, ok.track], ['monitoring', 'minor']);
  // On the 18th birthday no consent is needed.
  const adultNow = start('2028-08-01', MINOR);
  const onBirthday = decision({ decidedOn: '2028-08-01', startsOn: '2028-08-01' });
  assert.equal((await accept(proc, adultNow, 'DECIDE', at('2028-08-01'), police, onBirthday)).track, 'adult');
  // The age that counts is on the date of the decision, not when it is recorded: decided the day before the
  // 18th birthday and recorded the day after, it still needs the consent.
  const dayBefore = decision({ decidedOn: '2028-07-31', startsOn: '2028-08-02' });
  await refuse(proc, start('2028-08-02', MINOR), 'DECIDE', at('2028-08-02'), police, dayBefore, 'guard-failed');
  const withConsent = { ...form('valid-minor-post-rehab'), decidedOn: '2028-07-31', startsOn: '2028-08-02' };
  const late = await accept(proc, start('2028-08-02', MINOR), 'DECIDE', at('2028-08-02'), police, withConsent);
  assert.equal(late.track, 'minor');
});

test('the decision form: each valid fixture is accepted for the person it describes; invalid ones the guards cover are refused', async () => {
  for (const [file, track] of [
    ['valid', 'adult'],
    ['valid-minor-post-rehab', 'minor'],
  ]) {
    const data = form(file);
    const c = await accept(
      proc,
      start(data.decidedOn, data.person.dateOfBirth),
      'DECIDE',
      at(data.decidedOn),
      police,
      data,
    );
    assert.deepEqual([c.state, c.track, deadline(c, 'monitoring-end').due], ['monitoring', track, '2027-08-03'], file);
    assert.deepEqual(c.data.decision, data, `${file}: the decision is stored as entered`);
  }
  for (const file of [
    'invalid-group-facility',
    'invalid-months-too-long',
    'invalid-minor-consent-refused',
    'invalid-minor-no-consent',
    'invalid-minor-guardian-missing',
  ]) {
    const data = form(file);
    await refuse(
      proc,
      start(data.decidedOn, data.person.dateOfBirth),
      'DECIDE',
      at(data.decidedOn),
      police,
      data,
      'guard-failed',
    );
  }
});

test('the forms of the monitoring events: valid fixtures accepted, invalid ones the guards cover refused', async () => {
  const c = await accept(proc, start('2026-08-03'), 'DECIDE', at('2026-08-03'), police, decision());
  const day = at('2026-10-01');
  const cases = [
    ['REPORT_DAMAGE', personUser, 'damage', ['valid', 'valid-family'], ['invalid-description-missing'], 'monitoring'],
    [
      'RELOCATE_DEVICE',
      police,
      'relocation',
      ['valid', 'valid-police'],
      ['invalid-new-position-missing', 'invalid-position-since-missing'],
      'monitoring',
    ],
    [
      'RECORD_VIOLATION',
      police,
      'violation',
      ['valid', 'valid-interfered'],
      ['invalid-kind', 'invalid-description-missing'],
      'violation_recorded',
    ],
    ['TERMINATE', police, 'termination', ['valid', 'valid-compulsory'], ['invalid-reason'], 'ended'],
  ];
  for (const [type, who, name, valid, invalid, state] of cases) {
    for (const file of valid) {
      const data = fixture(name, file);
      // valid-police.json moves a device worn since 04/09/2026, so after 04/10; the other fixtures date from before.
      const when = file === 'valid-police' ? at('2026-11-02') : day;
      const next = await accept(proc, c, type, when, who, data);
      assert.deepEqual([next.state, next.data[name]], [state, data], `${type} ${file}`);
    }
    for (const file of invalid) await refuse(proc, c, type, day, who, fixture(name, file), 'guard-failed');
  }
});

test('before 01/07/2026 the measure does not exist: refused, naming Law 120', async () => {
  const c = start('2026-06-30');
  assert.equal(c.lawVersion, '2025-07-01');
  const r = await refuse(proc, c, 'DECIDE', at('2026-06-30'), police, decision(), 'role-not-permitted');
  assert.match(r.message.en, /Law 120/);
  assert.match(r.message.vi, /Luật 120/);
});

test('a violation or the end of the attached measure ends the monitoring before its term', async () => {
  const c = await accept(
    proc,
    start('2026-08-03'),
    'DECIDE',
    at('2026-08-03'),
    police,
    decision({ group: 'substitution-therapy' }),
  );
  await refuse(
    proc,
    c,
    'RECORD_VIOLATION',
    at('2026-10-01'),
    police,
    fixture('violation', 'invalid-kind'),
    'guard-failed',
  );
  const v = await accept(proc, c, 'RECORD_VIOLATION', at('2026-10-01'), police, fixture('violation', 'valid'));
  assert.deepEqual([v.state, deadline(v, 'monitoring-end').metBy], ['violation_recorded', 'RECORD_VIOLATION']);
  const t = await accept(proc, c, 'TERMINATE', at('2026-10-01'), police, fixture('termination', 'valid-compulsory'));
  assert.equal(t.state, 'ended');
});

test('the example scenarios: every event with a form that the machine accepts carries data the form accepts', async () => {
  const forms = {};
  const walk = (states) => {
    for (const s of Object.values(states)) {
      for (const [type, e] of Object.entries(s.meta?.events ?? {})) if (e.form) forms[type] = e.form;
      if (s.states) walk(s.states);
    }
  };
  walk(proc.definition.states);
  const dir = join(WORKFLOWS, '..', 'examples', 'scenarios');
  const files = readdirSync(dir).filter((f) => f.startsWith('electronic-monitoring-') && f.endsWith('.json'));
  assert.ok(files.length > 0);
  let checked = 0;
  for (const file of files) {
    const scenario = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    let c = proc.createCase({ person: scenario.person, at: scenario.events[0].at });
    for (const [i, e] of scenario.events.entries()) {
      const r = await proc.apply(c, e);
      if (r.ok) c = r.case;
      if (!forms[e.type]) continue;
      const validate = await formValidator(forms[e.type]);
      const valid = validate(e.data);
      const why = JSON.stringify(validate.errors?.map((x) => [x.instancePath, x.keyword]));
      // Data the form refuses must never get through: such an event is in the scenario to be refused.
      if (!valid)
        assert.equal(r.ok, false, `${file} event ${i} (${e.type}) accepted with data the form refuses: ${why}`);
      else checked++;
    }
  }
  assert.ok(checked >= 4, `only ${checked} events checked`);
});

test('hoso simulate examples/scenarios/electronic-monitoring-adult-violation.json', () => {
  const cli = [
    'packages/cli/bin/hoso.mjs',
    'simulate',
    'examples/scenarios/electronic-monitoring-adult-violation.json',
  ];
  const out = JSON.parse(execFileSync(process.execPath, cli, { cwd: join(WORKFLOWS, '..'), encoding: 'utf8' }));
  assert.equal(out.lawVersion, '2026-07-01');
  assert.deepEqual(
    out.results.map((r) => (r.accepted ? r.to : `refused:${r.refusal.code}`)),
    ['refused:guard-failed', 'monitoring', 'monitoring', 'refused:role-not-permitted', 'violation_recorded'],
  );
  assert.deepEqual(out.audit.verify, { ok: true, entries: out.accepted });
  const end = out.view.deadlines.find((d) => d.id === 'monitoring-end');
  assert.deepEqual([end.due, end.metBy], ['2027-08-03', 'RECORD_VIOLATION']);
});

const fixtures = {
  'proposal/DECIDE#0': {
    by: police,
    data: (c) => decision({ decidedOn: c.createdAt.slice(0, 10), startsOn: c.createdAt.slice(0, 10) }),
    expect: (law) => (law === '2026-07-01' ? 'ok' : 'role-not-permitted'),
  },
  'proposal/DECIDE#1': {
    by: police,
    data: (c) => ({
      ...form('valid-minor-post-rehab'),
      decidedOn: c.createdAt.slice(0, 10),
      startsOn: c.createdAt.slice(0, 10),
    }),
    expect: (law) => (law === '2026-07-01' ? 'ok' : 'role-not-permitted'),
  },
  'monitoring/REPORT_DAMAGE#0': { by: personUser, data: () => fixture('damage', 'valid-family') },
  'monitoring/RELOCATE_DEVICE#0': {
    by: police,
    data: (c) => ({
      ...fixture('relocation', 'valid'),
      positionSince: later(c.updatedAt, { months: -2 }).slice(0, 10),
      relocatedOn: c.updatedAt.slice(0, 10),
    }),
  },
  'monitoring/RECORD_VIOLATION#0': { by: police, data: () => fixture('violation', 'valid-interfered') },
  'monitoring/TERMINATE#0': { by: police, data: () => fixture('termination', 'valid') },
  'monitoring/COMPLETE#0': {
    by: police,
    after: 'monitoring-end',
    data: () => fixture('completion', 'valid-not-returned'),
  },
};

/** Before Law 120 every path stops at DECIDE, so only the decision fixtures are used. */
const pre120 = Object.fromEntries(Object.entries(fixtures).filter(([k]) => k.startsWith('proposal/')));
for (const [lawVersion, startAt, table, expected] of [
  ['2025-07-01', '2026-03-02T09:00:00+07:00', pre120, { paths: 6, completed: 0, blocked: 6 }],
  ['2026-07-01', '2026-07-06T09:00:00+07:00', fixtures, { paths: 6, completed: 6, blocked: 0 }],
]) {
  test(`every path, replayed with persistence round-trips (law ${lawVersion})`, async () => {
    const counts = await replayAllPaths(proc, table, {
      start: startAt,
      person: (path) => ({ birthDate: path.steps[0].edge === 'DECIDE#1' ? MINOR : ADULT }),
    });
    assert.deepEqual(counts, expected);
  });
}
