/**
 * Compulsory rehab referral (procedures.md §5): Track A (18+, administrative measure) and Track B (12 to under
 * 18, court measure), exclusions with their reason, the birth-date correction, the dossier checklist with its
 * supplement loop, both law versions around 01/07/2026, and every path of the machine replayed with persistence
 * round-trips. Event data for the steps that have a form comes from that form's fixtures
 * (schemas/compulsory-rehab/<form>/fixtures) and must pass the form's precompiled validator before it is sent,
 * so the machine and the forms cannot drift apart. Due dates are checked by hand against workflows/calendars/vn.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  WORKFLOWS,
  readmeMissing,
  accept as acceptAny,
  by,
  content,
  deadline,
  later,
  loadDefinition,
  procedure,
  refuse,
} from './support.mjs';
import { replayAllPaths } from './paths.mjs';
import { recordLoops } from './records-support.mjs';

const ROOT = join(WORKFLOWS, '..');
const FORMS = join(ROOT, 'schemas', 'compulsory-rehab');
const { schemaKey } = await import(pathToFileURL(join(ROOT, 'packages/workflow/dist/index.js')).href);

const proc = procedure('compulsory-rehab');

/** The form each event carries (`meta.events.<EVENT>.form` anywhere in the machine), e.g. DECIDE → court-decision. */
const formOf = {};
(function walk(states) {
  for (const s of Object.values(states)) {
    for (const [event, em] of Object.entries(s.meta?.events ?? {}))
      if (em.form) formOf[event] = em.form.replace('compulsory-rehab/', '');
    if (s.states) walk(s.states);
  }
})(proc.definition.states);

const validators = {};
for (const form of new Set(Object.values(formOf))) {
  const file = join(ROOT, 'schemas/generated/compulsory-rehab', `${form}.js`);
  const mod = await import(pathToFileURL(file).href).catch((e) => {
    throw new Error(`${file}: run \`npx tsc -b && node packages/cli/bin/hoso.mjs build\` first (${e.message})`);
  });
  validators[form] = mod.validators[schemaKey(mod.schema)];
}
const formErrors = (form, data) => (validators[form](data) ? [] : validators[form].errors);

/** A fixture of a form, optionally with some fields replaced (`undefined` removes a field). */
function fx(form, name = 'valid', patch = {}) {
  const data = JSON.parse(readFileSync(join(FORMS, form, 'fixtures', `${name}.json`), 'utf8'));
  for (const [k, v] of Object.entries(patch)) if (v === undefined) delete data[k];
  return Object.assign(data, Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)));
}

/**
 * The dates deadlines run from (the machine reads them: `start: { data }`), set to the day the event is
 * recorded so fixture dates are never in the future of the event: the notice, the court's acceptance, the
 * decision's session/decision/announcement, the complaint's filing, the admission. Only fields the data has.
 */
const DATED = {
  NOTIFY_DOSSIER: ['notifiedOn'],
  ACCEPT: ['acceptedOn'],
  DECIDE: ['sessionDate', 'decisionDate', 'announcedOn'],
  COMPLAIN: ['filedOn'],
  ADMIT: ['admittedOn'],
};
function dated(type, day, data) {
  if (!data || typeof data !== 'object') return data;
  const out = { ...data };
  for (const f of DATED[type] ?? []) if (/^\d{4}-\d{2}-\d{2}$/.test(out[f] ?? '')) out[f] = day.slice(0, 10);
  return out;
}
/** The court's decision for the pinned law: Law 120's term (24 months) from 01/07/2026, the fixture's 12 before. */
const decisionFor = (c) => ({ ...applyDecision, months: c.lawVersion >= '2026-07-01' ? 24 : 12 });

/** Applies an event the machine must accept; data for an event that has a form must pass that form first. */
async function accept(p, c, type, at, who, data) {
  data = dated(type, at, data);
  const form = formOf[type];
  if (form) assert.deepEqual(formErrors(form, data), [], `${type}: the data fails the ${form} form`);
  return acceptAny(p, c, type, at, who, data);
}

const police = by('police-1', 'commune-police-head');
const chair = by('chair-1', 'commune-pc-chair');
const court = by('court-1', 'regional-court');
const districtCourt = by('court-0', 'district-court');
const provincialCourt = by('court-2', 'provincial-court');
const facility = by('facility-1', 'rehab-facility');
const family = by('family-1', 'family');
const labour = by('labour-1', 'district-labour-office');

// The birth dates of the subject fixtures valid.json, valid-minor.json and valid-under-12.json.
const ADULT = '1990-05-01';
const MINOR = '2010-03-15';
const CHILD = '2015-01-01';
const BAND_FIXTURE = { adult: 'valid', minor: 'valid-minor', 'under-12': 'valid-under-12' };
const at = (day, time = '09:00') => `${day}T${time}:00+07:00`;

/** Subject form data: the fixture of the age band, with the dates of the case (the band must match them). */
function subject({ dob = ADULT, actDate = '2026-08-20', ground = 'quit-voluntary', band, ...extra } = {}) {
  band ??= { [ADULT]: 'adult', [MINOR]: 'minor', [CHILD]: 'under-12' }[dob];
  assert.ok(band, `subject(): give the age band for ${dob}`);
  return fx('subject', BAND_FIXTURE[band], { dateOfBirth: dob, actDate, ground, ...extra });
}
const CORRECTION = fx('subject', 'valid-correction').correction;
const notice = (minor) => fx('notice', minor ? 'valid-minor' : 'valid');
const dossier = (minor) => fx('dossier', minor ? 'valid-minor' : 'valid');
const filing = (read) => (read ? fx('filing', 'valid-read-early', { dossierReadOn: read }) : fx('filing'));
const acceptance = fx('acceptance');
const applyDecision = fx('court-decision');
const admission = (minor) => fx('admission', minor ? 'valid-reform-school' : 'valid');

function start(day, dob = ADULT, province) {
  return proc.createCase({ person: { birthDate: dob }, at: at(day), ...(province ? { province } : {}) });
}

test('the definition passes the runtime checker', () => {
  assert.deepEqual(loadDefinition('compulsory-rehab').errors, []);
});

test('README.md names every state, event and deadline', () => {
  assert.deepEqual(readmeMissing('compulsory-rehab'), []);
});

test('every event with a form names a form that exists, and its valid fixtures pass it', () => {
  assert.deepEqual(formOf, {
    OPEN_DOSSIER: 'subject',
    CORRECT_BIRTH_DATE: 'subject',
    ARRANGE_MANAGEMENT: 'management',
    RECORD_DOSSIER: 'dossier',
    NOTIFY_DOSSIER: 'notice',
    DECIDE: 'court-decision',
    POSTPONE: 'postponement',
    EXEMPT: 'exemption',
    SUSPEND: 'suspension',
    FILE_WITH_COURT: 'filing',
    COMPLAIN: 'complaint',
    UPHOLD: 'review',
    OVERTURN: 'review',
    ADMIT: 'admission',
    COMPLETE: 'completion',
    ACCEPT: 'acceptance',
    RESUME_EXECUTION: 'resumption',
    RESUME: 'recovery',
    RELEASE: 'recovery',
    RECORD_SERVICE: 'service',
    ASSESS_NEEDS: 'needs',
  });
  for (const form of Object.keys(validators)) {
    const valid = readdirSync(join(FORMS, form, 'fixtures')).filter((f) => /^valid.*\.json$/.test(f));
    assert.ok(valid.length >= 2, form);
    for (const f of valid) assert.deepEqual(formErrors(form, fx(form, f.slice(0, -5))), [], `${form}/${f}`);
  }
});

/** A case of the given age band taken to `state` with fixture data (no dossier checklist recorded). */
async function caseAt(state, minor = false) {
  const dob = minor ? MINOR : ADULT;
  const steps = [
    ['dossier_preparation', 'OPEN_DOSSIER', '2026-08-24', police, subject({ dob })],
    ['dossier_reading', 'NOTIFY_DOSSIER', '2026-08-25', police, notice(minor)],
    ['court_acceptance', 'FILE_WITH_COURT', '2026-09-11', police, filing()],
    ['awaiting_session', 'ACCEPT', '2026-09-14', court, acceptance],
    ['complaint_window', 'DECIDE', '2026-09-25', court, { ...applyDecision, months: 24 }],
    ['execution', 'BECOME_FINAL', '2026-10-01', court, {}],
    ['postponed', 'POSTPONE', '2026-10-02', court, fx('postponement')],
    ['', 'RESUME_EXECUTION', '2026-10-20', court, fx('resumption')],
    ['in_facility', 'ADMIT', '2026-10-21', facility, admission(minor)],
  ];
  let c = start('2026-08-24', dob);
  for (const [name, type, day, who, data] of steps) {
    c = await accept(proc, c, type, at(day), who, data);
    if (name === state) return c;
  }
  throw new Error(`caseAt: no step reaches ${state}`);
}
const SENDER = {
  DECIDE: court,
  ACCEPT: court,
  RESUME_EXECUTION: court,
  RESUME: facility,
  RELEASE: facility,
  RECORD_SERVICE: facility,
  ASSESS_NEEDS: facility,
  POSTPONE: court,
  EXEMPT: court,
  COMPLAIN: family,
  UPHOLD: provincialCourt,
  OVERTURN: provincialCourt,
  ADMIT: facility,
  SUSPEND: facility,
  COMPLETE: facility,
};
/** Sends a form's fixture; returns the state reached, or `refused:<code>` (a refusal leaves the case as it was). */
async function outcome(c, type, form, name, day) {
  const r = await proc.apply(c, {
    type,
    at: at(day, '15:00'),
    by: SENDER[type] ?? police,
    data: dated(type, day, fx(form, name)),
  });
  return r.ok ? r.case.state : `refused:${r.refusal.code}`;
}

test('each valid fixture is accepted in its branch; fixtures missing what a guard reads are refused', async () => {
  const intake = (name, dob) => outcome(start('2026-08-24', dob), 'OPEN_DOSSIER', 'subject', name, '2026-08-24');
  const subjects = {};
  for (const [name, dob] of [
    ['valid', ADULT],
    ['valid-minor', MINOR],
    ['valid-under-12', CHILD],
    ['valid-pregnant', ADULT],
    ['valid-child-carer', ADULT],
    ['valid-foreigner', ADULT],
    ['valid-correction', ADULT],
    ['invalid-guardian-missing', MINOR],
    ['invalid-minor-relapse', MINOR],
    ['invalid-ground', ADULT],
  ])
    subjects[name] = await intake(name, dob);
  assert.deepEqual(subjects, {
    valid: 'proceedings.dossier_preparation',
    'valid-minor': 'proceedings.dossier_preparation',
    'valid-under-12': 'excluded_under_12',
    'valid-pregnant': 'excluded_pregnant',
    'valid-child-carer': 'excluded_child_carer',
    'valid-foreigner': 'excluded_foreigner',
    'valid-correction': 'proceedings.dossier_preparation',
    'invalid-guardian-missing': 'refused:guard-failed',
    'invalid-minor-relapse': 'refused:guard-failed',
    'invalid-ground': 'refused:guard-failed',
  });
  const prep = await caseAt('dossier_preparation');
  const got = {};
  for (const name of [
    'valid',
    'valid-facility',
    'invalid-relationship',
    'invalid-family-member-missing',
    'invalid-facility-missing',
    'invalid-start-missing',
  ])
    got[`management/${name}`] = await outcome(prep, 'ARRANGE_MANAGEMENT', 'management', name, '2026-08-25');
  for (const name of [
    'valid',
    'valid-minor',
    'valid-incomplete',
    'invalid-summary-cv-missing',
    'invalid-expected-on-missing',
    'invalid-documents-empty',
    'invalid-prepared-on',
  ])
    got[`dossier/${name}`] = await outcome(prep, 'RECORD_DOSSIER', 'dossier', name, '2026-08-25');
  for (const name of ['valid', 'invalid-notified-on'])
    got[`notice/${name}`] = await outcome(prep, 'NOTIFY_DOSSIER', 'notice', name, '2026-08-25');
  const minorPrep = await caseAt('dossier_preparation', true);
  for (const name of ['valid-minor', 'invalid-guardian-missing'])
    got[`notice/${name} (minor)`] = await outcome(minorPrep, 'NOTIFY_DOSSIER', 'notice', name, '2026-08-25');
  const session = await caseAt('awaiting_session');
  for (const name of [
    'valid',
    'valid-absent',
    'valid-not-applied',
    'invalid-months-missing',
    'invalid-months-zero',
    'invalid-months-fraction',
    'invalid-reason-missing',
    'invalid-apply-missing',
  ])
    got[`court-decision/${name}`] = await outcome(session, 'DECIDE', 'court-decision', name, '2026-09-25');
  const execution = await caseAt('execution');
  for (const name of ['valid', 'valid-family-hardship', 'invalid-ground', 'invalid-certified-by-missing'])
    got[`postponement/${name}`] = await outcome(execution, 'POSTPONE', 'postponement', name, '2026-10-05');
  for (const name of ['valid', 'valid-voluntary-detox', 'invalid-ground', 'invalid-certified-by-missing'])
    got[`exemption/${name}`] = await outcome(execution, 'EXEMPT', 'exemption', name, '2026-10-05');
  const postponed = await caseAt('postponed');
  got['exemption/valid-voluntary-detox (postponed)'] = await outcome(
    postponed,
    'EXEMPT',
    'exemption',
    'valid-voluntary-detox',
    '2026-10-05',
  );
  const treating = await caseAt('in_facility');
  for (const name of ['valid', 'valid-no-carer', 'invalid-inpatient-days', 'invalid-hospital-missing'])
    got[`suspension/${name}`] = await outcome(treating, 'SUSPEND', 'suspension', name, '2026-11-02');
  // Service entries and needs while in the facility: recorded, the step does not change (records.test.mjs has more).
  for (const name of ['valid', 'valid-supervision'])
    got[`service/${name}`] = await outcome(treating, 'RECORD_SERVICE', 'service', name, '2026-11-02');
  for (const name of ['valid', 'valid-no-needs', 'valid-nothing-chosen'])
    got[`needs/${name}`] = await outcome(treating, 'ASSESS_NEEDS', 'needs', name, '2026-11-02');
  const reading = await caseAt('dossier_reading');
  for (const name of ['valid', 'valid-read-early', 'invalid-court-missing', 'invalid-filed-on'])
    got[`filing/${name}`] = await outcome(reading, 'FILE_WITH_COURT', 'filing', name, '2026-09-11');
  const window = await caseAt('complaint_window');
  for (const name of ['valid', 'valid-procuracy', 'invalid-grounds-missing'])
    got[`complaint/${name}`] = await outcome(window, 'COMPLAIN', 'complaint', name, '2026-09-28');
  const review = await accept(proc, window, 'COMPLAIN', at('2026-09-28'), family, fx('complaint'));
  for (const name of ['valid', 'valid-overturned', 'invalid-result-missing']) {
    got[`review/${name} UPHOLD`] = await outcome(review, 'UPHOLD', 'review', name, '2026-10-06');
    got[`review/${name} OVERTURN`] = await outcome(review, 'OVERTURN', 'review', name, '2026-10-06');
  }
  for (const name of ['valid', 'valid-reform-school', 'invalid-admitted-on-missing', 'invalid-facility-missing'])
    got[`admission/${name}`] = await outcome(execution, 'ADMIT', 'admission', name, '2026-10-05');
  for (const name of ['valid', 'valid-reduced', 'invalid-result-missing'])
    got[`completion/${name}`] = await outcome(treating, 'COMPLETE', 'completion', name, '2028-10-25');
  const filed = await caseAt('court_acceptance');
  for (const name of ['valid', 'valid-more-documents', 'invalid-judge-missing', 'invalid-case-number-missing'])
    got[`acceptance/${name}`] = await outcome(filed, 'ACCEPT', 'acceptance', name, '2026-09-14');
  for (const name of ['valid', 'valid-hardship-over', 'invalid-grounds-ceased-on', 'invalid-certified-by-missing'])
    got[`resumption/${name}`] = await outcome(postponed, 'RESUME_EXECUTION', 'resumption', name, '2026-10-20');
  const suspended = await accept(proc, treating, 'SUSPEND', at('2026-11-02'), facility, fx('suspension'));
  for (const name of ['valid', 'valid-release', 'invalid-remaining-months-missing']) {
    got[`recovery/${name} RESUME`] = await outcome(suspended, 'RESUME', 'recovery', name, '2026-12-01');
    got[`recovery/${name} RELEASE`] = await outcome(suspended, 'RELEASE', 'recovery', name, '2026-12-01');
  }
  const prepState = 'proceedings.dossier_preparation';
  assert.deepEqual(got, {
    'management/valid': prepState,
    'management/valid-facility': prepState,
    'management/invalid-relationship': 'refused:guard-failed',
    'management/invalid-family-member-missing': 'refused:guard-failed',
    'management/invalid-facility-missing': 'refused:guard-failed',
    'management/invalid-start-missing': 'refused:guard-failed',
    'dossier/valid': prepState,
    'dossier/valid-minor': prepState,
    'dossier/valid-incomplete': prepState,
    'dossier/invalid-summary-cv-missing': 'refused:guard-failed',
    'dossier/invalid-expected-on-missing': 'refused:guard-failed',
    'dossier/invalid-documents-empty': 'refused:guard-failed',
    'dossier/invalid-prepared-on': 'refused:guard-failed',
    'notice/valid': 'proceedings.dossier_reading',
    'notice/invalid-notified-on': 'refused:guard-failed',
    'notice/valid-minor (minor)': 'proceedings.dossier_reading',
    'notice/invalid-guardian-missing (minor)': 'refused:guard-failed',
    // 12 months: below Law 120's 24 for adults (this case is under Law 120; accepted under 2025-07-01, see Track A).
    'court-decision/valid': 'refused:guard-failed',
    'court-decision/valid-absent': 'refused:guard-failed',
    'court-decision/valid-not-applied': 'not_applied',
    'court-decision/invalid-months-missing': 'refused:guard-failed',
    'court-decision/invalid-months-zero': 'refused:guard-failed',
    'court-decision/invalid-months-fraction': 'refused:guard-failed',
    'court-decision/invalid-reason-missing': 'refused:guard-failed',
    'court-decision/invalid-apply-missing': 'refused:guard-failed',
    'postponement/valid': 'postponed',
    'postponement/valid-family-hardship': 'postponed',
    'postponement/invalid-ground': 'refused:guard-failed',
    'postponement/invalid-certified-by-missing': 'refused:guard-failed',
    'exemption/valid': 'exempted',
    // Voluntary rehab is a ground only during a postponement (Decree 116 Art. 57).
    'exemption/valid-voluntary-detox': 'refused:guard-failed',
    'exemption/invalid-ground': 'refused:guard-failed',
    'exemption/invalid-certified-by-missing': 'refused:guard-failed',
    'exemption/valid-voluntary-detox (postponed)': 'exempted',
    'suspension/valid': 'in_facility.adult.suspended',
    'suspension/valid-no-carer': 'in_facility.adult.suspended',
    'service/valid': 'in_facility.adult.treating',
    'service/valid-supervision': 'in_facility.adult.treating',
    'needs/valid': 'in_facility.adult.treating',
    'needs/valid-no-needs': 'in_facility.adult.treating',
    'needs/valid-nothing-chosen': 'in_facility.adult.treating',
    'suspension/invalid-inpatient-days': 'refused:guard-failed',
    'suspension/invalid-hospital-missing': 'refused:guard-failed',
    'filing/valid': 'proceedings.court_acceptance',
    'filing/valid-read-early': 'proceedings.court_acceptance',
    'filing/invalid-court-missing': 'refused:guard-failed',
    'filing/invalid-filed-on': 'refused:guard-failed',
    'complaint/valid': 'proceedings.review',
    'complaint/valid-procuracy': 'proceedings.review',
    'complaint/invalid-grounds-missing': 'refused:guard-failed',
    'review/valid UPHOLD': 'execution',
    'review/valid OVERTURN': 'refused:guard-failed',
    'review/valid-overturned UPHOLD': 'refused:guard-failed',
    'review/valid-overturned OVERTURN': 'not_applied',
    'review/invalid-result-missing UPHOLD': 'refused:guard-failed',
    'review/invalid-result-missing OVERTURN': 'refused:guard-failed',
    'admission/valid': 'in_facility.adult.treating',
    'admission/valid-reform-school': 'in_facility.adult.treating',
    'admission/invalid-admitted-on-missing': 'refused:guard-failed',
    'admission/invalid-facility-missing': 'refused:guard-failed',
    'completion/valid': 'completed',
    'completion/valid-reduced': 'completed',
    'completion/invalid-result-missing': 'refused:guard-failed',
    'acceptance/valid': 'proceedings.awaiting_session',
    'acceptance/valid-more-documents': 'proceedings.awaiting_session',
    'acceptance/invalid-judge-missing': 'refused:guard-failed',
    'acceptance/invalid-case-number-missing': 'refused:guard-failed',
    'resumption/valid': 'execution',
    'resumption/valid-hardship-over': 'execution',
    'resumption/invalid-grounds-ceased-on': 'refused:guard-failed',
    'resumption/invalid-certified-by-missing': 'refused:guard-failed',
    'recovery/valid RESUME': 'in_facility.adult.treating',
    'recovery/valid RELEASE': 'refused:guard-failed',
    'recovery/valid-release RESUME': 'refused:guard-failed',
    'recovery/valid-release RELEASE': 'released',
    'recovery/invalid-remaining-months-missing RESUME': 'refused:guard-failed',
    'recovery/invalid-remaining-months-missing RELEASE': 'refused:guard-failed',
  });
  // Every valid fixture of every form was sent to the machine above.
  const sent = new Set([
    ...Object.keys(subjects).map((n) => `subject/${n}`),
    ...Object.keys(got).map((k) => k.split(' ')[0]),
  ]);
  const unsent = Object.keys(validators).flatMap((form) =>
    readdirSync(join(FORMS, form, 'fixtures'))
      .filter((f) => /^valid.*\.json$/.test(f))
      .map((f) => `${form}/${f.slice(0, -5)}`)
      .filter((k) => !sent.has(k)),
  );
  assert.deepEqual(unsent, []);
});

test('Track B: a 16-year-old through the regional court (Law 120), guardian notified, term for minors', async () => {
  let c = start('2026-08-24', MINOR);
  assert.equal(c.lawVersion, '2026-07-01');
  await refuse(proc, c, 'OPEN_DOSSIER', at('2026-08-24'), chair, subject({ dob: MINOR }), 'role-not-permitted');
  c = await accept(proc, c, 'OPEN_DOSSIER', at('2026-08-24'), police, subject({ dob: MINOR }));
  assert.deepEqual([c.state, c.track], ['proceedings.dossier_preparation', 'minor']);
  // Mon 24/08/2026 + 5 working days: Tue 25, Wed 26, Thu 27, Fri 28, (31/08 swapped, 01–02/09 National Day), Thu 03/09.
  assert.equal(deadline(c, 'dossier').due, '2026-09-03');
  c = await accept(proc, c, 'RECORD_DOSSIER', at('2026-08-27'), police, dossier(true));
  const noGuardian = fx('notice', 'invalid-guardian-missing');
  assert.notDeepEqual(formErrors('notice', noGuardian), [], 'the form refuses a minor’s notice without the guardian');
  await refuse(proc, c, 'NOTIFY_DOSSIER', at('2026-09-03'), police, noGuardian, 'guard-failed');
  c = await accept(proc, c, 'NOTIFY_DOSSIER', at('2026-09-03'), police, notice(true));
  assert.equal(deadline(c, 'dossier').late, false);
  assert.equal(c.documents.at(-1).id, 'dossierNotice');
  // Thu 03/09 + 5 working days: Fri 04, Mon 07, Tue 08, Wed 09, Thu 10 (uncertain: Luật XLVPHC Art. 103 [BK]).
  assert.deepEqual(
    [deadline(c, 'dossier-reading').due, deadline(c, 'dossier-reading').uncertain],
    ['2026-09-10', true],
  );
  await refuse(proc, c, 'FILE_WITH_COURT', at('2026-09-08'), police, filing(), 'guard-failed');
  c = await accept(proc, c, 'FILE_WITH_COURT', at('2026-09-11'), police, filing());
  await refuse(proc, c, 'ACCEPT', at('2026-09-14'), districtCourt, acceptance, 'role-not-permitted');
  c = await accept(proc, c, 'ACCEPT', at('2026-09-14'), court, acceptance);
  // 15 calendar days from Mon 14/09: Tue 29/09 (range 15–30 days, uncertain).
  assert.deepEqual([deadline(c, 'court-session').due, deadline(c, 'court-session').uncertain], ['2026-09-29', true]);
  // A minor's term is 6–24 months (Law 73 Art. 33: 6–12; Law 120: up to 24): 30 months is refused.
  await refuse(proc, c, 'DECIDE', at('2026-09-25'), court, { ...applyDecision, months: 30 }, 'guard-failed');
  // Under Law 120 the pinned law's term for minors (durations.compulsoryMinor, 24 months, uncertain) is the
  // minimum: 12 months is refused, and the refusal says which bound of which law version.
  const short = await refuse(proc, c, 'DECIDE', at('2026-09-25'), court, applyDecision, 'guard-failed');
  assert.match(
    short.detail,
    /months = 12 is below the minimum 24 months \(durations\.compulsoryMinor, law 2026-07-01\)/,
  );
  assert.match(short.trace, /lawRange\(/);
  c = await accept(proc, c, 'DECIDE', at('2026-09-25'), court, { ...applyDecision, months: 24 });
  assert.equal(c.state, 'proceedings.complaint_window');
  // Fri 25/09 + 3 working days: Mon 28, Tue 29, Wed 30.
  assert.equal(deadline(c, 'complaint').due, '2026-09-30');
  await refuse(proc, c, 'BECOME_FINAL', at('2026-09-30', '16:00'), court, {}, 'guard-failed');
  c = await accept(proc, c, 'BECOME_FINAL', at('2026-10-01'), court, {});
  await refuse(proc, c, 'COMPLAIN', at('2026-10-01'), family, fx('complaint'), 'not-allowed-in-state');
  c = await accept(proc, c, 'ADMIT', at('2026-10-05'), facility, admission(true));
  assert.equal(c.state, 'in_facility.minor.treating');
  const term = deadline(c, 'term-end');
  // The court's 24 months, from the admission date in the data (not the law's uncertain default).
  assert.deepEqual(
    [term.n, term.due, term.uncertain, term.lawPath, term.source],
    [
      24,
      '2028-10-05',
      undefined,
      'durations.compulsoryMinor',
      {
        n: { data: '#/properties/courtDecision/properties/months' },
        start: { data: '#/properties/admission/properties/admittedOn', at: '2026-10-05' },
      },
    ],
  );
});

test('Track A, law 2025-07-01: Form 35 management at home, complaint, review, postponement, admission, completion', async () => {
  let c = start('2026-06-11');
  const s = subject({ actDate: '2026-06-10', ground: 'use-during-voluntary' });
  c = await accept(proc, c, 'OPEN_DOSSIER', at('2026-06-11'), police, s);
  assert.deepEqual([c.lawVersion, c.track], ['2025-07-01', 'adult']);
  // Thu 11/06/2026 + 5 working days: Fri 12, Mon 15, Tue 16, Wed 17, Thu 18.
  assert.equal(deadline(c, 'dossier').due, '2026-06-18');
  const friend = fx('management', 'invalid-relationship');
  assert.notDeepEqual(formErrors('management', friend), [], 'the form refuses a friend as the managing family member');
  await refuse(proc, c, 'ARRANGE_MANAGEMENT', at('2026-06-12'), police, friend, 'guard-failed');
  // The family member must be 18 or older on the day (Decree 116 Art. 45).
  const young = fx('management', 'valid');
  young.familyMember.dateOfBirth = '2009-01-01';
  await refuse(proc, c, 'ARRANGE_MANAGEMENT', at('2026-06-12'), police, young, 'guard-failed');
  c = await accept(proc, c, 'ARRANGE_MANAGEMENT', at('2026-06-12'), police, fx('management'));
  assert.equal(c.documents.at(-1).formCode, 'Mẫu 35 (Nghị định 116/2021)');
  c = await accept(proc, c, 'RECORD_DOSSIER', at('2026-06-15'), police, dossier(false));
  c = await accept(proc, c, 'NOTIFY_DOSSIER', at('2026-06-17'), police, notice(false));
  // Wed 17/06 + 5 working days: Thu 18, Fri 19, Mon 22, Tue 23, Wed 24.
  assert.equal(deadline(c, 'dossier-reading').due, '2026-06-24');
  c = await accept(proc, c, 'FILE_WITH_COURT', at('2026-06-19'), police, filing('2026-06-18'));
  c = await accept(proc, c, 'ACCEPT', at('2026-06-22'), court, acceptance);
  // Mon 22/06 + 15 days: Tue 07/07.
  assert.equal(deadline(c, 'court-session').due, '2026-07-07');
  // An adult's term is 12–36 months (Luật XLVPHC Art. 95: 12–24; Law 120: up to 36): 6 months is refused.
  await refuse(proc, c, 'DECIDE', at('2026-07-03'), court, { ...applyDecision, months: 6 }, 'guard-failed');
  const asFixture = await proc.apply(c, {
    type: 'DECIDE',
    at: at('2026-07-03'),
    by: court,
    data: dated('DECIDE', '2026-07-03', applyDecision),
  });
  assert.equal(asFixture.ok, true, 'the form fixture (12 months) is within the 2025-07-01 bounds');
  c = await accept(proc, c, 'DECIDE', at('2026-07-03'), court, { ...applyDecision, months: 18 });
  // Fri 03/07 + 3 working days: Mon 06, Tue 07, Wed 08.
  assert.equal(deadline(c, 'complaint').due, '2026-07-08');
  await refuse(proc, c, 'COMPLAIN', at('2026-07-06'), police, fx('complaint'), 'role-not-permitted');
  c = await accept(proc, c, 'COMPLAIN', at('2026-07-06'), family, fx('complaint'));
  assert.equal(c.state, 'proceedings.review');
  // Mon 06/07 + 7 working days: Tue 07, Wed 08, Thu 09, Fri 10, Mon 13, Tue 14, Wed 15.
  assert.deepEqual([deadline(c, 'review').due, deadline(c, 'review').uncertain], ['2026-07-15', true]);
  await refuse(proc, c, 'UPHOLD', at('2026-07-14'), court, fx('review'), 'role-not-permitted');
  c = await accept(proc, c, 'UPHOLD', at('2026-07-14'), provincialCourt, fx('review'));
  assert.equal(c.state, 'execution');
  await refuse(proc, c, 'POSTPONE', at('2026-07-20'), police, fx('postponement'), 'role-not-permitted');
  c = await accept(proc, c, 'POSTPONE', at('2026-07-20'), court, fx('postponement'));
  c = await accept(proc, c, 'RESUME_EXECUTION', at('2026-08-20'), court, fx('resumption'));
  c = await accept(proc, c, 'ADMIT', at('2026-08-24'), facility, admission(false));
  assert.equal(c.state, 'in_facility.adult.treating');
  const term = deadline(c, 'term-end');
  // The court decided 18 months (the law's 12 is only the minimum): the term ends 18 months after admission.
  assert.deepEqual([term.n, term.due, term.uncertain, c.lawVersion], [18, '2028-02-24', undefined, '2025-07-01']);
  await refuse(proc, c, 'COMPLETE', at('2028-02-24'), facility, fx('completion'), 'guard-failed');
  c = await accept(proc, c, 'COMPLETE', at('2028-02-25'), facility, fx('completion'));
  assert.deepEqual([c.state, c.status, c.documents.at(-1).id], ['completed', 'closed', 'completionCertificate']);
});

test('the dossier checklist: the notice waits until every document is in; a minor’s needs the guardian’s opinion', async () => {
  const opened = subject();
  let c = await accept(proc, start('2026-08-24'), 'OPEN_DOSSIER', at('2026-08-24'), police, opened);
  // The record of violation (Mẫu 27) is issued when the dossier is opened, with its number and the day found.
  assert.deepEqual(
    c.documents.map((d) => [d.id, d.event, d.number, d.date, d.formCode]),
    [
      [
        'violationRecord',
        'OPEN_DOSSIER',
        opened.violationRecordNumber,
        opened.discoveredOn,
        'Mẫu 27 (Nghị định 116/2021)',
      ],
    ],
  );
  const incomplete = fx('dossier', 'valid-incomplete');
  assert.equal(incomplete.documents.filter((d) => !d.provided).length, 1);
  c = await accept(proc, c, 'RECORD_DOSSIER', at('2026-08-25'), police, incomplete);
  assert.equal(c.state, 'proceedings.dossier_preparation');
  // The summary CV (Mẫu 30) is issued with the dossier, dated the day it was prepared.
  assert.deepEqual(
    [c.documents.at(-1).id, c.documents.at(-1).date, c.documents.at(-1).formCode],
    ['summaryCv', incomplete.preparedOn, 'Mẫu 30 (Nghị định 116/2021)'],
  );
  await refuse(proc, c, 'NOTIFY_DOSSIER', at('2026-08-26'), police, notice(false), 'guard-failed');
  // The supplement arrives: the checklist is sent again, complete; the summary CV is issued again with its date.
  c = await accept(proc, c, 'RECORD_DOSSIER', at('2026-08-27'), police, dossier(false));
  assert.deepEqual(
    c.documents.filter((d) => d.id === 'summaryCv').map((d) => d.date),
    [incomplete.preparedOn, dossier(false).preparedOn],
  );
  c = await accept(proc, c, 'NOTIFY_DOSSIER', at('2026-08-27', '10:00'), police, notice(false));
  assert.equal(c.state, 'proceedings.dossier_reading');
  assert.equal(deadline(c, 'dossier').late, false);
  // A checklist without the required documents is refused, as the form refuses it.
  const noCv = fx('dossier', 'invalid-summary-cv-missing');
  assert.notDeepEqual(formErrors('dossier', noCv), []);
  await refuse(proc, c, 'RECORD_DOSSIER', at('2026-08-28'), police, noCv, 'guard-failed');

  let m = await accept(
    proc,
    start('2026-08-24', MINOR),
    'OPEN_DOSSIER',
    at('2026-08-24'),
    police,
    subject({ dob: MINOR }),
  );
  m = await accept(proc, m, 'RECORD_DOSSIER', at('2026-08-25'), police, dossier(false));
  await refuse(proc, m, 'NOTIFY_DOSSIER', at('2026-08-26'), police, notice(true), 'guard-failed');
  m = await accept(proc, m, 'RECORD_DOSSIER', at('2026-08-26'), police, dossier(true));
  m = await accept(proc, m, 'NOTIFY_DOSSIER', at('2026-08-26', '10:00'), police, notice(true));
  assert.equal(m.state, 'proceedings.dossier_reading');
});

test('a complaint after the 3-working-day window is refused; the decision becomes final', async () => {
  let c = start('2026-09-07');
  c = await accept(proc, c, 'OPEN_DOSSIER', at('2026-09-07'), police, subject());
  c = await accept(proc, c, 'NOTIFY_DOSSIER', at('2026-09-08'), police, notice(false));
  c = await accept(proc, c, 'FILE_WITH_COURT', at('2026-09-16'), police, filing());
  c = await accept(proc, c, 'ACCEPT', at('2026-09-17'), court, acceptance);
  c = await accept(proc, c, 'DECIDE', at('2026-09-25'), court, { ...fx('court-decision', 'valid-absent'), months: 24 });
  await refuse(proc, c, 'COMPLAIN', at('2026-10-01'), family, fx('complaint'), 'guard-failed');
  c = await accept(proc, c, 'BECOME_FINAL', at('2026-10-01'), court, {});
  assert.equal(c.state, 'execution');
});

test('exclusions end the case with the reason: pregnant, carer of a child under 36 months, foreigner, under 12', async () => {
  const open = async (s, dob = ADULT) =>
    accept(proc, start('2026-08-24', dob), 'OPEN_DOSSIER', at('2026-08-24'), police, s);
  const pregnant = await open(fx('subject', 'valid-pregnant'));
  assert.deepEqual([pregnant.state, pregnant.status], ['excluded_pregnant', 'closed']);
  const v = proc.view(pregnant, { now: at('2026-08-25') });
  assert.match(v.stateTitle.vi, /mang thai/);
  assert.match(v.stateTitle.en, /pregnant/);
  assert.equal(deadline(pregnant, 'dossier'), undefined, 'no dossier time limit starts');
  assert.deepEqual(pregnant.documents, [], 'no dossier is opened, so no record of violation is issued with it');
  assert.equal((await open(fx('subject', 'valid-child-carer'))).state, 'excluded_child_carer');
  assert.equal((await open(fx('subject', 'valid-foreigner'))).state, 'excluded_foreigner');
  assert.equal((await open(subject({ dob: CHILD }), CHILD)).state, 'excluded_under_12');
  assert.equal((await open(fx('subject', 'valid-under-12'), CHILD)).state, 'excluded_under_12');
  // A minor who is pregnant is excluded too (baseline; Ordinance 01/2022 exclusions not read).
  const pregnantMinor = subject({
    dob: MINOR,
    sex: 'female',
    pregnant: true,
    pregnancyCertifiedBy: 'Bệnh viện Sản Nhi tỉnh',
  });
  assert.equal((await open(pregnantMinor, MINOR)).state, 'excluded_pregnant');
  // Relapse during post-rehab management (Law 73 Art. 32(4)) is a ground for adults only: form and machine agree.
  const relapse = fx('subject', 'invalid-minor-relapse');
  assert.ok(
    formErrors('subject', relapse).some((e) => e.instancePath === '/ground' && e.keyword === 'not'),
    'the form refuses the ground for a minor',
  );
  await refuse(proc, start('2026-08-24', MINOR), 'OPEN_DOSSIER', at('2026-08-24'), police, relapse, 'guard-failed');
  // A minor without the parent or guardian: the form requires them, and so does the machine.
  const orphan = fx('subject', 'invalid-guardian-missing');
  await refuse(proc, start('2026-08-24', MINOR), 'OPEN_DOSSIER', at('2026-08-24'), police, orphan, 'guard-failed');
});

test('age on the date of the act chooses the track; the form’s age band must agree; a corrected birth date re-evaluates it', async () => {
  const dob = '2008-08-20';
  const onBirthday = await accept(
    proc,
    start('2026-08-24', dob),
    'OPEN_DOSSIER',
    at('2026-08-24'),
    police,
    subject({ dob, actDate: '2026-08-20', band: 'adult' }),
  );
  assert.equal(onBirthday.track, 'adult');
  // The officer ticks "12 to under 18" for an act on the 18th birthday: refused, the dates decide.
  await refuse(
    proc,
    start('2026-08-24', dob),
    'OPEN_DOSSIER',
    at('2026-08-24'),
    police,
    subject({ dob, actDate: '2026-08-20', band: 'minor' }),
    'guard-failed',
  );
  let c = await accept(
    proc,
    start('2026-08-24', dob),
    'OPEN_DOSSIER',
    at('2026-08-24'),
    police,
    subject({ dob, actDate: '2026-08-19', band: 'minor' }),
  );
  assert.equal(
    c.track,
    'minor',
    'the day before the 18th birthday the act is a minor’s, although the dossier is opened at 18',
  );
  const twelve = await accept(
    proc,
    start('2026-08-24', '2014-08-20'),
    'OPEN_DOSSIER',
    at('2026-08-24'),
    police,
    subject({ dob: '2014-08-20', actDate: '2026-08-19', band: 'under-12' }),
  );
  assert.equal(twelve.state, 'excluded_under_12');
  // Correction: the birth certificate shows 2008-01-10, so the act (19/08/2026) was at 18: Track A.
  const corrected = fx('subject', 'valid-correction');
  assert.deepEqual(
    [corrected.dateOfBirth, corrected.actDate, corrected.ageGroup],
    ['2008-01-10', '2026-08-19', 'adult'],
  );
  await refuse(
    proc,
    c,
    'CORRECT_BIRTH_DATE',
    at('2026-08-25'),
    police,
    fx('subject', 'valid-correction', { correction: undefined }),
    'guard-failed',
  );
  c = await accept(proc, c, 'CORRECT_BIRTH_DATE', at('2026-08-25'), police, corrected);
  assert.deepEqual([c.track, c.state], ['adult', 'proceedings.dossier_preparation']);
  assert.equal(deadline(c, 'dossier').due, '2026-09-03', 'the correction does not restart the dossier limit');
  c = await accept(
    proc,
    c,
    'CORRECT_BIRTH_DATE',
    at('2026-08-26'),
    police,
    subject({ dob: '2015-02-01', actDate: '2026-08-19', band: 'under-12', correction: CORRECTION }),
  );
  assert.deepEqual([c.state, c.status], ['excluded_under_12', 'closed']);
});

test('law versions around 01/07/2026: adult and minor terms, who prepares and files the dossier', async () => {
  const run = async (day, dob) => {
    let c = start(day, dob);
    c = await accept(proc, c, 'OPEN_DOSSIER', at(day), police, subject({ dob, actDate: day }));
    c = await accept(proc, c, 'NOTIFY_DOSSIER', at(day, '10:00'), police, notice(dob === MINOR));
    c = await accept(proc, c, 'FILE_WITH_COURT', at(day, '11:00'), police, filing('2026-06-30'));
    c = await accept(proc, c, 'ACCEPT', at(day, '12:00'), court, acceptance);
    c = await accept(proc, c, 'DECIDE', at(day, '13:00'), court, decisionFor(c));
    c = await accept(proc, c, 'BECOME_FINAL', later(at(day), { days: 8 }), court, {});
    return accept(proc, c, 'ADMIT', later(at(day), { days: 9 }), facility, admission(dob === MINOR));
  };
  const terms = [];
  for (const [day, dob] of [
    ['2026-06-30', ADULT],
    ['2026-07-01', ADULT],
    ['2026-06-30', MINOR],
    ['2026-07-01', MINOR],
  ]) {
    const c = await run(day, dob);
    const d = deadline(c, 'term-end');
    terms.push([c.lawVersion, c.track, d.n, d.due]);
  }
  assert.deepEqual(terms, [
    ['2025-07-01', 'adult', 12, '2027-07-09'],
    ['2026-07-01', 'adult', 24, '2028-07-10'],
    ['2025-07-01', 'minor', 12, '2027-07-09'], // the court's 12 months, not the law's minimum of 6
    ['2026-07-01', 'minor', 24, '2028-07-10'],
  ]);
  // Before 01/03/2025 the commune PC chair prepared the dossier and the district Labour office filed it with
  // the district court; afterwards the head of commune police does both.
  let old = start('2025-02-10');
  assert.equal(old.lawVersion, '2022-01-01');
  await refuse(
    proc,
    old,
    'OPEN_DOSSIER',
    at('2025-02-10'),
    police,
    subject({ actDate: '2025-02-05' }),
    'role-not-permitted',
  );
  old = await accept(proc, old, 'OPEN_DOSSIER', at('2025-02-10'), chair, subject({ actDate: '2025-02-05' }));
  old = await accept(proc, old, 'NOTIFY_DOSSIER', at('2025-02-11'), chair, notice(false));
  await refuse(proc, old, 'FILE_WITH_COURT', at('2025-02-19'), police, filing(), 'role-not-permitted');
  old = await accept(proc, old, 'FILE_WITH_COURT', at('2025-02-19'), labour, filing());
  await refuse(proc, old, 'ACCEPT', at('2025-02-20'), court, acceptance, 'role-not-permitted');
  old = await accept(proc, old, 'ACCEPT', at('2025-02-20'), districtCourt, acceptance);
  assert.equal(old.state, 'proceedings.awaiting_session');
});

test('suspension for a serious illness: resumed with 3 months or more left, released with less', async () => {
  let c = start('2026-08-03');
  c = await accept(proc, c, 'OPEN_DOSSIER', at('2026-08-03'), police, subject({ actDate: '2026-08-01' }));
  c = await accept(proc, c, 'NOTIFY_DOSSIER', at('2026-08-04'), police, notice(false));
  c = await accept(proc, c, 'FILE_WITH_COURT', at('2026-08-05'), police, filing('2026-08-05'));
  c = await accept(proc, c, 'ACCEPT', at('2026-08-06'), court, acceptance);
  c = await accept(proc, c, 'DECIDE', at('2026-08-07'), court, decisionFor(c));
  c = await accept(proc, c, 'BECOME_FINAL', at('2026-08-13'), court, {});
  c = await accept(proc, c, 'ADMIT', at('2026-08-17'), facility, admission(false));
  await refuse(
    proc,
    c,
    'SUSPEND',
    at('2026-09-01'),
    facility,
    fx('suspension', 'invalid-inpatient-days'),
    'guard-failed',
  );
  c = await accept(proc, c, 'SUSPEND', at('2026-09-01'), facility, fx('suspension'));
  assert.equal(c.state, 'in_facility.adult.suspended');
  await refuse(proc, c, 'RELEASE', at('2026-10-01'), facility, fx('recovery'), 'guard-failed');
  const resumed = await accept(proc, c, 'RESUME', at('2026-10-01'), facility, fx('recovery'));
  assert.equal(resumed.state, 'in_facility.adult.treating');
  assert.equal(deadline(resumed, 'term-end').due, '2028-08-17', 'the term still runs from admission');
  const released = await accept(proc, c, 'RELEASE', at('2028-06-01'), facility, fx('recovery', 'valid-release'));
  assert.deepEqual([released.state, released.status], ['released', 'closed']);
});

test('uncertain Law-120 values are overridable per province: a province keeping Law 73’s 6 months for minors', async () => {
  const overlay = {
    province: '01',
    name: { vi: 'Hà Nội (ví dụ)', en: 'Hanoi (example)' },
    overrides: [
      {
        law: ['2026-07-01'],
        path: 'durations.compulsoryMinor',
        value: { n: 6 },
        basis: 'EXAMPLE ONLY: a province reading Law 73 Art. 33 (6–12 months) as still governing minors',
        evidence: 'INF',
      },
    ],
  };
  const local = procedure('compulsory-rehab', [...content.overlays, overlay]);
  let c = local.createCase({ person: { birthDate: MINOR }, at: at('2026-08-03'), province: '01' });
  c = await accept(local, c, 'OPEN_DOSSIER', at('2026-08-03'), police, subject({ dob: MINOR, actDate: '2026-08-01' }));
  c = await accept(local, c, 'NOTIFY_DOSSIER', at('2026-08-04'), police, notice(true));
  c = await accept(local, c, 'FILE_WITH_COURT', at('2026-08-05'), police, filing('2026-08-05'));
  c = await accept(local, c, 'ACCEPT', at('2026-08-06'), court, acceptance);
  // Without the overlay 6 months is below Law 120's 24 for minors; with it, the province's 6 is the minimum.
  await refuse(proc, c, 'DECIDE', at('2026-08-07'), court, { ...applyDecision, months: 6 }, 'guard-failed');
  c = await accept(local, c, 'DECIDE', at('2026-08-07'), court, { ...applyDecision, months: 6 });
  c = await accept(local, c, 'BECOME_FINAL', at('2026-08-13'), court, {});
  c = await accept(local, c, 'ADMIT', at('2026-08-17'), facility, admission(true));
  const term = deadline(c, 'term-end');
  assert.deepEqual(
    [term.n, term.due, term.source.n],
    [6, '2027-02-17', { data: '#/properties/courtDecision/properties/months' }],
  );
  // Settled values cannot be overridden: the complaint window (3 working days) is not marked uncertain.
  const bad = {
    ...overlay,
    overrides: [{ ...overlay.overrides[0], path: 'timeLimits.courtComplaint', value: { n: 5 } }],
  };
  assert.throws(() => procedure('compulsory-rehab', [bad]).law('2026-07-01', '01'), /settled law/);
});

const isMinor = (path) => path.steps.some((s) => s.edge === 'OPEN_DOSSIER#5');
const dobOf = (path) => (path.steps[0].edge === 'OPEN_DOSSIER#0' ? CHILD : isMinor(path) ? MINOR : ADULT);
const pathSubject = (path, extra) => subject({ dob: dobOf(path), actDate: '2026-03-01', ...extra });
/** Admission on the other track than the one OPEN_DOSSIER chose: the same birth date can never satisfy both. */
const infeasible = (path) => path.steps.some((s) => s.edge === (isMinor(path) ? 'ADMIT#0' : 'ADMIT#1'));
/** Exclusions: the subject form's fixture of each case, on the date of the act of the paths. */
const excluded = (name) => () => fx('subject', name, { actDate: '2026-03-01' });
const fixtures = {
  ...recordLoops('compulsory-rehab', { in_facility: facility }),
  'intake/OPEN_DOSSIER#0': { by: police, data: (c, p) => pathSubject(p) },
  'intake/OPEN_DOSSIER#1': { by: police, data: excluded('valid-pregnant') },
  'intake/OPEN_DOSSIER#2': { by: police, data: excluded('valid-child-carer') },
  'intake/OPEN_DOSSIER#3': { by: police, data: excluded('valid-foreigner') },
  'intake/OPEN_DOSSIER#4': { by: police, data: (c, p) => pathSubject(p) },
  'intake/OPEN_DOSSIER#5': { by: police, data: (c, p) => pathSubject(p) },
  'proceedings/CORRECT_BIRTH_DATE#0': {
    by: police,
    data: () => subject({ dob: CHILD, actDate: '2026-03-01', correction: CORRECTION }),
  },
  // The loops re-send the same birth date (a correction that keeps the track): accepted, state unchanged.
  'proceedings/CORRECT_BIRTH_DATE#1': { by: police, data: (c, p) => pathSubject(p, { correction: CORRECTION }) },
  'proceedings/CORRECT_BIRTH_DATE#2': { by: police, data: (c, p) => pathSubject(p, { correction: CORRECTION }) },
  'proceedings/ARRANGE_MANAGEMENT#0': { by: police, data: () => fx('management') },
  'proceedings/ARRANGE_MANAGEMENT#1': { by: police, data: () => fx('management', 'valid-facility') },
  'proceedings/RECORD_DOSSIER#0': { by: police, data: (c, p) => dossier(isMinor(p)) },
  'proceedings/NOTIFY_DOSSIER#0': { by: police, data: (c, p) => notice(isMinor(p)) },
  'proceedings/FILE_WITH_COURT#0': { by: police, after: 'dossier-reading', data: () => filing() },
  'proceedings/ACCEPT#0': { by: court, data: () => acceptance },
  'proceedings/DECIDE#0': { by: court, data: (c) => decisionFor(c) },
  'proceedings/DECIDE#1': { by: court, data: () => fx('court-decision', 'valid-not-applied') },
  'proceedings/COMPLAIN#0': { by: family, data: () => fx('complaint', 'valid-procuracy') },
  'proceedings/BECOME_FINAL#0': { by: court, after: 'complaint', data: () => ({}) },
  'proceedings/UPHOLD#0': { by: provincialCourt, data: () => fx('review') },
  'proceedings/OVERTURN#0': {
    by: provincialCourt,
    data: () => fx('review', 'valid-overturned'),
  },
  'execution/ADMIT#0': { by: facility, data: () => admission(false) },
  'execution/ADMIT#1': { by: facility, data: () => admission(true) },
  'execution/POSTPONE#0': { by: court, data: () => fx('postponement', 'valid-family-hardship') },
  'execution/EXEMPT#0': { by: court, data: () => fx('exemption') },
  'postponed/RESUME_EXECUTION#0': { by: court, data: () => fx('resumption', 'valid-hardship-over') },
  'postponed/EXEMPT#0': { by: court, data: () => fx('exemption', 'valid-voluntary-detox') },
  'in_facility/SUSPEND#0': { by: facility, data: () => fx('suspension') },
  'in_facility/RESUME#0': { by: facility, data: () => fx('recovery') },
  'in_facility/RELEASE#0': { by: facility, data: () => fx('recovery', 'valid-release') },
  'in_facility/COMPLETE#0': { by: facility, after: 'term-end', data: () => fx('completion') },
};
// Every step that has a form sends data its form accepts (the replay uses support.mjs's accept directly).
for (const [key, f] of Object.entries(fixtures)) {
  const form = formOf[key.split('/')[1].split('#')[0]];
  if (!form) continue;
  const data = f.data;
  f.data = (c, p) => {
    const d = dated(key.split('/')[1].split('#')[0], c.updatedAt, data(c, p));
    assert.deepEqual(formErrors(form, d), [], `${key}: the data fails the ${form} form`);
    return d;
  };
}

for (const [lawVersion, startAt] of [
  ['2025-07-01', '2026-03-02T09:00:00+07:00'],
  ['2026-07-01', '2026-07-06T09:00:00+07:00'],
]) {
  test(`every path, replayed with persistence round-trips (law ${lawVersion})`, async () => {
    const counts = await replayAllPaths(proc, fixtures, {
      start: startAt,
      person: (path) => ({ birthDate: dobOf(path) }),
      infeasible,
    });
    // 47 structural paths; 9 admit on the other track than the one OPEN_DOSSIER chose (infeasible).
    assert.deepEqual(counts, { paths: 47, completed: 38, blocked: 0, infeasible: 9 });
  });
}
