/**
 * Addiction status determination (procedures.md §3): requests (voluntary, minors, police with a
 * positive drug test), the Circular 18/2021 checklist computing the conclusion, the result, the
 * 5-working-day registration limit, and Law 120's re-determination of results older than 6 months.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { WORKFLOWS, accept, by, deadline, loadDefinition, procedure, refuse } from './support.mjs';
import { replayAllPaths } from './paths.mjs';

/** The precompiled validator of a generated form module (run `hoso build` first), as `<hoso-form>` uses it. */
async function formValidator(id) {
  const root = join(WORKFLOWS, '..');
  const mod = await import(pathToFileURL(join(root, 'schemas', 'generated', `${id}.js`)).href);
  const { schemaKey } = await import(
    pathToFileURL(join(root, 'packages', 'forms', 'dist', 'validation', 'index.js')).href
  );
  return mod.validators[schemaKey(mod.schema)];
}

/** A form's fixture: schemas/<procedure>/<form>/fixtures/<file>.json. */
const fixture = (id, file) =>
  JSON.parse(readFileSync(join(WORKFLOWS, '..', 'schemas', ...id.split('/'), 'fixtures', `${file}.json`), 'utf8'));
/** A fixture of one of this procedure's forms. */
const form = (name, file) => fixture(`addiction-determination/${name}`, file);

const proc = procedure('addiction-determination');
const validateCriteria = await formValidator('addiction-determination/criteria');
const doctor = by('doctor-1', 'determination-facility');
const officer = by('officer-1', 'commune-officer');
const police = by('police-1', 'commune-police-head');
const chair = by('chair-1', 'commune-pc-chair');
const personUser = by('person-1', 'person');
const ADULT = { birthDate: '1990-05-01' };
const MINOR = { birthDate: '2010-08-01' };

// RECEIVE_REQUEST data: the request form's fixtures (schemas/addiction-determination/request).
const selfRequest = form('request', 'valid');
const minorRequest = form('request', 'valid-minor-representative');
const policeRequest = (extra = {}) => ({ ...form('request', 'valid-police'), ...extra });
// REGISTERED, REDETERMINE: this procedure's forms; RECORD_NO_REGISTRATION: the Form 27 violation record of
// voluntary-rehab (schemas/voluntary-rehab/violation-record), kind "not-registered".
const registration = form('registration-record', 'valid');
const substitution = form('registration-record', 'valid-substitution');
const redetermination = form('redetermination', 'valid');
const violationRecord = (file = 'valid-not-registered') => fixture('voluntary-rehab/violation-record', file);
// CONCLUDE data: the criteria form's fixtures (schemas/addiction-determination/criteria). `assessment()` varies
// the checklist of the valid fixture and leaves the typed conclusion out (the machine computes it).
const signature = form('criteria', 'valid').doctor;
const assessment = (criteriaMet, pattern = 'together-1-month', doctorBlock = signature) => {
  const { criteriaMet: _c, pattern: _p, conclusion: _k, doctor: _d, ...rest } = form('criteria', 'valid');
  return { ...rest, criteriaMet, pattern, ...(doctorBlock ? { doctor: doctorBlock } : {}) };
};

async function observing(at, person = ADULT, request = selfRequest) {
  const c = proc.createCase({ person, at });
  return accept(proc, c, 'RECEIVE_REQUEST', at, doctor, request);
}

test('the definition passes the runtime checker', () => {
  assert.deepEqual(loadDefinition('addiction-determination').errors, []);
});

test('voluntary adult → observation → addicted by the criteria → result (Form 04) → registration within 5 working days', async () => {
  const [t7, t10] = ['2026-09-07T08:00:00+07:00', '2026-09-10T10:00:00+07:00'];
  const start = proc.createCase({ person: ADULT, at: t7 });
  await refuse(proc, start, 'RECEIVE_REQUEST', t7, personUser, selfRequest, 'role-not-permitted');
  let c = await accept(proc, start, 'RECEIVE_REQUEST', t7, doctor, selfRequest);
  assert.deepEqual([c.state, c.track, c.lawVersion], ['observing', 'voluntary', '2026-07-01']);
  c = await accept(proc, c, 'RECORD_OBSERVATION', '2026-09-07T16:00:00+07:00', doctor, form('observation', 'valid'));
  await refuse(proc, c, 'CONCLUDE', t10, police, assessment([1, 3, 5, 6]), 'role-not-permitted');
  await refuse(proc, c, 'CONCLUDE', t10, doctor, assessment([1, 3, 5, 6], 'together-1-month', null), 'guard-failed');
  const unsigned = structuredClone(form('criteria', 'valid'));
  delete unsigned.doctor.signature;
  await refuse(proc, c, 'CONCLUDE', t10, doctor, unsigned, 'guard-failed');
  c = await accept(proc, c, 'CONCLUDE', t10, doctor, form('criteria', 'valid-continue-observation'));
  assert.equal(c.state, 'observing', '2 criteria without criterion 6: observation continues');
  c = await accept(proc, c, 'CONCLUDE', '2026-09-11T10:00:00+07:00', doctor, form('criteria', 'valid'));
  assert.equal(c.state, 'concluded_addicted');
  const notAddictedSheet = form('result', 'valid-not-addicted');
  await refuse(proc, c, 'ISSUE_RESULT', '2026-09-11T10:30:00+07:00', doctor, notAddictedSheet, 'guard-failed');
  c = await accept(proc, c, 'ISSUE_RESULT', '2026-09-11T10:30:00+07:00', doctor, form('result', 'valid'));
  assert.equal(c.state, 'issued_addicted');
  assert.deepEqual(
    c.documents.map((d) => [d.id, d.formCode]),
    [['result', 'Mẫu 04 (Nghị định 109/2021)']],
  );
  // Fri 11/09/2026 + 5 working days: Mon 14, Tue 15, Wed 16, Thu 17, Fri 18.
  assert.equal(deadline(c, 'registration').due, '2026-09-18');
  assert.equal(deadline(c, 'result-validity').due, '2027-03-11');
  await refuse(proc, c, 'REGISTERED', '2026-09-14T09:00:00+07:00', doctor, registration, 'role-not-permitted');
  c = await accept(proc, c, 'REGISTERED', '2026-09-14T09:00:00+07:00', officer, registration);
  assert.deepEqual([c.state, c.status, deadline(c, 'registration').late], ['registered', 'closed', false]);
});

test('the Circular 18 checklist computes the conclusion (≥ 3 of 6; criterion 6 rule; 1-month/12-month pattern)', async () => {
  const base = await observing('2026-09-07T08:00:00+07:00');
  const cases = [
    [[], 'together-1-month', 'concluded_not_addicted'],
    [[6], 'together-1-month', 'concluded_not_addicted'],
    [[2, 6], 'together-1-month', 'concluded_not_addicted'],
    [[1, 2], 'together-1-month', 'observing'],
    [[4, 5], 'neither', 'observing'],
    [[1, 2, 3], 'together-1-month', 'concluded_addicted'],
    [[2, 4, 6], 'recurring-12-months', 'concluded_addicted'],
    [[1, 2, 3, 4, 5, 6], 'together-1-month', 'concluded_addicted'],
    [[1, 2, 3], 'neither', 'concluded_not_addicted'],
  ];
  const conclusionOf = {
    concluded_addicted: 'addicted',
    concluded_not_addicted: 'not-addicted',
    observing: 'continue-observation',
  };
  for (const [criteria, pattern, expected] of cases) {
    const label = `criteria ${JSON.stringify(criteria)} ${pattern}`;
    const c = await accept(proc, base, 'CONCLUDE', '2026-09-08T10:00:00+07:00', doctor, assessment(criteria, pattern));
    assert.equal(c.state, expected, label);
    assert.deepEqual(c.data.assessment.doctor, signature, 'the doctor signature block is recorded');
    // The form agrees with the machine: it accepts the conclusion the machine reached and no other, and the
    // machine refuses a typed conclusion that contradicts the checklist.
    for (const conclusion of Object.values(conclusionOf)) {
      const data = { ...assessment(criteria, pattern), conclusion };
      const agrees = conclusion === conclusionOf[expected];
      assert.equal(validateCriteria(data), agrees, `${label}: form with conclusion ${conclusion}`);
      if (agrees) {
        const typed = await accept(proc, base, 'CONCLUDE', '2026-09-08T10:00:00+07:00', doctor, data);
        assert.equal(typed.state, expected, `${label}: with the typed conclusion`);
      } else await refuse(proc, base, 'CONCLUDE', '2026-09-08T10:00:00+07:00', doctor, data, 'guard-failed');
    }
  }
  for (const wrong of [assessment([1, 1, 2]), assessment([1, 2, 7]), assessment([1, 2, 3], 'sometimes')]) {
    await refuse(proc, base, 'CONCLUDE', '2026-09-08T10:00:00+07:00', doctor, wrong, 'guard-failed');
  }
});

test('who is determined: minors with a representative, police requests need a legal ground and a positive test', async () => {
  const at = '2026-09-07T08:00:00+07:00';
  const minor = proc.createCase({ person: MINOR, at });
  await refuse(proc, minor, 'RECEIVE_REQUEST', at, doctor, selfRequest, 'guard-failed');
  await refuse(proc, minor, 'RECEIVE_REQUEST', at, doctor, { requester: 'representative' }, 'guard-failed');
  assert.equal((await accept(proc, minor, 'RECEIVE_REQUEST', at, doctor, minorRequest)).track, 'voluntary-minor');
  assert.equal((await accept(proc, minor, 'RECEIVE_REQUEST', at, doctor, policeRequest())).track, 'police');
  const child = proc.createCase({ person: { birthDate: '2015-01-01' }, at });
  await refuse(proc, child, 'RECEIVE_REQUEST', at, doctor, policeRequest(), 'guard-failed');
  const adult = proc.createCase({ person: ADULT, at });
  const negative = policeRequest({ drugTest: { result: 'negative', date: '2026-09-01' } });
  await refuse(proc, adult, 'RECEIVE_REQUEST', at, doctor, negative, 'guard-failed');
  await refuse(proc, adult, 'RECEIVE_REQUEST', at, doctor, policeRequest({ drugTest: undefined }), 'guard-failed');
  await refuse(proc, adult, 'RECEIVE_REQUEST', at, doctor, policeRequest({ ground: 'curiosity' }), 'guard-failed');
  await refuse(proc, adult, 'RECEIVE_REQUEST', at, police, policeRequest(), 'role-not-permitted');
  const refusal = await refuse(proc, adult, 'RECEIVE_REQUEST', at, doctor, { requester: 'self' }, 'guard-failed');
  assert.match(refusal.message.vi, /RECEIVE_REQUEST/);
});

test('the request form: each valid fixture opens its track for the person it describes; guard-relevant invalid ones are refused', async () => {
  const at = '2026-09-07T08:00:00+07:00';
  const open = (data) => proc.createCase({ person: { birthDate: data.person.dateOfBirth }, at });
  for (const [file, track] of [
    ['valid', 'voluntary'],
    ['valid-redetermination', 'voluntary'],
    ['valid-minor-representative', 'voluntary-minor'],
    ['valid-police', 'police'],
    ['valid-police-minor', 'police'],
  ]) {
    const data = form('request', file);
    const c = await accept(proc, open(data), 'RECEIVE_REQUEST', at, doctor, data);
    assert.deepEqual([c.state, c.track], ['observing', track], file);
    assert.deepEqual(c.data.request, data, `${file}: the request is stored as entered`);
  }
  for (const [file, person] of [
    ['invalid-police-negative-test', ADULT],
    ['invalid-police-no-test', ADULT],
    ['invalid-representative-missing', MINOR],
    ['invalid-self-minor', MINOR],
  ]) {
    const c = proc.createCase({ person, at });
    await refuse(proc, c, 'RECEIVE_REQUEST', at, doctor, form('request', file), 'guard-failed');
  }
});

test('Law 120 re-determination on registering: the previous result must be older than 6 months (Law 73: no such case)', async () => {
  const expired = form('request', 'valid-redetermination'); // previous result of 15/01/2026
  const open = (at) => proc.createCase({ person: { birthDate: expired.person.dateOfBirth }, at });
  const at = '2026-09-07T08:00:00+07:00';
  assert.equal((await accept(proc, open(at), 'RECEIVE_REQUEST', at, doctor, expired)).track, 'voluntary');
  const recent = { ...expired, previousResult: { ...expired.previousResult, date: '2026-06-01' } };
  await refuse(proc, open(at), 'RECEIVE_REQUEST', at, doctor, recent, 'guard-failed');
  const { previousResult: _p, ...withoutPrevious } = expired;
  await refuse(proc, open(at), 'RECEIVE_REQUEST', at, doctor, withoutPrevious, 'guard-failed');
  // 6 months after 15/01/2026 is 15/07/2026: on that day the result is still valid, the day after it is not.
  const onTheDay = '2026-07-15T08:00:00+07:00';
  const dayAfter = '2026-07-16T08:00:00+07:00';
  await refuse(proc, open(onTheDay), 'RECEIVE_REQUEST', onTheDay, doctor, expired, 'guard-failed');
  assert.equal((await accept(proc, open(dayAfter), 'RECEIVE_REQUEST', dayAfter, doctor, expired)).state, 'observing');
  const law73 = '2026-03-02T08:00:00+07:00';
  const old = { ...expired, previousResult: { ...expired.previousResult, date: '2025-06-01' } };
  await refuse(proc, open(law73), 'RECEIVE_REQUEST', law73, doctor, old, 'guard-failed');
  assert.equal(
    (await accept(proc, open(law73), 'RECEIVE_REQUEST', law73, doctor, selfRequest)).lawVersion,
    '2025-07-01',
  );
});

test('the criteria form: each valid fixture reaches the state its conclusion names; invalid ones are refused', async () => {
  const base = await observing('2026-09-07T08:00:00+07:00');
  const stateOf = {
    addicted: 'concluded_addicted',
    'not-addicted': 'concluded_not_addicted',
    'continue-observation': 'observing',
  };
  const files = ['valid', 'valid-not-addicted', 'valid-continue-observation', 'valid-no-criteria', 'valid-neither'];
  for (const file of files) {
    const data = form('criteria', file);
    assert.equal(validateCriteria(data), true, `${file} is valid for the form`);
    const c = await accept(proc, base, 'CONCLUDE', '2026-09-11T10:00:00+07:00', doctor, data);
    assert.equal(c.state, stateOf[data.conclusion], file);
  }
  // Every invalid fixture of the checklist (contradicting conclusion, missing pattern, unknown or repeated
  // criterion, no certificate, unsigned) is refused by the machine too.
  const dir = join(WORKFLOWS, '..', 'schemas', 'addiction-determination', 'criteria', 'fixtures');
  const invalid = readdirSync(dir).filter((f) => /^invalid-.*(?<!\.expect)\.json$/.test(f));
  assert.equal(invalid.length, 7);
  for (const file of invalid.map((f) => f.slice(0, -5))) {
    const data = form('criteria', file);
    assert.equal(validateCriteria(data), false, `${file} is invalid for the form`);
    await refuse(proc, base, 'CONCLUDE', '2026-09-11T10:00:00+07:00', doctor, data, 'guard-failed');
  }
});

test('the observation and result forms: valid fixtures accepted, invalid ones the guards cover refused', async () => {
  const base = await observing('2026-09-07T08:00:00+07:00');
  const [t16, t9, t10] = ['2026-09-07T16:00:00+07:00', '2026-09-11T09:00:00+07:00', '2026-09-11T10:00:00+07:00'];
  for (const file of ['valid', 'valid-summary']) {
    const c = await accept(proc, base, 'RECORD_OBSERVATION', t16, doctor, form('observation', file));
    assert.deepEqual([c.state, c.data.observation], ['observing', form('observation', file)], file);
  }
  await refuse(proc, base, 'RECORD_OBSERVATION', t16, doctor, form('observation', 'invalid-sheet'), 'guard-failed');
  const addicted = await accept(proc, base, 'CONCLUDE', t9, doctor, form('criteria', 'valid'));
  const notAddicted = await accept(proc, base, 'CONCLUDE', t9, doctor, form('criteria', 'valid-not-addicted'));
  const issued = async (c, file) => (await accept(proc, c, 'ISSUE_RESULT', t10, doctor, form('result', file))).state;
  assert.equal(await issued(addicted, 'valid'), 'issued_addicted');
  assert.equal(await issued(notAddicted, 'valid-not-addicted'), 'issued_not_addicted');
  await refuse(proc, notAddicted, 'ISSUE_RESULT', t10, doctor, form('result', 'valid'), 'guard-failed');
  await refuse(proc, addicted, 'ISSUE_RESULT', t10, doctor, form('result', 'invalid-number-missing'), 'guard-failed');
});

test('no registration within 5 working days from Fri 24/04/2026 (skips 27/04, 30/04, 01/05) → Form 27 by commune police', async () => {
  let c = await observing('2026-04-23T08:00:00+07:00');
  c = await accept(proc, c, 'CONCLUDE', '2026-04-24T09:00:00+07:00', doctor, assessment([1, 2, 3]));
  c = await accept(proc, c, 'ISSUE_RESULT', '2026-04-24T10:00:00+07:00', doctor, form('result', 'valid'));
  // Working days after Fri 24/04: Tue 28, Wed 29, Mon 04/05, Tue 05, Wed 06.
  assert.equal(deadline(c, 'registration').due, '2026-05-06');
  assert.equal(deadline(c, 'result-validity'), undefined, 'Law 73 has no 6-month validity rule');
  const violation = violationRecord();
  // A Form 27 for quitting rehab is not the record of not registering.
  const otherKind = violationRecord('valid-quit');
  await refuse(proc, c, 'RECORD_NO_REGISTRATION', '2026-05-07T09:00:00+07:00', police, otherKind, 'guard-failed');
  await refuse(proc, c, 'RECORD_NO_REGISTRATION', '2026-05-06T16:00:00+07:00', police, violation, 'guard-failed');
  await refuse(proc, c, 'RECORD_NO_REGISTRATION', '2026-05-07T09:00:00+07:00', chair, violation, 'role-not-permitted');
  c = await accept(proc, c, 'RECORD_NO_REGISTRATION', '2026-05-07T09:00:00+07:00', police, violation);
  assert.deepEqual([c.state, c.documents[1].id], ['referred_to_compulsory', 'violationRecord']);
  assert.equal(deadline(c, 'registration').late, true);
});

test('Law 120: a result older than 6 months must be re-determined; Law 73: no such rule', async () => {
  const issued = async (at) => {
    let c = await observing(at);
    c = await accept(proc, c, 'CONCLUDE', at.replace('08:00', '09:00'), doctor, assessment([1, 2, 3]));
    return accept(proc, c, 'ISSUE_RESULT', at.replace('08:00', '10:00'), doctor, form('result', 'valid'));
  };
  const after = await issued('2026-07-06T08:00:00+07:00');
  assert.equal(deadline(after, 'result-validity').due, '2027-01-06');
  await refuse(proc, after, 'REDETERMINE', '2027-01-06T09:00:00+07:00', officer, redetermination, 'guard-failed');
  await refuse(proc, after, 'REGISTERED', '2027-01-07T09:00:00+07:00', officer, registration, 'guard-failed');
  const again = await accept(proc, after, 'REDETERMINE', '2027-01-07T09:00:00+07:00', officer, redetermination);
  assert.equal(again.state, 'observing');
  const before = await issued('2026-06-29T08:00:00+07:00');
  assert.equal(before.lawVersion, '2025-07-01');
  await refuse(proc, before, 'REDETERMINE', '2027-01-07T09:00:00+07:00', officer, redetermination, 'guard-failed');
  const late = await accept(proc, before, 'REGISTERED', '2027-01-07T09:00:00+07:00', officer, substitution);
  assert.deepEqual([late.state, deadline(late, 'registration').late], ['registered', true]);
});

test('the registration record and re-determination forms: invalid fixtures the guards cover are refused', async () => {
  let c = await observing('2026-07-06T08:00:00+07:00');
  c = await accept(proc, c, 'CONCLUDE', '2026-07-06T09:00:00+07:00', doctor, form('criteria', 'valid'));
  c = await accept(proc, c, 'ISSUE_RESULT', '2026-07-06T10:00:00+07:00', doctor, form('result', 'valid'));
  const at = '2026-07-08T09:00:00+07:00';
  const badProgramme = form('registration-record', 'invalid-programme');
  await refuse(proc, c, 'REGISTERED', at, officer, badProgramme, 'guard-failed');
  const ok = await accept(proc, c, 'REGISTERED', at, officer, substitution);
  assert.deepEqual([ok.state, ok.data.registration], ['registered', substitution]);
  const expired = '2027-01-07T09:00:00+07:00';
  const noReason = form('redetermination', 'invalid-reason-missing');
  await refuse(proc, c, 'REDETERMINE', expired, officer, noReason, 'guard-failed');
  const again = await accept(proc, c, 'REDETERMINE', expired, officer, form('redetermination', 'valid-person'));
  assert.equal(again.state, 'observing');
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
  const files = readdirSync(dir).filter((f) => f.startsWith('addiction-determination-') && f.endsWith('.json'));
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
  assert.ok(checked >= 5, `only ${checked} events checked`);
});

test('hoso simulate examples/scenarios/addiction-determination-police-minor-not-addicted.json', () => {
  const cli = [
    'packages/cli/bin/hoso.mjs',
    'simulate',
    'examples/scenarios/addiction-determination-police-minor-not-addicted.json',
  ];
  const out = JSON.parse(execFileSync(process.execPath, cli, { cwd: join(WORKFLOWS, '..'), encoding: 'utf8' }));
  assert.equal(out.lawVersion, '2026-07-01');
  assert.deepEqual(
    out.results.map((r) => (r.accepted ? r.to : `refused:${r.refusal.code}`)),
    ['observing', 'observing', 'concluded_not_addicted', 'refused:guard-failed', 'issued_not_addicted'],
  );
  assert.deepEqual(out.audit.verify, { ok: true, entries: out.accepted });
  assert.equal(out.view.track, 'police');
  assert.deepEqual(out.view.deadlines, [], 'no registration time limit after a "not addicted" result');
});

const fixtures = {
  'awaiting_request/RECEIVE_REQUEST#0': { by: doctor, data: () => selfRequest },
  'awaiting_request/RECEIVE_REQUEST#1': { by: doctor, data: () => minorRequest },
  'awaiting_request/RECEIVE_REQUEST#2': { by: doctor, data: () => policeRequest() },
  'observing/RECORD_OBSERVATION#0': { by: doctor, data: () => form('observation', 'valid-summary') },
  'observing/CONCLUDE#2': { by: doctor, data: () => form('criteria', 'valid-continue-observation') },
  'observing/CONCLUDE#0': { by: doctor, data: () => form('criteria', 'valid') },
  'observing/CONCLUDE#1': { by: doctor, data: () => form('criteria', 'valid-not-addicted') },
  'concluded_addicted/ISSUE_RESULT#0': { by: doctor, data: () => form('result', 'valid') },
  'concluded_not_addicted/ISSUE_RESULT#0': { by: doctor, data: () => form('result', 'valid-not-addicted') },
  'issued_addicted/REGISTERED#0': { by: officer, data: () => registration },
  'issued_addicted/RECORD_NO_REGISTRATION#0': {
    by: police,
    after: 'registration',
    data: () => violationRecord(),
  },
  'issued_addicted/REDETERMINE#0': {
    by: officer,
    after: 'result-validity',
    data: () => redetermination,
    expect: (law) => (law === '2026-07-01' ? 'ok' : 'guard-failed'),
  },
};

for (const [lawVersion, start, expected] of [
  ['2025-07-01', '2026-03-02T09:00:00+07:00', { paths: 10, completed: 9, blocked: 1 }],
  ['2026-07-01', '2026-07-06T09:00:00+07:00', { paths: 10, completed: 10, blocked: 0 }],
]) {
  test(`every path, replayed with persistence round-trips (law ${lawVersion})`, async () => {
    const counts = await replayAllPaths(proc, fixtures, {
      start,
      person: (path) => (path.steps[0].edge === 'RECEIVE_REQUEST#1' ? MINOR : ADULT),
    });
    assert.deepEqual(counts, expected);
  });
}
