/**
 * Voluntary rehab (procedures.md §2), its forms against its machine: every valid fixture of every form of
 * schemas/voluntary-rehab is accepted in the step and branch it stands for, the invalid fixtures that break a
 * field a guard reads are refused, the example scenarios send form data, and every field a guard reads exists
 * in the form with the values the guard expects. Scenarios and path replays: voluntary-rehab.test.mjs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { accept, deadline, loadDefinition, refuse } from './support.mjs';

import {
  ROOT,
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
  law120,
  decisionFor,
  contract,
  contractFor,
  violation,
  monitoring,
} from './voluntary-rehab-support.mjs';

/** The data of the steps that have one small form each: its valid fixture. */
const result = formFixture('determination-notice', 'valid');
const move = formFixture('residence-change', 'valid');
const dossier = formFixture('dossier', 'valid');

function start(at, person = { birthDate: ADULT }, province) {
  return proc.createCase({ person, at, ...(province ? { province } : {}) });
}

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

test('the example scenarios (examples/scenarios/voluntary-rehab-*.json) carry form data the forms accept', () => {
  const formOf = {
    NOTIFY_RESULT: 'determination-notice',
    COMPLETE: 'completion',
    FILE_COMPULSORY_DOSSIER: 'dossier',
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

// Also over drug-user-management and post-rehab (their forms sit beside these); the least count of guard reads each has.
const GUARD_READS = { 'voluntary-rehab': 100, sample: 5, 'drug-user-management': 26, 'post-rehab': 27 };
for (const id of Object.keys(GUARD_READS)) {
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
    assert.ok(checked >= GUARD_READS[id], `${checked} guard reads checked`);
  });
}

test('every valid fixture of the forms of the other steps passes its form and is accepted; fixtures breaking a field a guard reads are refused', async () => {
  const waiting = start(at('2026-07-06'));
  const awaiting = await accept(proc, waiting, 'REGISTER', at('2026-07-06'), officer, application());
  const treating = await contracted('2026-07-06');
  const moved = await accept(proc, treating, 'REPORT_MOVE', at('2026-08-28', 18), personUser, move);
  const admission = await accept(
    proc,
    waiting,
    'REGISTER_AT_FACILITY',
    at('2026-07-06'),
    facility,
    application({ form: 'facility' }),
  );
  const atFacility = await accept(
    proc,
    admission,
    'SIGN_CONTRACT',
    at('2026-07-07'),
    facility,
    contract('person', 'facility'),
  );
  const violated = await accept(proc, treating, 'RECORD_VIOLATION', at('2026-09-01'), police, violation('quit'));
  const term = at('2028-07-08');
  // form: [event, who, [case, at] per branch, the state reached, the fixtures the machine refuses]
  const steps = {
    'determination-notice': [
      'NOTIFY_RESULT',
      doctor,
      [[waiting, at('2026-07-06')]],
      'registration',
      ['invalid-not-addicted', 'invalid-issued-on'],
    ],
    referral: [
      'REFER_FOR_DETERMINATION',
      officer,
      [[waiting, at('2026-07-06')]],
      'referred_for_determination',
      ['invalid-reason'],
    ],
    rejection: [
      'REJECT',
      chair,
      [
        [awaiting, at('2026-07-07')],
        [admission, at('2026-07-07')],
      ],
      'rejected',
      ['invalid-reason-missing'],
    ],
    'residence-change': [
      'REPORT_MOVE',
      personUser,
      [[treating, at('2026-08-28', 18)]],
      'in_treatment.first',
      ['invalid-new-address-missing', 'invalid-new-commune-code'],
    ],
    presentation: ['PRESENT', police, [[moved, at('2026-08-29', 8)]], 'in_treatment.first', ['invalid-commune']],
    completion: [
      'COMPLETE',
      chair,
      // The certificate names who issues it: the commune for home/community rehab, else the facility.
      [
        [treating, term, ['valid.json']],
        [atFacility, term, ['valid-facility.json']],
      ],
      'completed',
      ['invalid-result-missing'],
    ],
    'commune-notice': [
      'NOTIFY_COMMUNE',
      facility,
      [[atFacility, at('2026-07-08')]],
      'at_facility.first',
      ['invalid-commune'],
    ],
    dossier: ['FILE_COMPULSORY_DOSSIER', police, [[violated, at('2026-09-02')]], 'referred_to_compulsory', []],
  };
  let accepted = 0;
  for (const [name, [type, who, cases, state, refused]] of Object.entries(steps)) {
    const files = readdirSync(join(ROOT, 'schemas/voluntary-rehab', name, 'fixtures')).filter((f) =>
      /^valid.*\.json$/.test(f),
    );
    assert.ok(files.length >= 1, name);
    for (const [c, when, only] of cases) {
      // REJECT at a facility is the facility's (and COMPLETE there too).
      const actor = c === admission || c === atFacility ? facility : who;
      for (const file of files) {
        const data = formFixture(name, file.replace(/\.json$/, ''));
        if (only && !only.includes(file)) {
          await refuse(proc, c, type, when, actor, data, 'guard-failed');
          continue;
        }
        const next = await accept(proc, c, type, when, actor, data);
        assert.equal(next.state, state, `${name}/${file} from ${c.state}`);
        accepted++;
      }
      for (const invalid of refused) {
        assert.equal(validators[name](formFixture(name, invalid)), false, `${name}/${invalid} passes its form`);
        await refuse(proc, c, type, when, actor, formFixture(name, invalid), 'guard-failed');
      }
    }
  }
  await refuse(
    proc,
    violated,
    'FILE_COMPULSORY_DOSSIER',
    at('2026-09-02'),
    police,
    { ...dossier, number: undefined },
    'guard-failed',
  );
  assert.ok(accepted >= 16, `${accepted} valid fixtures accepted`);
});
