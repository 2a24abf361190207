/**
 * Post-rehab management (procedures.md §6): 1 or 2 years by measure and age, management plan, change of
 * residence (24 hours under Law 120), relapse, completion certificate (Form 54); both law versions around
 * 01/07/2026 and every path replayed with persistence round-trips. Due dates checked by hand. Every event that
 * carries data sends a fixture of its form (schemas/post-rehab/<form>/fixtures): decision, plan, residence-change,
 * presentation, transfer, relapse, completion.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  readmeMissing,
  accept,
  by,
  content,
  deadline,
  loadDefinition,
  procedure,
  refuse,
  WORKFLOWS,
} from './support.mjs';
import { replayAllPaths } from './paths.mjs';
import { recordFixture, recordLoops } from './records-support.mjs';

const proc = procedure('post-rehab');
const chair = by('chair-1', 'commune-pc-chair');
const police = by('police-1', 'commune-police-head');
const personUser = by('person-1', 'person');

/** A fixture of one of this procedure's forms (schemas/post-rehab/<form>/fixtures/<file>.json). */
const fixturesDir = (name) => join(WORKFLOWS, '..', 'schemas', 'post-rehab', name, 'fixtures');
const form = (name, file) => JSON.parse(readFileSync(join(fixturesDir(name), `${file}.json`), 'utf8'));
const validFixtures = (name) =>
  readdirSync(fixturesDir(name))
    .filter((f) => /^valid.*\.json$/.test(f))
    .map((f) => f.replace(/\.json$/, ''));

const byMeasure = {
  compulsory: form('decision', 'valid'),
  'compulsory-minor': form('decision', 'valid-compulsory-minor'),
  voluntary: form('decision', 'valid-voluntary'),
  substitution: form('decision', 'valid-substitution'),
};
const ADULT = byMeasure.compulsory.person.dateOfBirth;
const MINOR = byMeasure['compulsory-minor'].person.dateOfBirth;
const at = (day, time = '09:00') => `${day}T${time}:00+07:00`;

/** DECIDE data: the decision form's fixture for that measure (`compulsory-minor`: a minor's), optionally decided on `decidedOn`. */
function decision(measure = 'compulsory', decidedOn) {
  const d = structuredClone(byMeasure[measure]);
  if (decidedOn) d.completion.decidedOn = decidedOn;
  return d;
}
const plan = form('plan', 'valid');
const move = form('residence-change', 'valid');
const presentation = form('presentation', 'valid');
const transfer = form('transfer', 'valid');
const relapse = form('relapse', 'valid');
const completion = form('completion', 'valid');
const start = (day, dob = ADULT, province) =>
  proc.createCase({ person: { birthDate: dob }, at: at(day), ...(province ? { province } : {}) });

test('the definition passes the runtime checker', () => {
  assert.deepEqual(loadDefinition('post-rehab').errors, []);
});

test('README.md names every state, event and deadline', () => {
  assert.deepEqual(readmeMissing('post-rehab'), []);
});

test('2 years after the administrative compulsory measure, plan, then the Form 54 certificate', async () => {
  let c = start('2026-10-05');
  assert.equal(c.lawVersion, '2026-07-01');
  await refuse(proc, c, 'DECIDE', at('2026-10-05'), police, decision(), 'role-not-permitted');
  await refuse(proc, c, 'DECIDE', at('2026-10-05'), chair, { ...decision(), supporter: undefined }, 'guard-failed');
  for (const invalid of ['invalid-supporter-organisation', 'invalid-measure']) {
    await refuse(proc, c, 'DECIDE', at('2026-10-05'), chair, form('decision', invalid), 'guard-failed');
  }
  c = await accept(proc, c, 'DECIDE', at('2026-10-05'), chair, decision());
  assert.deepEqual([c.state, c.track], ['managing.two_years', 'compulsory-adult']);
  const end = deadline(c, 'management-end');
  assert.deepEqual([end.n, end.unit, end.due], [24, 'months', '2028-10-05']);
  await refuse(proc, c, 'SUBMIT_PLAN', at('2026-10-06'), chair, form('plan', 'invalid-testing'), 'guard-failed');
  await refuse(
    proc,
    c,
    'SUBMIT_PLAN',
    at('2026-10-06'),
    chair,
    form('plan', 'invalid-responsible-empty'),
    'guard-failed',
  );
  c = await accept(proc, c, 'SUBMIT_PLAN', at('2026-10-06'), chair, plan);
  await refuse(proc, c, 'COMPLETE', at('2028-10-05'), chair, completion, 'guard-failed');
  await refuse(proc, c, 'COMPLETE', at('2028-10-06'), police, completion, 'role-not-permitted');
  // The certificate without its result (the form refuses it too) is refused after the term as well.
  await refuse(
    proc,
    c,
    'COMPLETE',
    at('2028-10-06'),
    chair,
    form('completion', 'invalid-result-missing'),
    'guard-failed',
  );
  c = await accept(proc, c, 'COMPLETE', at('2028-10-06'), chair, completion);
  assert.deepEqual([c.state, c.status], ['completed', 'closed']);
  const cert = c.documents.at(-1);
  assert.deepEqual([cert.id, cert.formCode], ['certificate', 'Mẫu 54 (Phụ lục II, Nghị định 116/2021)']);
});

test('1 year: a minor when the compulsory measure was decided (even if 18 now), voluntary rehab, substitution therapy', async () => {
  const minor = await accept(
    proc,
    start('2026-10-05', MINOR),
    'DECIDE',
    at('2026-10-05'),
    chair,
    decision('compulsory-minor'),
  );
  assert.deepEqual([minor.state, minor.track], ['managing.one_year', 'compulsory-minor']);
  assert.equal(deadline(minor, 'management-end').due, '2027-10-05');
  // 18th birthday on the day the measure was decided: the adult measure, 2 years.
  const onBirthday = await accept(
    proc,
    start('2026-10-05', MINOR),
    'DECIDE',
    at('2026-10-05'),
    chair,
    decision('compulsory-minor', '2027-06-01'),
  );
  assert.equal(onBirthday.state, 'managing.two_years');
  for (const measure of ['voluntary', 'substitution']) {
    const c = await accept(proc, start('2026-10-05'), 'DECIDE', at('2026-10-05'), chair, decision(measure));
    assert.deepEqual([c.state, deadline(c, 'management-end').n], ['managing.one_year', 12]);
  }
  await refuse(
    proc,
    start('2026-10-05'),
    'DECIDE',
    at('2026-10-05'),
    chair,
    form('decision', 'invalid-measure'),
    'guard-failed',
  );
});

test('relapse during management: a determination result “addicted” ends management for a compulsory dossier', async () => {
  let c = await accept(proc, start('2026-10-05'), 'DECIDE', at('2026-10-05'), chair, decision('voluntary'));
  for (const invalid of ['invalid-not-addicted', 'invalid-conclusion-missing', 'invalid-issued-on']) {
    await refuse(proc, c, 'RELAPSE', at('2027-01-10'), police, form('relapse', invalid), 'guard-failed');
  }
  await refuse(proc, c, 'RELAPSE', at('2027-01-10'), chair, relapse, 'role-not-permitted');
  c = await accept(proc, c, 'RELAPSE', at('2027-01-10'), police, relapse);
  assert.equal(c.data.relapse.issuedOn, '2026-12-01');
  assert.deepEqual([c.state, c.status], ['relapsed', 'closed']);
  assert.equal(deadline(c, 'management-end').metBy, 'RELAPSE');
});

test('law versions around 01/07/2026: change of residence within 24 hours only under Law 120; file transfer', async () => {
  const run = async (day) => {
    let c = await accept(proc, start(day), 'DECIDE', at(day), chair, decision('voluntary'));
    return accept(proc, c, 'REPORT_MOVE', at('2026-08-28', '18:00'), personUser, move);
  };
  const before = await run('2026-06-30');
  const after = await run('2026-07-01');
  assert.deepEqual([before.lawVersion, after.lawVersion], ['2025-07-01', '2026-07-01']);
  assert.equal(deadline(before, 'present-at-new-commune'), undefined, 'no 24-hour rule before Law 120');
  // 24 clock hours through the weekend: Fri 28/08 18:00 → Sat 29/08 18:00.
  assert.equal(deadline(after, 'present-at-new-commune').dueAt, '2026-08-29T18:00:00.000+07:00');
  await refuse(proc, after, 'TRANSFER_FILE', at('2026-08-29', '08:00'), personUser, transfer, 'role-not-permitted');
  for (const invalid of ['invalid-new-commune', 'invalid-receiving-police-missing']) {
    await refuse(
      proc,
      after,
      'TRANSFER_FILE',
      at('2026-08-29', '08:00'),
      police,
      form('transfer', invalid),
      'guard-failed',
    );
  }
  const moved = await accept(proc, after, 'TRANSFER_FILE', at('2026-08-29', '08:00'), police, transfer);
  assert.deepEqual([moved.state, deadline(moved, 'present-at-new-commune').late], ['transferred', false]);
  assert.equal(moved.documents.at(-1).id, 'transferNotice');
  assert.deepEqual(
    [deadline(after, 'management-end').due, deadline(before, 'management-end').due],
    ['2027-07-01', '2027-06-30'],
  );
});

test('the uncertain Law-120 decision-maker is overridable per province (never silently one reading)', async () => {
  const overlay = {
    province: '01',
    name: { vi: 'Hà Nội (ví dụ)', en: 'Hanoi (example)' },
    overrides: [
      {
        law: ['2026-07-01'],
        path: 'authority.post-rehab-decision',
        value: { roles: ['commune-police-head'] },
        basis: 'EXAMPLE ONLY: a province reading the MPS draft decree as moving post-rehab decisions to commune police',
        evidence: 'INF',
      },
    ],
  };
  const local = procedure('post-rehab', [...content.overlays, overlay]);
  const c = local.createCase({ person: { birthDate: ADULT }, at: at('2026-10-05'), province: '01' });
  await refuse(local, c, 'DECIDE', at('2026-10-05'), chair, decision(), 'role-not-permitted');
  assert.equal((await accept(local, c, 'DECIDE', at('2026-10-05'), police, decision())).state, 'managing.two_years');
  const law = proc.law('2026-07-01');
  assert.equal(law.values['authority.post-rehab-decision'].uncertain, true);
});

test('every valid fixture of the decision and plan forms is accepted, in the branch its measure and age choose', async () => {
  const expected = {
    valid: ['managing.two_years', 'compulsory-adult', 24],
    'valid-compulsory-minor': ['managing.one_year', 'compulsory-minor', 12],
    'valid-voluntary': ['managing.one_year', 'voluntary-or-substitution', 12],
    'valid-substitution': ['managing.one_year', 'voluntary-or-substitution', 12],
  };
  assert.deepEqual(validFixtures('decision').sort(), Object.keys(expected).sort());
  for (const [file, want] of Object.entries(expected)) {
    const data = form('decision', file);
    // The case person is the person the form names.
    const c = await accept(proc, start('2026-10-05', data.person.dateOfBirth), 'DECIDE', at('2026-10-05'), chair, data);
    assert.deepEqual([c.state, c.track, deadline(c, 'management-end').n], want, file);
    for (const p of validFixtures('plan')) {
      const planned = await accept(proc, c, 'SUBMIT_PLAN', at('2026-10-06'), chair, form('plan', p));
      assert.equal(planned.data.plan.testing, form('plan', p).testing, `${file} + plan ${p}`);
    }
  }
});

/**
 * The precompiled validator of a form of this procedure (schemas/generated, written by `hoso build`), so the
 * event data of the example scenarios is checked against the very form a user fills in.
 */
async function formValidator(id) {
  const root = join(WORKFLOWS, '..');
  const file = join(root, 'schemas', 'generated', `${id}.js`);
  assert.ok(existsSync(file), `${file} is missing: run \`npx tsc -b && node packages/cli/bin/hoso.mjs build\` first`);
  const mod = await import(pathToFileURL(file).href);
  const { schemaKey } = await import(
    pathToFileURL(join(root, 'packages', 'forms', 'dist', 'validation', 'index.js')).href
  );
  return mod.validators[schemaKey(mod.schema)];
}

test('the example scenarios send, for every event with a form, data that the form accepts', async () => {
  const forms = {};
  const walk = (states) => {
    for (const s of Object.values(states)) {
      for (const [type, e] of Object.entries(s.meta?.events ?? {})) if (e.form) forms[type] = e.form;
      if (s.states) walk(s.states);
    }
  };
  walk(proc.definition.states);
  const dir = join(WORKFLOWS, '..', 'examples', 'scenarios');
  const files = readdirSync(dir).filter((f) => f.startsWith('post-rehab-') && f.endsWith('.json'));
  assert.ok(files.length > 0);
  let checked = 0;
  for (const file of files) {
    const scenario = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    for (const [i, e] of scenario.events.entries()) {
      if (!forms[e.type]) continue;
      const validate = await formValidator(forms[e.type]);
      const ok = validate(e.data);
      assert.ok(
        ok,
        `${file} event ${i} (${e.type}): ${JSON.stringify(validate.errors?.map((x) => [x.instancePath, x.message]))}`,
      );
      checked++;
    }
  }
  assert.ok(checked >= 3, `only ${checked} events checked`);
});

test('every valid fixture of the residence-change, presentation, transfer, relapse and completion forms passes its form and is accepted; fixtures breaking a field the machine reads are refused', async () => {
  const steps = {
    'residence-change': ['REPORT_MOVE', personUser],
    presentation: ['PRESENT', police],
    transfer: ['TRANSFER_FILE', police],
    relapse: ['RELAPSE', police],
    completion: ['COMPLETE', chair],
  };
  // Refused by the machine as well as by the form: each breaks a field a guard reads.
  const refused = {
    'residence-change': ['invalid-new-address-missing', 'invalid-new-commune-code'],
    presentation: ['invalid-commune'],
    transfer: ['invalid-new-commune', 'invalid-receiving-police-missing'],
    relapse: ['invalid-not-addicted', 'invalid-conclusion-missing', 'invalid-issued-on'],
    completion: ['invalid-result-missing'],
  };
  let managed = await accept(proc, start('2026-07-06'), 'DECIDE', at('2026-07-06'), chair, decision('voluntary'));
  managed = await accept(proc, managed, 'REPORT_MOVE', at('2026-07-07'), personUser, {
    ...move,
    movedAt: at('2026-07-07'),
  });
  // COMPLETE needs the term to be over (1 year from 06/07/2026).
  const when = (type) => (type === 'COMPLETE' ? at('2027-07-07') : at('2026-07-08'));
  let accepted = 0;
  for (const [name, [type, who]] of Object.entries(steps)) {
    const validate = await formValidator(`post-rehab/${name}`);
    const valid = validFixtures(name);
    assert.ok(valid.length >= 1, name);
    for (const file of valid) {
      // A move is reported after leaving: the time of leaving is the report's (the limit runs from it).
      const data = type === 'REPORT_MOVE' ? { ...form(name, file), movedAt: when(type) } : form(name, file);
      assert.ok(validate(data), `${name}/${file} fails its form: ${JSON.stringify(validate.errors)}`);
      const c = await accept(proc, managed, type, when(type), who, data);
      assert.deepEqual(c.data[proc.definition.states.managing.meta.events[type].dataKey], data, `${name}/${file}`);
      accepted++;
    }
    for (const file of refused[name]) {
      assert.equal(validate(form(name, file)), false, `${name}/${file} passes its form`);
      await refuse(proc, managed, type, when(type), who, form(name, file), 'guard-failed');
    }
  }
  assert.ok(accepted >= 8, `${accepted} valid fixtures accepted`);
});

const fixtures = {
  ...recordLoops('post-rehab', { awaiting_decision: police, managing: police }),
  'awaiting_decision/RECEIVE_NOTICE#0': { by: police, data: () => recordFixture('post-rehab', 'completion-notice') },
  'awaiting_decision/DECIDE#0': { by: chair, data: () => decision('compulsory') },
  'awaiting_decision/DECIDE#1': { by: chair, data: () => decision('compulsory-minor') },
  'awaiting_decision/DECIDE#2': { by: chair, data: () => decision('substitution') },
  'managing/SUBMIT_PLAN#0': { by: chair, data: () => plan },
  // The 24-hour limit runs from the time of leaving, which cannot be after the report: the previous step's time.
  'managing/REPORT_MOVE#0': { by: personUser, data: (c) => ({ ...move, movedAt: c.updatedAt }) },
  'managing/PRESENT#0': { by: police, data: () => presentation },
  'managing/TRANSFER_FILE#0': { by: police, data: () => transfer },
  'managing/RELAPSE#0': { by: police, data: () => relapse },
  'managing/COMPLETE#0': { by: chair, after: 'management-end', data: () => completion },
};

for (const [lawVersion, startAt] of [
  ['2025-07-01', '2026-03-02T09:00:00+07:00'],
  ['2026-07-01', '2026-07-06T09:00:00+07:00'],
]) {
  test(`every path, replayed with persistence round-trips (law ${lawVersion})`, async () => {
    const counts = await replayAllPaths(proc, fixtures, {
      start: startAt,
      person: (path) => ({ birthDate: path.steps[0].edge === 'DECIDE#1' ? MINOR : ADULT }),
    });
    assert.deepEqual(counts, { paths: 9, completed: 9, blocked: 0 });
  });
}
