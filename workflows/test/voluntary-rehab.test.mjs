/**
 * Voluntary rehab (procedures.md §2): scenarios written from the law, and every path of the machine
 * replayed under both law versions around 01/07/2026, with persistence round-trips at each step.
 * Due dates are checked by hand against workflows/calendars/vn.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { WORKFLOWS, accept, by, content, deadline, loadDefinition, procedure, refuse } from './support.mjs';
import { replayAllPaths } from './paths.mjs';

const ROOT = join(WORKFLOWS, '..');
const { schemaKey } = await import(pathToFileURL(join(ROOT, 'packages/forms/dist/validation/index.js')).href);
const validators = {};
for (const form of ['registration', 'decision', 'contract', 'violation-record', 'electronic-monitoring']) {
  const file = join(ROOT, 'schemas/generated/voluntary-rehab', `${form}.js`);
  const mod = await import(pathToFileURL(file).href).catch((e) => {
    throw new Error(`${file}: run \`npx tsc -b && node packages/cli/bin/hoso.mjs build\` first (${e.message})`);
  });
  validators[form] = mod.validators[schemaKey(mod.schema)];
}

/** Deep merge: objects merge, `undefined` removes a key, anything else replaces. */
function patched(value, patch) {
  if (patch === undefined) return value;
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return patch;
  const out = { ...value };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) delete out[k];
    else out[k] = patched(out[k], v);
  }
  return out;
}

/**
 * Event data from a form's fixture (schemas/voluntary-rehab/<form>/fixtures/<name>.json), optionally patched.
 * Data built from a valid fixture must still pass the form's own precompiled validator, so every event the
 * machine accepts here is something the form lets an officer submit.
 */
function formFixture(form, name, patch) {
  const file = join(ROOT, 'schemas/voluntary-rehab', form, 'fixtures', `${name}.json`);
  const data = patched(JSON.parse(readFileSync(file, 'utf8')), patch);
  if (name.startsWith('valid')) {
    const ok = validators[form](data);
    assert.ok(
      ok,
      `${form}/${name} ${JSON.stringify(patch)} fails its form: ${JSON.stringify(validators[form].errors)}`,
    );
  }
  return data;
}

const proc = procedure('voluntary-rehab');
const officer = by('officer-1', 'commune-officer');
const chair = by('chair-1', 'commune-pc-chair');
const police = by('police-1', 'commune-police-head');
const provider = by('provider-1', 'service-provider');
const facility = by('facility-1', 'rehab-facility');
const doctor = by('doctor-1', 'determination-facility');
const personUser = by('person-1', 'person');

const ADULT = '1990-05-01';
const MINOR = '2010-08-01';

const REHAB_FORMS = {
  community: {
    rehabForm: 'community',
    serviceProvider: 'Trạm Y tế xã Đông Sơn',
    familySupporterName: undefined,
    facilityName: undefined,
    costSupportGroup: undefined,
  },
  home: { rehabForm: 'home', serviceProvider: 'Trạm Y tế xã Đông Sơn', familySupporterName: 'Lê Văn Tâm' },
  facility: {
    rehabForm: 'facility',
    facilityName: 'Cơ sở cai nghiện ma túy số 1',
    serviceProvider: undefined,
    familySupporterName: undefined,
  },
};

/**
 * Registration data from the form's fixtures (schemas/voluntary-rehab/registration/fixtures): an adult in the
 * community (valid-community), a minor at home registered by her father (valid-minor-home) or an adult at a
 * facility (valid); the variant asked for is patched in and must still pass the form's validator.
 */
function application({ dob, minor = false, form = minor ? 'home' : 'community', previousRehab = false } = {}) {
  const base = minor ? 'valid-minor-home' : form === 'facility' ? 'valid' : 'valid-community';
  return formFixture('registration', base, {
    ...(dob ? { person: { dateOfBirth: dob } } : {}),
    registration: REHAB_FORMS[form],
    drugUse: previousRehab
      ? { previousRehab: true, previousRehabCount: 1 }
      : { previousRehab: false, previousRehabCount: undefined },
  });
}

/** Law 120/2025 (from 2026-07-01) sets 24/36 months; earlier versions 6–12 (Law 73). */
const law120 = (c) => c.lawVersion >= '2026-07-01';

/** The decision fixture that fits the case: law version, first or repeat rehab, and the registered form. */
function decisionFor(c, patch = {}) {
  const repeat = c.data.application.drugUse.previousRehab === true;
  const home = c.data.application.registration.rehabForm === 'home';
  const name = law120(c)
    ? repeat
      ? 'valid-repeat'
      : home
        ? 'valid-home'
        : 'valid'
    : repeat
      ? 'valid-law73-repeat'
      : 'valid-law73';
  const form = home && name !== 'valid-home' ? { rehabForm: 'home', familySupporterName: 'Lê Văn Tâm' } : {};
  return formFixture('decision', name, { ...form, ...patch });
}

/**
 * The contract fixture signed by `signatory` (the representative's for a minor) for a form of rehab:
 * valid (adult, community), valid-representative (minor, home) or valid-facility (adult, facility).
 */
function contract(signatory = 'person', setting = 'community') {
  const name =
    signatory === 'representative' ? 'valid-representative' : setting === 'facility' ? 'valid-facility' : 'valid';
  return formFixture('contract', name, { setting });
}
const contractFor = (c) => contract(signer(c), c.data.application.registration.rehabForm);

/** The violation-record fixture for a kind of Decree 116 Art. 33 (valid.json is drug use). */
const violation = (kind) => formFixture('violation-record', kind === 'drug-use' ? 'valid' : `valid-${kind}`);

/** Electronic monitoring: an adult (valid), or a minor with the parent's consent (valid-minor). */
const monitoring = (minor = false) => formFixture('electronic-monitoring', minor ? 'valid-minor' : 'valid');

const result = { conclusion: 'addicted', issuedOn: '2026-07-10' };

function start(at, person = { birthDate: ADULT }, province) {
  return proc.createCase({ person, at, ...(province ? { province } : {}) });
}

test('the definition passes the runtime checker', () => {
  assert.deepEqual(loadDefinition('voluntary-rehab').errors, []);
});

test('adult, community, Law 120: registration → decision → contract → 24 months → certificate', async () => {
  let c = start('2026-07-10T15:00:00+07:00');
  assert.equal(c.lawVersion, '2026-07-01');
  c = await accept(proc, c, 'NOTIFY_RESULT', '2026-07-10T15:00:00+07:00', doctor, result);
  // 5 working days from Fri 10/07/2026: Mon 13, Tue 14, Wed 15, Thu 16, Fri 17.
  assert.equal(deadline(c, 'registration').due, '2026-07-17');
  c = await accept(proc, c, 'REGISTER', '2026-07-13T09:00:00+07:00', officer, application());
  assert.equal(c.state, 'awaiting_decision');
  assert.equal(c.track, 'adult');
  assert.equal(deadline(c, 'registration').late, false);
  // 3 working days from Mon 13/07: Tue 14, Wed 15, Thu 16.
  assert.equal(deadline(c, 'decision').due, '2026-07-16');
  await refuse(proc, c, 'DECIDE', '2026-07-14T09:00:00+07:00', officer, decisionFor(c), 'role-not-permitted');
  await refuse(proc, c, 'DECIDE', '2026-07-14T09:00:00+07:00', chair, { number: '12/QĐ-UBND' }, 'guard-failed');
  c = await accept(proc, c, 'DECIDE', '2026-07-15T10:00:00+07:00', chair, decisionFor(c));
  assert.equal(c.state, 'awaiting_contract');
  assert.equal(deadline(c, 'decision').late, false);
  assert.deepEqual(
    c.documents.map((d) => [d.id, d.formCode]),
    [['decision', null]],
    'the decision form number is not verified: no code is invented',
  );
  await refuse(
    proc,
    c,
    'SIGN_CONTRACT',
    '2026-07-17T09:00:00+07:00',
    provider,
    contract('representative'),
    'guard-failed',
  );
  c = await accept(proc, c, 'SIGN_CONTRACT', '2026-07-17T09:00:00+07:00', provider, contract());
  assert.equal(c.state, 'in_treatment.first');
  const term = deadline(c, 'treatment-end');
  assert.deepEqual(
    [term.n, term.unit, term.lawPath, term.due, term.kind],
    [24, 'months', 'durations.voluntaryCommunityRehab', '2028-07-17', 'period'],
  );
  await refuse(proc, c, 'COMPLETE', '2027-07-20T09:00:00+07:00', chair, { result: 'tốt' }, 'guard-failed');
  await refuse(proc, c, 'COMPLETE', '2028-07-18T09:00:00+07:00', provider, { result: 'tốt' }, 'role-not-permitted');
  c = await accept(proc, c, 'COMPLETE', '2028-07-18T09:00:00+07:00', chair, { result: 'tốt' });
  assert.equal(c.state, 'completed');
  assert.equal(c.status, 'closed');
  assert.deepEqual(
    c.documents.map((d) => d.id),
    ['decision', 'certificate'],
  );
  await refuse(proc, c, 'REPORT_MOVE', '2028-07-19T09:00:00+07:00', personUser, {}, 'case-closed');
});

test('3-working-day decision limit from Fri 24/04/2026 skips 27/04, 30/04, 01/05 and the weekend → Mon 04/05', async () => {
  let c = start('2026-04-24T10:00:00+07:00');
  assert.equal(c.lawVersion, '2025-07-01');
  c = await accept(proc, c, 'REGISTER', '2026-04-24T10:00:00+07:00', officer, application());
  const d = deadline(c, 'decision');
  assert.equal(d.due, '2026-05-04');
  assert.equal(d.lawPath, 'timeLimits.voluntaryDecision');
  c = await accept(proc, c, 'DECIDE', '2026-05-05T08:00:00+07:00', chair, decisionFor(c));
  assert.equal(deadline(c, 'decision').late, true, 'deciding on Tue 05/05 is late');
  c = await accept(proc, c, 'SIGN_CONTRACT', '2026-05-06T09:00:00+07:00', provider, contract());
  const term = deadline(c, 'treatment-end');
  assert.deepEqual(
    [term.n, term.due, term.uncertain],
    [6, '2026-11-06', true],
    'Law 73: minimum of 6–12 months, flagged',
  );
  assert.match(term.note, /6–12 months/);
});

test('minor registered by a guardian; refusals for a minor registering alone and for under-12', async () => {
  const minorPerson = { birthDate: MINOR };
  let c = start('2026-11-20T09:00:00+07:00', minorPerson);
  await refuse(
    proc,
    c,
    'REGISTER',
    '2026-11-20T09:00:00+07:00',
    officer,
    { ...application({ dob: MINOR, minor: true }), applicant: { role: 'self', ageGroup: 'minor' } },
    'guard-failed',
  );
  const noRep = application({ dob: MINOR, minor: true });
  delete noRep.representative;
  await refuse(proc, c, 'REGISTER', '2026-11-20T09:00:00+07:00', officer, noRep, 'guard-failed');
  await refuse(
    proc,
    c,
    'REGISTER',
    '2026-11-20T09:00:00+07:00',
    officer,
    application({ dob: '2015-01-01', minor: true }),
    'guard-failed',
  );
  await refuse(proc, c, 'REGISTER', '2026-11-20T09:00:00+07:00', officer, application({ dob: MINOR }), 'guard-failed');
  c = await accept(
    proc,
    c,
    'REGISTER',
    '2026-11-20T09:00:00+07:00',
    officer,
    application({ dob: MINOR, minor: true, form: 'home' }),
  );
  assert.equal(c.track, 'minor');
  // Fri 20/11/2026 + 3 working days: Mon 23, Tue 24 (24/11 unverified, counted as working), Wed 25.
  assert.equal(deadline(c, 'decision').due, '2026-11-25');
  c = await accept(proc, c, 'DECIDE', '2026-11-23T09:00:00+07:00', chair, decisionFor(c));
  await refuse(
    proc,
    c,
    'SIGN_CONTRACT',
    '2026-11-24T09:00:00+07:00',
    provider,
    contract('person', 'home'),
    'guard-failed',
  );
  c = await accept(proc, c, 'SIGN_CONTRACT', '2026-11-24T09:00:00+07:00', provider, contract('representative', 'home'));
  assert.equal(deadline(c, 'treatment-end').due, '2028-11-24');
  await refuse(
    proc,
    c,
    'APPLY_MONITORING',
    '2026-11-25T09:00:00+07:00',
    police,
    formFixture('electronic-monitoring', 'invalid-minor-no-consent'),
    'guard-failed',
  );
  await refuse(proc, c, 'APPLY_MONITORING', '2026-11-25T09:00:00+07:00', chair, monitoring(true), 'role-not-permitted');
  c = await accept(proc, c, 'APPLY_MONITORING', '2026-11-25T09:00:00+07:00', police, monitoring(true));
  assert.equal(c.state, 'in_treatment.first');
});

test('law versions around 01/07/2026: term, repeat term, electronic monitoring, 24-hour presentation', async () => {
  const run = async (day, previousRehab) => {
    let c = start(`${day}T09:00:00+07:00`);
    c = await accept(proc, c, 'REGISTER', `${day}T09:00:00+07:00`, officer, application({ previousRehab }));
    c = await accept(proc, c, 'DECIDE', `${day}T10:00:00+07:00`, chair, decisionFor(c));
    return accept(proc, c, 'SIGN_CONTRACT', `${day}T11:00:00+07:00`, provider, contract());
  };
  const before = await run('2026-06-30', false);
  const after = await run('2026-07-01', false);
  assert.deepEqual([before.lawVersion, deadline(before, 'treatment-end').due], ['2025-07-01', '2026-12-30']);
  assert.deepEqual([after.lawVersion, deadline(after, 'treatment-end').due], ['2026-07-01', '2028-07-01']);
  const repeatBefore = await run('2026-06-30', true);
  const repeatAfter = await run('2026-07-01', true);
  assert.equal(repeatBefore.state, 'in_treatment.repeat');
  assert.deepEqual(
    [deadline(repeatBefore, 'treatment-end').n, deadline(repeatBefore, 'treatment-end').uncertain],
    [6, true],
  );
  assert.deepEqual(
    [deadline(repeatAfter, 'treatment-end').n, deadline(repeatAfter, 'treatment-end').due],
    [36, '2029-07-01'],
  );
  const em = monitoring();
  const r = await refuse(
    proc,
    before,
    'APPLY_MONITORING',
    '2026-08-03T09:00:00+07:00',
    police,
    em,
    'role-not-permitted',
  );
  assert.match(r.message.en, /Law 120/);
  await accept(proc, after, 'APPLY_MONITORING', '2026-08-03T09:00:00+07:00', police, em);
  const move = { newCommune: '26734', newAddress: 'Số 5, đường 3' };
  const movedBefore = await accept(proc, before, 'REPORT_MOVE', '2026-08-28T18:00:00+07:00', personUser, move);
  assert.equal(deadline(movedBefore, 'present-at-new-commune'), undefined, 'no 24-hour rule before Law 120');
  let movedAfter = await accept(proc, after, 'REPORT_MOVE', '2026-08-28T18:00:00+07:00', personUser, move);
  assert.equal(deadline(movedAfter, 'present-at-new-commune').dueAt, '2026-08-29T18:00:00.000+07:00');
  movedAfter = await accept(proc, movedAfter, 'PRESENT', '2026-08-29T20:00:00+07:00', police, { commune: '26734' });
  assert.equal(deadline(movedAfter, 'present-at-new-commune').late, true, 'presenting 26 hours later is late');
});

test('facility variant: Form 22 registration by the facility, contract, completion certificate of the facility', async () => {
  let c = start('2026-09-07T09:00:00+07:00');
  await refuse(
    proc,
    c,
    'REGISTER_AT_FACILITY',
    '2026-09-07T09:00:00+07:00',
    officer,
    application({ form: 'facility' }),
    'role-not-permitted',
  );
  await refuse(
    proc,
    c,
    'REGISTER',
    '2026-09-07T09:00:00+07:00',
    officer,
    application({ form: 'facility' }),
    'guard-failed',
  );
  c = await accept(
    proc,
    c,
    'REGISTER_AT_FACILITY',
    '2026-09-07T09:00:00+07:00',
    facility,
    application({ form: 'facility' }),
  );
  assert.equal(c.state, 'facility_admission');
  assert.equal(deadline(c, 'decision'), undefined, 'no commune decision for a facility registration');
  c = await accept(proc, c, 'SIGN_CONTRACT', '2026-09-08T09:00:00+07:00', facility, contract('person', 'facility'));
  assert.equal(c.state, 'at_facility.first');
  c = await accept(proc, c, 'NOTIFY_COMMUNE', '2026-09-09T09:00:00+07:00', facility, { commune: '26734' });
  c = await accept(proc, c, 'COMPLETE', '2028-09-09T09:00:00+07:00', facility, { result: 'tốt' });
  assert.deepEqual(
    c.documents.map((d) => d.id),
    ['facilityCertificate'],
  );
});

test('no registration within 5 working days → Form 27 violation → compulsory dossier within 5 working days by commune police', async () => {
  let c = start('2026-08-27T09:00:00+07:00');
  c = await accept(proc, c, 'NOTIFY_RESULT', '2026-08-27T09:00:00+07:00', doctor, result);
  // Thu 27/08/2026 + 5 working days: Fri 28, (Sat 29, Sun 30, Mon 31 swapped, 01–02/09 National Day), Thu 03, Fri 04, Mon 07, Tue 08.
  assert.equal(deadline(c, 'registration').due, '2026-09-08');
  const notRegistered = violation('not-registered');
  await refuse(proc, c, 'RECORD_VIOLATION', '2026-09-08T09:00:00+07:00', police, notRegistered, 'guard-failed');
  c = await accept(proc, c, 'RECORD_VIOLATION', '2026-09-09T09:00:00+07:00', police, notRegistered);
  assert.equal(c.state, 'violation_recorded');
  assert.equal(c.documents[0].formCode, 'Mẫu 27 (Nghị định 116/2021)');
  // Wed 09/09 + 5 working days: Thu 10, Fri 11, Mon 14, Tue 15, Wed 16.
  assert.equal(deadline(c, 'compulsory-dossier').due, '2026-09-16');
  await refuse(
    proc,
    c,
    'FILE_COMPULSORY_DOSSIER',
    '2026-09-10T09:00:00+07:00',
    chair,
    { number: 'HS-1' },
    'role-not-permitted',
  );
  c = await accept(proc, c, 'FILE_COMPULSORY_DOSSIER', '2026-09-10T09:00:00+07:00', police, { number: 'HS-1' });
  assert.equal(c.state, 'referred_to_compulsory');
});

test('drug use during rehab is a violation; an unknown kind is refused', async () => {
  let c = start('2026-09-07T09:00:00+07:00');
  c = await accept(proc, c, 'REGISTER', '2026-09-07T09:00:00+07:00', officer, application());
  c = await accept(proc, c, 'DECIDE', '2026-09-08T09:00:00+07:00', chair, decisionFor(c));
  c = await accept(proc, c, 'SIGN_CONTRACT', '2026-09-09T09:00:00+07:00', provider, contract());
  await refuse(
    proc,
    c,
    'RECORD_VIOLATION',
    '2026-10-01T09:00:00+07:00',
    police,
    formFixture('violation-record', 'invalid-kind'),
    'guard-failed',
  );
  await refuse(
    proc,
    c,
    'RECORD_VIOLATION',
    '2026-10-01T09:00:00+07:00',
    provider,
    violation('drug-use'),
    'role-not-permitted',
  );
  c = await accept(proc, c, 'RECORD_VIOLATION', '2026-10-01T09:00:00+07:00', chair, violation('drug-use'));
  assert.equal(c.state, 'violation_recorded');
  assert.equal(deadline(c, 'treatment-end').metBy, 'RECORD_VIOLATION');
});

test('a result missing or older than 6 months is referred for determination', async () => {
  let c = start('2026-09-07T09:00:00+07:00');
  await refuse(
    proc,
    c,
    'REFER_FOR_DETERMINATION',
    '2026-09-07T09:00:00+07:00',
    officer,
    { reason: 'other' },
    'guard-failed',
  );
  c = await accept(proc, c, 'REFER_FOR_DETERMINATION', '2026-09-07T09:00:00+07:00', officer, {
    reason: 'result-older-than-6-months',
  });
  assert.equal(c.state, 'referred_for_determination');
});

test('uncertain authority is overridable per province: overlay 79 gives the Law-120 decision to the head of commune police', async () => {
  let c = start('2026-09-07T09:00:00+07:00', { birthDate: ADULT }, '79');
  c = await accept(proc, c, 'REGISTER', '2026-09-07T09:00:00+07:00', officer, application());
  const byPolice = decisionFor(c, { number: '12/QĐ-CAX', authority: 'commune-police-head' });
  await refuse(proc, c, 'DECIDE', '2026-09-08T09:00:00+07:00', chair, byPolice, 'role-not-permitted');
  c = await accept(proc, c, 'DECIDE', '2026-09-08T09:00:00+07:00', police, byPolice);
  assert.equal(c.documents[0].formCode, 'QĐ-CNTN (mẫu địa phương)');
  let old = start('2026-03-02T09:00:00+07:00', { birthDate: ADULT }, '79');
  old = await accept(proc, old, 'REGISTER', '2026-03-02T09:00:00+07:00', officer, application());
  await refuse(proc, old, 'DECIDE', '2026-03-03T09:00:00+07:00', police, decisionFor(old), 'role-not-permitted');
  assert.ok(content.overlays.some((o) => o.province === '79'));
});

const at = (day, hour = 9) => `${day}T${String(hour).padStart(2, '0')}:00:00+07:00`;
async function registered(day, options = {}) {
  const c = start(at(day), { birthDate: options.minor ? MINOR : ADULT });
  return accept(proc, c, 'REGISTER', at(day), officer, application(options));
}
async function decided(day, options) {
  const c = await registered(day, options);
  return accept(proc, c, 'DECIDE', at(day, 10), chair, decisionFor(c));
}
async function contracted(day, options) {
  const c = await decided(day, options);
  return accept(proc, c, 'SIGN_CONTRACT', at(day, 11), provider, contractFor(c));
}

test('decision fixtures: the term follows the law version and the earlier rehabs; the form of rehab must match', async () => {
  const cases = [
    ['2026-03-02', false, 'valid-law73', ['valid', 'valid-repeat', 'valid-law73-repeat'], 6],
    ['2026-03-02', true, 'valid-law73-repeat', ['valid', 'valid-repeat', 'valid-law73'], 6],
    ['2026-07-06', false, 'valid', ['valid-law73', 'valid-law73-repeat', 'valid-repeat'], 24],
    ['2026-07-06', true, 'valid-repeat', ['valid-law73', 'valid-law73-repeat', 'valid'], 36],
  ];
  for (const [day, previousRehab, ok, refused, term] of cases) {
    const c = await registered(day, { previousRehab });
    for (const name of refused) {
      await refuse(proc, c, 'DECIDE', at(day, 10), chair, formFixture('decision', name), 'guard-failed');
    }
    const d = await accept(proc, c, 'DECIDE', at(day, 10), chair, formFixture('decision', ok));
    const signed = await accept(proc, d, 'SIGN_CONTRACT', at(day, 11), provider, contractFor(d));
    assert.equal(deadline(signed, 'treatment-end').n, term, `${day} ${ok}`);
    if (law120(c))
      assert.equal(term, formFixture('decision', ok).periodMonths, 'Law 120: the decided term is the term run');
  }
  const community = await registered('2026-07-06');
  const home = await registered('2026-07-06', { minor: true, form: 'home' });
  await refuse(
    proc,
    community,
    'DECIDE',
    at('2026-07-06', 10),
    chair,
    formFixture('decision', 'valid-home'),
    'guard-failed',
  );
  await refuse(proc, home, 'DECIDE', at('2026-07-06', 10), chair, formFixture('decision', 'valid'), 'guard-failed');
  await accept(proc, home, 'DECIDE', at('2026-07-06', 10), chair, formFixture('decision', 'valid-home'));
  for (const name of ['invalid-period', 'invalid-rehab-form', 'invalid-prior-rehab-count-missing']) {
    await refuse(proc, community, 'DECIDE', at('2026-07-06', 10), chair, formFixture('decision', name), 'guard-failed');
  }
});

test('violation-record fixtures: each kind of Decree 116 Art. 33 is accepted exactly in its steps', async () => {
  let waiting = start(at('2026-08-27'));
  waiting = await accept(proc, waiting, 'NOTIFY_RESULT', at('2026-08-27'), doctor, result);
  let facilityCase = start(at('2026-09-07'));
  facilityCase = await accept(
    proc,
    facilityCase,
    'REGISTER_AT_FACILITY',
    at('2026-09-07'),
    facility,
    application({ form: 'facility' }),
  );
  facilityCase = await accept(
    proc,
    facilityCase,
    'SIGN_CONTRACT',
    at('2026-09-08'),
    facility,
    contractFor(facilityCase),
  );
  const steps = [
    [waiting, '2026-09-09', ['not-registered']],
    [await decided('2026-07-06'), '2026-07-20', ['not-started']],
    [await contracted('2026-07-06'), '2026-09-30', ['quit', 'drug-use', 'substitution-breach']],
    [facilityCase, '2026-09-30', ['quit', 'drug-use']],
  ];
  const kinds = ['not-registered', 'not-started', 'quit', 'drug-use', 'substitution-breach'];
  for (const [c, day, allowed] of steps) {
    for (const kind of kinds) {
      if (allowed.includes(kind)) {
        const r = await accept(proc, c, 'RECORD_VIOLATION', at(day), police, violation(kind));
        assert.equal(r.state, 'violation_recorded');
      } else await refuse(proc, c, 'RECORD_VIOLATION', at(day), police, violation(kind), 'guard-failed');
    }
    for (const name of ['invalid-kind', 'invalid-description-missing']) {
      await refuse(proc, c, 'RECORD_VIOLATION', at(day), police, formFixture('violation-record', name), 'guard-failed');
    }
  }
});

test('contract fixtures: the signatory the form records is the one the machine requires', async () => {
  const adult = await decided('2026-07-06');
  const minor = await decided('2026-07-06', { minor: true, form: 'home' });
  const sign = (c, data, code) => refuse(proc, c, 'SIGN_CONTRACT', at('2026-07-07'), provider, data, code);
  await sign(adult, formFixture('contract', 'valid-representative', { setting: 'community' }), 'guard-failed');
  await sign(minor, formFixture('contract', 'valid', { setting: 'home' }), 'guard-failed');
  // The form of rehab contracted must be the one decided: not a facility, not community for home rehab.
  await sign(adult, formFixture('contract', 'valid-facility'), 'guard-failed');
  await sign(minor, formFixture('contract', 'valid-representative', { setting: 'community' }), 'guard-failed');
  let admitted = start(at('2026-07-06'));
  admitted = await accept(
    proc,
    admitted,
    'REGISTER_AT_FACILITY',
    at('2026-07-06'),
    facility,
    application({ form: 'facility' }),
  );
  const atFacility = (data) =>
    proc.apply(admitted, { type: 'SIGN_CONTRACT', at: at('2026-07-07'), by: facility, data });
  assert.equal((await atFacility(formFixture('contract', 'valid'))).refusal?.code, 'guard-failed');
  assert.equal((await atFacility(formFixture('contract', 'valid-facility'))).case.state, 'at_facility.first');
  for (const name of ['invalid-signatory', 'invalid-number-missing', 'invalid-signed-on']) {
    await sign(adult, formFixture('contract', name), 'guard-failed');
  }
  assert.equal(
    (
      await accept(
        proc,
        minor,
        'SIGN_CONTRACT',
        at('2026-07-07'),
        provider,
        formFixture('contract', 'valid-representative'),
      )
    ).state,
    'in_treatment.first',
  );
});

test('electronic-monitoring fixtures: a minor needs the parent or guardian consent the form records', async () => {
  const adult = await contracted('2026-07-06');
  const minor = await contracted('2026-07-06', { minor: true, form: 'home' });
  const apply = (c, data) => proc.apply(c, { type: 'APPLY_MONITORING', at: at('2026-08-03'), by: police, data });
  assert.equal((await apply(adult, monitoring())).ok, true);
  assert.equal((await apply(minor, monitoring(true))).ok, true);
  assert.equal((await apply(minor, monitoring())).refusal?.code, 'guard-failed', 'the adult form for a minor case');
  for (const name of ['invalid-minor-no-consent', 'invalid-minor-consent-refused']) {
    assert.equal((await apply(minor, formFixture('electronic-monitoring', name))).refusal?.code, 'guard-failed', name);
  }
  const noNumber = formFixture('electronic-monitoring', 'invalid-decision-number-missing');
  assert.equal((await apply(adult, noNumber)).refusal?.code, 'guard-failed');
});

test('registration fixtures: every valid one is received into the step its form of rehab names', async () => {
  const expected = {
    valid: ['REGISTER_AT_FACILITY', facility, 'facility_admission', 'adult'],
    'valid-community': ['REGISTER', officer, 'awaiting_decision', 'adult'],
    'valid-foreigner-no-residence': ['REGISTER', officer, 'awaiting_decision', 'adult'],
    'valid-minor-home': ['REGISTER', officer, 'awaiting_decision', 'minor'],
  };
  for (const [name, [type, who, state, track]] of Object.entries(expected)) {
    const data = formFixture('registration', name);
    const c = start(at('2026-11-23'), { birthDate: data.person.dateOfBirth });
    const r = await accept(proc, c, type, at('2026-11-23'), who, data);
    assert.deepEqual([r.state, r.track], [state, track], name);
  }
  const minorSelf = formFixture('registration', 'invalid-minor-self');
  await refuse(proc, start(at('2026-11-23')), 'REGISTER', at('2026-11-23'), officer, minorSelf, 'guard-failed');
});

const fixtures = {
  'registration/NOTIFY_RESULT#0': { by: doctor, data: () => result },
  'registration/REGISTER#0': { by: officer, data: (c, p) => application({ previousRehab: repeat(p) }) },
  'registration/REGISTER#1': {
    by: officer,
    data: (c, p) => application({ dob: MINOR, minor: true, form: 'home', previousRehab: repeat(p) }),
  },
  'registration/REGISTER_AT_FACILITY#0': {
    by: facility,
    data: (c, p) => application({ form: 'facility', previousRehab: repeat(p) }),
  },
  'registration/REGISTER_AT_FACILITY#1': {
    by: facility,
    data: (c, p) => application({ dob: MINOR, minor: true, form: 'facility', previousRehab: repeat(p) }),
  },
  'registration/REFER_FOR_DETERMINATION#0': { by: officer, data: () => ({ reason: 'no-result' }) },
  'registration/RECORD_VIOLATION#0': {
    by: police,
    after: 'registration',
    data: () => violation('not-registered'),
  },
  'awaiting_decision/DECIDE#0': { by: chair, data: (c) => decisionFor(c) },
  'awaiting_decision/REJECT#0': { by: chair, data: () => ({ reason: 'Hồ sơ không hợp lệ' }) },
  'awaiting_contract/SIGN_CONTRACT#0': { by: provider, data: contractFor },
  'awaiting_contract/SIGN_CONTRACT#1': { by: provider, data: contractFor },
  'awaiting_contract/RECORD_VIOLATION#0': {
    by: police,
    data: () => violation('not-started'),
  },
  'in_treatment/REPORT_MOVE#0': { by: personUser, data: () => ({ newCommune: '26734', newAddress: 'Số 5' }) },
  'in_treatment/PRESENT#0': { by: police, data: () => ({ commune: '26734' }) },
  'in_treatment/APPLY_MONITORING#0': {
    by: police,
    data: (c) => monitoring(c.data.application.applicant.ageGroup === 'minor'),
    expect: (law) => (law === '2026-07-01' ? 'ok' : 'role-not-permitted'),
  },
  'in_treatment/RECORD_VIOLATION#0': { by: police, data: () => violation('quit') },
  'in_treatment/COMPLETE#0': { by: chair, after: 'treatment-end', data: () => ({ result: 'tốt' }) },
  'facility_admission/SIGN_CONTRACT#0': { by: facility, data: contractFor },
  'facility_admission/SIGN_CONTRACT#1': { by: facility, data: contractFor },
  'facility_admission/REJECT#0': { by: facility, data: () => ({ reason: 'Không đủ điều kiện' }) },
  'at_facility/NOTIFY_COMMUNE#0': { by: facility, data: () => ({ commune: '26734' }) },
  'at_facility/RECORD_VIOLATION#0': { by: police, data: () => violation('drug-use') },
  'at_facility/COMPLETE#0': { by: facility, after: 'treatment-end', data: () => ({ result: 'tốt' }) },
  'violation_recorded/FILE_COMPULSORY_DOSSIER#0': { by: police, data: () => ({ number: 'HS-1' }) },
};
function signer(c) {
  return c.data.application.applicant.role === 'self' ? 'person' : 'representative';
}
/** A path through SIGN_CONTRACT#1 (second or later rehab) registers a person with an earlier rehab. */
const repeat = (path) => path.steps.some((s) => s.edge === 'SIGN_CONTRACT#1');
/** A path through the second REGISTER alternative (12 to under 18) starts a case for a minor. */
const isMinor = (path) => path.steps.some((s) => /^REGISTER(_AT_FACILITY)?#1$/.test(s.edge));

for (const [lawVersion, startAt] of [
  ['2025-07-01', '2026-03-02T09:00:00+07:00'],
  ['2026-07-01', '2026-07-06T09:00:00+07:00'],
]) {
  test(`every path, replayed with persistence round-trips (law ${lawVersion})`, async () => {
    const counts = await replayAllPaths(proc, fixtures, {
      start: startAt,
      person: (path) => ({ birthDate: isMinor(path) ? MINOR : ADULT }),
    });
    assert.deepEqual(counts, { paths: 24, completed: 24, blocked: 0 });
  });
}

test('age bands at the boundaries: the 18th birthday is adult, the day before is a minor; the 12th birthday is in scope', async () => {
  const at = (day) => `${day}T09:00:00+07:00`;
  const dob18 = '2008-07-14';
  const c = start(at('2026-07-13'), { birthDate: dob18 });
  await refuse(proc, c, 'REGISTER', at('2026-07-13'), officer, application({ dob: dob18 }), 'guard-failed');
  const minorDayBefore = await accept(
    proc,
    c,
    'REGISTER',
    at('2026-07-13'),
    officer,
    application({ dob: dob18, minor: true }),
  );
  assert.equal(minorDayBefore.track, 'minor');
  const onBirthday = start(at('2026-07-14'), { birthDate: dob18 });
  assert.equal(
    (await accept(proc, onBirthday, 'REGISTER', at('2026-07-14'), officer, application({ dob: dob18 }))).track,
    'adult',
  );
  await refuse(
    proc,
    onBirthday,
    'REGISTER',
    at('2026-07-14'),
    officer,
    application({ dob: dob18, minor: true }),
    'guard-failed',
  );
  const dob12 = '2014-07-14';
  const twelve = start(at('2026-07-14'), { birthDate: dob12 });
  assert.equal(
    (await accept(proc, twelve, 'REGISTER', at('2026-07-14'), officer, application({ dob: dob12, minor: true }))).track,
    'minor',
  );
  await refuse(
    proc,
    start(at('2026-07-13')),
    'REGISTER',
    at('2026-07-13'),
    officer,
    application({ dob: dob12, minor: true }),
    'guard-failed',
  );
});

test('the law is pinned on the Vietnam date of the first event: 30/06/2026 17:30 UTC is 01/07 00:30 in Viet Nam', () => {
  assert.equal(start('2026-06-30T16:59:00Z').lawVersion, '2025-07-01');
  assert.equal(start('2026-06-30T17:30:00Z').lawVersion, '2026-07-01');
});

test('the case view names the deciding office by law version and flags unverified document forms', async () => {
  const viewAt = async (day) => {
    let c = start(`${day}T09:00:00+07:00`);
    c = await accept(proc, c, 'REGISTER', `${day}T09:00:00+07:00`, officer, application());
    return proc.view(c, { now: `${day}T10:00:00+07:00` });
  };
  for (const day of ['2026-06-30', '2026-07-01']) {
    const v = await viewAt(day);
    const decide = v.allowedEvents.find((e) => e.type === 'DECIDE');
    assert.deepEqual(decide.roles, ['commune-pc-chair']);
    assert.equal(decide.offices[0].vi, 'Chủ tịch UBND cấp xã');
    assert.deepEqual(
      v.documentsDue.map((d) => [d.id, d.formCode, d.uncertain]),
      [['decision', null, true]],
    );
    assert.ok(v.basis.some((b) => /1\.010941/.test(b.citation)));
  }
});

test('the example scenarios (examples/scenarios/voluntary-rehab-*.json) carry form data the forms accept', () => {
  const formOf = {
    REGISTER: 'registration',
    REGISTER_AT_FACILITY: 'registration',
    DECIDE: 'decision',
    SIGN_CONTRACT: 'contract',
    RECORD_VIOLATION: 'violation-record',
    APPLY_MONITORING: 'electronic-monitoring',
  };
  // Events that send a form's invalid fixture on purpose (the machine must refuse them too).
  const invalid = { 'minor-guardian': [0, 4], refusals: [6], 'adult-community': [] };
  for (const [name, expectedInvalid] of Object.entries(invalid)) {
    const file = join(ROOT, 'examples/scenarios', `voluntary-rehab-${name}.json`);
    const { events } = JSON.parse(readFileSync(file, 'utf8'));
    const failing = [];
    events.forEach((e, i) => {
      const form = formOf[e.type];
      if (form && !validators[form](e.data)) failing.push(i);
    });
    assert.deepEqual(failing, expectedInvalid, name);
    assert.ok(events.filter((e) => formOf[e.type]).length >= 4, `${name} sends form data`);
  }
});

/** Every `{ scope, schema? }` a machine's guards read (conditions, and the scopes of named guards). */
function guardScopes(node, out = []) {
  if (Array.isArray(node)) node.forEach((n) => guardScopes(n, out));
  else if (node && typeof node === 'object') {
    if (typeof node.scope === 'string') out.push({ scope: node.scope, schema: node.schema });
    if (typeof node.birthDate === 'string') out.push({ scope: node.birthDate });
    for (const [k, v] of Object.entries(node)) if (k !== 'meta') guardScopes(v, out);
  }
  return out;
}

/** `{ dataKey: formId }` of every event that names a form, anywhere in the machine. */
function formsByDataKey(states, out = {}) {
  for (const s of Object.values(states)) {
    for (const e of Object.values(s.meta?.events ?? {})) if (e.form && e.dataKey) out[e.dataKey] = e.form;
    if (s.states) formsByDataKey(s.states, out);
  }
  return out;
}

for (const id of ['voluntary-rehab', 'sample']) {
  test(`${id}: every field a guard reads from a form's data exists in that form, with the values the guard expects`, async () => {
    const { definition } = loadDefinition(id);
    const byKey = formsByDataKey(definition.states);
    const scopes = guardScopes(definition.states);
    let checked = 0;
    const problems = [];
    for (const [dataKey, formId] of Object.entries(byKey)) {
      const { schema } = await import(pathToFileURL(join(ROOT, 'schemas/generated', `${formId}.js`)).href);
      const prefix = `#/properties/${dataKey}/`;
      for (const { scope, schema: expects } of scopes.filter((s) => s.scope.startsWith(prefix))) {
        const tokens = scope.slice(prefix.length).split('/');
        let field = schema;
        for (const t of tokens) field = field?.[t];
        checked++;
        if (!field || typeof field !== 'object') {
          problems.push(`${scope}: not in ${formId}`);
          continue;
        }
        const options = (field.type === 'array' ? field.items : field).oneOf?.map((o) => o.const);
        const wanted = expects?.const !== undefined ? [expects.const] : (expects?.enum ?? []);
        for (const v of wanted) {
          if (options && !options.includes(v))
            problems.push(`${scope}: ${JSON.stringify(v)} is not an option of ${formId}`);
          if (!options && field.type !== typeof v)
            problems.push(`${scope}: ${JSON.stringify(v)} vs type ${field.type}`);
        }
        if (expects?.type && ![].concat(field.type).includes(expects.type)) {
          problems.push(`${scope}: the guard wants ${expects.type}, ${formId} has ${field.type}`);
        }
      }
    }
    assert.deepEqual(problems, []);
    assert.ok(checked >= (id === 'sample' ? 3 : 30), `${checked} guard reads checked`);
  });
}
