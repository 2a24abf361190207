/**
 * Voluntary rehab (procedures.md §2): scenarios written from the law, and every path of the machine
 * replayed under both law versions around 01/07/2026, with persistence round-trips at each step.
 * Due dates are checked by hand against workflows/calendars/vn. Every event that carries data sends a fixture
 * of its form (schemas/voluntary-rehab/<form>/fixtures); the forms against the machine, field by field and
 * fixture by fixture, are in voluntary-rehab-forms.test.mjs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { accept, content, deadline, loadDefinition, refuse } from './support.mjs';
import { replayAllPaths } from './paths.mjs';
import { recordLoops } from './records-support.mjs';

import {
  validators,
  formFixture,
  proc,
  officer,
  chair,
  police,
  provider,
  facility,
  doctor,
  personUser,
  ADULT,
  MINOR,
  application,
  decisionFor,
  contract,
  contractFor,
  violation,
  monitoring,
} from './voluntary-rehab-support.mjs';

/** The data of the steps that have one small form each: its valid fixture. */
const result = formFixture('determination-notice', 'valid');
const completion = formFixture('completion', 'valid');
const facilityCompletion = formFixture('completion', 'valid-facility');
const move = formFixture('residence-change', 'valid');
const presentation = formFixture('presentation', 'valid');
const dossier = formFixture('dossier', 'valid');

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
    [
      ['receipt', null],
      ['decision', null],
    ],
    'the decision form number is not verified: no code is invented',
  );
  assert.deepEqual(
    [c.documents[1].number, c.documents[1].date],
    [c.data.decision.number, c.data.decision.issuedOn],
    'the decision records its number and date from the form',
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
  await refuse(proc, c, 'COMPLETE', '2027-07-20T09:00:00+07:00', chair, completion, 'guard-failed');
  await refuse(proc, c, 'COMPLETE', '2028-07-18T09:00:00+07:00', provider, completion, 'role-not-permitted');
  const noResult = formFixture('completion', 'invalid-result-missing');
  await refuse(proc, c, 'COMPLETE', '2028-07-18T09:00:00+07:00', chair, noResult, 'guard-failed');
  c = await accept(proc, c, 'COMPLETE', '2028-07-18T09:00:00+07:00', chair, completion);
  assert.equal(c.state, 'completed');
  assert.equal(c.status, 'closed');
  assert.deepEqual(
    c.documents.map((d) => d.id),
    ['receipt', 'decision', 'certificate'],
  );
  assert.deepEqual([c.documents[2].number, c.documents[2].date], [completion.certificateNumber, completion.issuedOn]);
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
  const movedBefore = await accept(proc, before, 'REPORT_MOVE', '2026-08-28T18:00:00+07:00', personUser, move);
  assert.equal(deadline(movedBefore, 'present-at-new-commune'), undefined, 'no 24-hour rule before Law 120');
  let movedAfter = await accept(proc, after, 'REPORT_MOVE', '2026-08-28T18:00:00+07:00', personUser, move);
  assert.equal(deadline(movedAfter, 'present-at-new-commune').dueAt, '2026-08-29T18:00:00.000+07:00');
  const late = formFixture('presentation', 'valid-late', { presentedAt: '2026-08-29T20:00:00+07:00' });
  movedAfter = await accept(proc, movedAfter, 'PRESENT', '2026-08-29T20:00:00+07:00', police, late);
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
  const notice = formFixture('commune-notice', 'valid');
  c = await accept(proc, c, 'NOTIFY_COMMUNE', '2026-09-09T09:00:00+07:00', facility, notice);
  const issued = c.documents.find((d) => d.id === 'communeNotice');
  assert.ok(issued, 'NOTIFY_COMMUNE issues the notice to the commune');
  assert.equal(issued.number, notice.noticeNumber, 'its number comes from the notice form');
  assert.equal(issued.date, notice.notifiedOn, 'its date is the day of the notice');
  assert.equal(issued.event, 'NOTIFY_COMMUNE');
  c = await accept(proc, c, 'COMPLETE', '2028-09-09T09:00:00+07:00', facility, facilityCompletion);
  assert.deepEqual(
    c.documents.map((d) => d.id),
    ['communeNotice', 'facilityCertificate'],
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
  await refuse(proc, c, 'FILE_COMPULSORY_DOSSIER', '2026-09-10T09:00:00+07:00', chair, dossier, 'role-not-permitted');
  c = await accept(proc, c, 'FILE_COMPULSORY_DOSSIER', '2026-09-10T09:00:00+07:00', police, dossier);
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
  const referral = (name) => formFixture('referral', name);
  const at7 = '2026-09-07T09:00:00+07:00';
  await refuse(proc, c, 'REFER_FOR_DETERMINATION', at7, officer, referral('invalid-reason'), 'guard-failed');
  // An expired result needs its date on the form (the machine reads only the reason).
  assert.equal(validators.referral(referral('invalid-previous-result-date-missing')), false);
  c = await accept(proc, c, 'REFER_FOR_DETERMINATION', at7, officer, referral('valid-result-expired'));
  assert.equal(c.data.referral.previousResultDate, '2026-01-15');
  assert.equal(c.state, 'referred_for_determination');
});

test('uncertain authority is overridable per province: overlay 79 gives the Law-120 decision to the head of commune police', async () => {
  let c = start('2026-09-07T09:00:00+07:00', { birthDate: ADULT }, '79');
  c = await accept(proc, c, 'REGISTER', '2026-09-07T09:00:00+07:00', officer, application());
  const byPolice = decisionFor(c, { number: '12/QĐ-CAX', authority: 'commune-police-head' });
  await refuse(proc, c, 'DECIDE', '2026-09-08T09:00:00+07:00', chair, byPolice, 'role-not-permitted');
  c = await accept(proc, c, 'DECIDE', '2026-09-08T09:00:00+07:00', police, byPolice);
  assert.equal(c.documents.find((d) => d.id === 'decision').formCode, 'QĐ-CNTN (mẫu địa phương)');
  let old = start('2026-03-02T09:00:00+07:00', { birthDate: ADULT }, '79');
  old = await accept(proc, old, 'REGISTER', '2026-03-02T09:00:00+07:00', officer, application());
  await refuse(proc, old, 'DECIDE', '2026-03-03T09:00:00+07:00', police, decisionFor(old), 'role-not-permitted');
  assert.ok(content.overlays.some((o) => o.province === '79'));
});

const fixtures = {
  ...recordLoops('voluntary-rehab', {
    awaiting_decision: officer,
    awaiting_contract: provider,
    in_treatment: provider,
    facility_admission: facility,
    at_facility: facility,
  }),
  'registration/NOTIFY_RESULT#0': { by: doctor, data: () => result },
  // A listed document not provided: the supplement request, and the registration stays open.
  'registration/REQUEST_SUPPLEMENT#0': {
    by: officer,
    data: () => ({ ...application(), attachments: [{ kind: 'id-copy', provided: false }] }),
  },
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
  'registration/REFER_FOR_DETERMINATION#0': { by: officer, data: () => formFixture('referral', 'valid') },
  'registration/RECORD_VIOLATION#0': {
    by: police,
    after: 'registration',
    data: () => violation('not-registered'),
  },
  'awaiting_decision/DECIDE#0': { by: chair, data: (c) => decisionFor(c) },
  'awaiting_decision/REJECT#0': { by: chair, data: () => formFixture('rejection', 'valid') },
  'awaiting_contract/SIGN_CONTRACT#0': { by: provider, data: contractFor },
  'awaiting_contract/SIGN_CONTRACT#1': { by: provider, data: contractFor },
  'awaiting_contract/RECORD_VIOLATION#0': {
    by: police,
    data: () => violation('not-started'),
  },
  // The 24-hour limit runs from the time of leaving, which cannot be after the report: the previous step's time.
  'in_treatment/REPORT_MOVE#0': { by: personUser, data: (c) => ({ ...move, movedAt: c.updatedAt }) },
  'in_treatment/PRESENT#0': { by: police, data: () => presentation },
  'in_treatment/APPLY_MONITORING#0': {
    by: police,
    data: (c) => monitoring(c.data.application.applicant.ageGroup === 'minor'),
    expect: (law) => (law === '2026-07-01' ? 'ok' : 'role-not-permitted'),
  },
  'in_treatment/RECORD_VIOLATION#0': { by: police, data: () => violation('quit') },
  'in_treatment/COMPLETE#0': { by: chair, after: 'treatment-end', data: () => completion },
  'facility_admission/SIGN_CONTRACT#0': { by: facility, data: contractFor },
  'facility_admission/SIGN_CONTRACT#1': { by: facility, data: contractFor },
  'facility_admission/REJECT#0': { by: facility, data: () => formFixture('rejection', 'valid-facility') },
  'at_facility/NOTIFY_COMMUNE#0': { by: facility, data: () => formFixture('commune-notice', 'valid') },
  'at_facility/RECORD_VIOLATION#0': { by: police, data: () => violation('drug-use') },
  'at_facility/COMPLETE#0': { by: facility, after: 'treatment-end', data: () => facilityCompletion },
  'violation_recorded/FILE_COMPULSORY_DOSSIER#0': { by: police, data: () => dossier },
};
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
