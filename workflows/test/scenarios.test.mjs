/**
 * The example scenarios of these procedures (examples/scenarios/<procedure>-*.json), run through the
 * CLI (`hoso simulate`) as a user would: each event's acceptance or refusal code, the final step, the
 * pinned law version, hand-checked due dates and the audit chain.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { WORKFLOWS } from './support.mjs';

const ROOT = join(WORKFLOWS, '..');
const simulate = (name) =>
  JSON.parse(
    execFileSync(process.execPath, ['packages/cli/bin/hoso.mjs', 'simulate', `examples/scenarios/${name}.json`], {
      cwd: ROOT,
      encoding: 'utf8',
    }),
  );
const outcome = (r) => (r.accepted ? r.to : `refused:${r.refusal.code}`);
const dues = (view) => Object.fromEntries(view.deadlines.map((d) => [d.id, d.due]));

const expected = {
  'voluntary-rehab-adult-community': {
    law: '2026-07-01',
    results: [
      'registration',
      'awaiting_decision',
      'refused:role-not-permitted',
      'awaiting_contract',
      'in_treatment.first',
      'refused:guard-failed',
      'completed',
    ],
    dues: { registration: '2026-07-17', decision: '2026-07-16', 'treatment-end': '2028-07-17' },
  },
  'voluntary-rehab-minor-guardian': {
    law: '2026-07-01',
    results: [
      'refused:guard-failed',
      'awaiting_decision',
      'awaiting_contract',
      'in_treatment.first',
      'refused:guard-failed',
      'in_treatment.first',
    ],
    dues: { decision: '2026-11-25', 'treatment-end': '2028-11-25' },
  },
  'voluntary-rehab-refusals': {
    law: '2025-07-01',
    results: [
      'refused:guard-failed',
      'refused:role-not-permitted',
      'awaiting_decision',
      'awaiting_contract',
      'in_treatment.first',
      'refused:role-not-permitted',
      'refused:guard-failed',
      'violation_recorded',
      'refused:role-not-permitted',
    ],
    dues: { decision: '2026-05-04', 'treatment-end': '2026-11-04', 'compulsory-dossier': '2026-06-08' },
  },
  'addiction-determination-voluntary-addicted': {
    law: '2026-07-01',
    results: [
      'observing',
      'observing',
      'observing',
      'refused:role-not-permitted',
      'concluded_addicted',
      'issued_addicted',
    ],
    dues: { registration: '2026-09-18', 'result-validity': '2027-03-11' },
  },
  'drug-user-management-residence-change': {
    law: '2026-07-01',
    results: [
      'listed',
      'refused:role-not-permitted',
      'under_management',
      'under_management',
      'refused:guard-failed',
      'under_management',
      'under_management',
      'under_management',
    ],
    dues: {
      'management-decision': '2026-08-08',
      'management-end': '2027-08-08',
      'present-at-new-commune': '2026-08-29',
      'notify-destination': '2026-08-29',
    },
  },
  'drug-user-management-refusals': {
    law: '2025-07-01',
    results: [
      'listed',
      'refused:role-not-permitted',
      'under_management',
      'refused:role-not-permitted',
      'under_management',
      'refused:guard-failed',
    ],
    dues: { 'management-end': '2027-03-03' },
  },
  'compulsory-rehab-minor-regional-court': {
    law: '2026-07-01',
    results: [
      'proceedings.dossier_preparation',
      'refused:guard-failed',
      'proceedings.dossier_reading',
      'refused:guard-failed',
      'proceedings.court_acceptance',
      'refused:role-not-permitted',
      'proceedings.awaiting_session',
      'proceedings.complaint_window',
      'execution',
      'in_facility.minor.treating',
    ],
    dues: {
      dossier: '2026-09-03',
      'dossier-reading': '2026-09-10',
      'court-session': '2026-09-29',
      complaint: '2026-09-30',
      'term-end': '2028-10-05',
    },
  },
  'compulsory-rehab-adult-complaint-review': {
    law: '2025-07-01',
    results: [
      'proceedings.dossier_preparation',
      'proceedings.dossier_preparation',
      'proceedings.dossier_reading',
      'proceedings.court_acceptance',
      'proceedings.awaiting_session',
      'proceedings.complaint_window',
      'refused:role-not-permitted',
      'proceedings.review',
      'refused:role-not-permitted',
      'execution',
      'postponed',
      'execution',
      'in_facility.adult.treating',
    ],
    dues: {
      dossier: '2026-06-18',
      'dossier-reading': '2026-06-24',
      'court-session': '2026-07-07',
      complaint: '2026-07-08',
      review: '2026-07-15',
      'term-end': '2027-08-24',
    },
  },
  'compulsory-rehab-excluded-pregnant': { law: '2026-07-01', results: ['excluded_pregnant'], dues: {} },
  'compulsory-rehab-refusals': {
    law: '2026-07-01',
    results: [
      'refused:role-not-permitted',
      'refused:guard-failed',
      'proceedings.dossier_preparation',
      'refused:guard-failed',
      'refused:guard-failed',
      'refused:not-allowed-in-state',
    ],
    dues: { dossier: '2026-09-14' },
  },
  'post-rehab-compulsory-two-years': {
    law: '2026-07-01',
    results: [
      'refused:role-not-permitted',
      'managing.two_years',
      'managing.two_years',
      'refused:guard-failed',
      'completed',
    ],
    dues: { 'management-end': '2028-10-05' },
  },
  'post-rehab-services-and-needs': {
    law: '2026-07-01',
    results: [
      'awaiting_decision',
      'managing.two_years',
      'managing.two_years',
      'managing.two_years',
      'refused:role-not-permitted',
      'managing.two_years',
      'managing.two_years',
      'completed',
    ],
    dues: { 'management-end': '2028-10-05' },
  },
  'electronic-monitoring-minor-no-consent': {
    law: '2026-07-01',
    results: ['refused:guard-failed', 'refused:role-not-permitted', 'monitoring', 'refused:guard-failed', 'monitoring'],
    dues: { 'monitoring-end': '2027-08-03' },
  },
};

for (const [name, want] of Object.entries(expected)) {
  test(`hoso simulate examples/scenarios/${name}.json`, () => {
    const out = simulate(name);
    assert.equal(out.lawVersion, want.law);
    assert.deepEqual(out.results.map(outcome), want.results);
    assert.deepEqual(dues(out.view), want.dues);
    assert.deepEqual(out.audit.verify, { ok: true, entries: out.accepted });
    for (const r of out.results.filter((x) => !x.accepted)) {
      assert.ok(r.refusal.message.vi && r.refusal.message.en, 'every refusal is explained in vi and en');
    }
  });
}

test('the 24-hour residence rules run through the weekend and were met', () => {
  const view = simulate('drug-user-management-residence-change').view;
  const byId = Object.fromEntries(view.deadlines.map((d) => [d.id, d]));
  assert.equal(byId['present-at-new-commune'].dueAt, '2026-08-29T18:00:00.000+07:00');
  assert.equal(byId['present-at-new-commune'].late, false);
  assert.equal(byId['notify-destination'].late, false);
  assert.equal(byId['management-decision'].uncertain, true);
});

test('the compulsory, post-rehab and monitoring scenarios show track, reason and Form 54 as a user sees them', () => {
  const minor = simulate('compulsory-rehab-minor-regional-court').view;
  assert.equal(minor.track, 'minor');
  // The term is the court's decided months (24 under Law 120), counted from the admission date.
  const term = minor.deadlines.find((d) => d.id === 'term-end');
  assert.deepEqual(
    [term.n, term.source.n.data, term.source.start.at, term.due],
    [24, '#/properties/courtDecision/properties/months', '2026-10-05', '2028-10-05'],
  );
  const pregnant = simulate('compulsory-rehab-excluded-pregnant').view;
  assert.match(pregnant.stateTitle.vi, /mang thai/);
  assert.match(pregnant.stateTitle.en, /pregnant/);
  const post = simulate('post-rehab-compulsory-two-years');
  assert.deepEqual(
    post.view.documentsIssued.map((d) => d.formCode),
    [null, 'Mẫu 54 (Phụ lục II, Nghị định 116/2021)'],
  );
  const em = simulate('electronic-monitoring-minor-no-consent');
  assert.match(em.results[0].refusal.detail, /guardianConsent/);
  assert.equal(em.view.track, 'minor');
});

test('compulsory-rehab, post-rehab, electronic-monitoring: conditions precompiled by hoso build decide the scenarios as ajv does', async () => {
  const { mkdtempSync, readFileSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { pathToFileURL } = await import('node:url');
  const { Procedure, conditionSchemas, precompiledConditions, schemaKey } =
    await import('../../packages/workflow/dist/index.js');
  const { content, procedure } = await import('./support.mjs');
  const out = mkdtempSync(join(tmpdir(), 'hoso-p2-'));
  try {
    execFileSync(
      process.execPath,
      ['packages/cli/bin/hoso.mjs', 'build', '--out', join(out, 's'), '--workflows-out', join(out, 'w')],
      { cwd: ROOT, stdio: 'pipe' },
    );
    const { conditionValidators } = await import(pathToFileURL(join(out, 'w', 'conditions.js')).href);
    const conditions = (node, found = []) => {
      if (Array.isArray(node)) node.forEach((n) => conditions(n, found));
      else if (node && typeof node === 'object') {
        if (node.type === 'condition' && node.params?.condition) found.push(node.params.condition);
        Object.values(node).forEach((v) => conditions(v, found));
      }
      return found;
    };
    for (const id of ['compulsory-rehab', 'post-rehab', 'electronic-monitoring']) {
      const schemas = conditions(procedure(id).definition).flatMap(conditionSchemas);
      assert.ok(schemas.length > 5, id);
      assert.deepEqual(
        schemas.filter((s) => typeof conditionValidators[schemaKey(s)] !== 'function'),
        [],
        `${id}: every condition is precompiled`,
      );
    }
    const run = async (proc, scenario) => {
      let c = proc.createCase({ person: scenario.person, at: scenario.events[0].at, id: 'same' });
      const outcomes = [];
      for (const e of scenario.events) {
        const r = await proc.apply(c, e);
        outcomes.push(r.ok ? r.case.state : r.refusal.code);
        if (r.ok) c = r.case;
      }
      return { outcomes, deadlines: c.deadlines.map((d) => [d.id, d.dueAt]), documents: c.documents };
    };
    const names = Object.keys(expected).filter((n) => /^(compulsory-rehab|post-rehab|electronic-monitoring)-/.test(n));
    assert.equal(names.length, 7);
    for (const name of names) {
      const scenario = JSON.parse(readFileSync(join(ROOT, 'examples', 'scenarios', `${name}.json`), 'utf8'));
      const withAjv = procedure(scenario.procedure);
      const production = new Procedure(withAjv.definition, {
        ...content,
        compileCondition: precompiledConditions(conditionValidators),
      });
      assert.deepEqual(await run(production, scenario), await run(withAjv, scenario), name);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('the tutorial form schemas/sample/registration drives the sample procedure; voluntary-adult.json sends its valid fixture', async () => {
  const { readFileSync } = await import('node:fs');
  const { pathToFileURL } = await import('node:url');
  const { accept, by, procedure, refuse } = await import('./support.mjs');
  const { schemaKey } = await import(pathToFileURL(join(ROOT, 'packages/forms/dist/validation/index.js')).href);
  const form = await import(pathToFileURL(join(ROOT, 'schemas/generated/sample/registration.js')).href);
  const validate = form.validators[schemaKey(form.schema)];
  const fixture = (name) =>
    JSON.parse(readFileSync(join(ROOT, 'schemas/sample/registration/fixtures', `${name}.json`), 'utf8'));
  const proc = procedure('sample');
  const officer = by('officer-1', 'commune-officer');
  const chair = by('chair-1', 'commune-pc-chair');

  const adult = fixture('valid');
  assert.equal(validate(adult), true);
  const example = JSON.parse(readFileSync(join(ROOT, 'examples/scenarios/voluntary-adult.json'), 'utf8'));
  assert.deepEqual(example.events[0].data, adult, 'the documented example registers with the form fixture');
  const start = (birthDate, at) => proc.createCase({ person: { birthDate }, at });
  // Law 120: the determination result (20/06/2026) is at most 6 months old on 06/07/2026, not on 21/12/2026.
  let c = await accept(
    proc,
    start(adult.dateOfBirth, '2026-07-06T09:00:00+07:00'),
    'REGISTER',
    '2026-07-06T09:00:00+07:00',
    officer,
    adult,
  );
  assert.deepEqual([c.state, c.track], ['registered', 'adult']);
  // The decision form of the sample (schemas/sample/decision): a home decision for a home registration.
  const decision = JSON.parse(readFileSync(join(ROOT, 'schemas/sample/decision/fixtures/valid-home.json'), 'utf8'));
  assert.deepEqual(example.events[3].data, decision, 'the documented example decides with the decision fixture');
  const noProvider = JSON.parse(
    readFileSync(join(ROOT, 'schemas/sample/decision/fixtures/invalid-provider-missing.json'), 'utf8'),
  );
  await refuse(proc, c, 'DECIDE', '2026-07-07T09:00:00+07:00', chair, noProvider, 'guard-failed');
  c = await accept(proc, c, 'DECIDE', '2026-07-07T09:00:00+07:00', chair, decision);
  assert.equal(c.state, 'in_treatment', 'DECIDE reads the form mode (home)');
  const late = '2026-12-21T09:00:00+07:00';
  await refuse(proc, start(adult.dateOfBirth, late), 'REGISTER', late, officer, adult, 'guard-failed');

  const minor = fixture('valid-minor');
  assert.equal(validate(minor), true);
  const at = '2025-08-29T15:00:00+07:00';
  const m = await accept(proc, start(minor.dateOfBirth, at), 'REGISTER', at, officer, minor);
  assert.equal(m.track, 'minor');
  const noRep = fixture('invalid-representative-missing');
  assert.equal(validate(noRep), false);
  await refuse(proc, start(minor.dateOfBirth, at), 'REGISTER', at, officer, noRep, 'guard-failed');
});

test('every path of the sample procedure, replayed with the fixtures of its forms and persistence round-trips', async () => {
  const { readFileSync } = await import('node:fs');
  const { pathToFileURL } = await import('node:url');
  const { by, procedure } = await import('./support.mjs');
  const { replayAllPaths } = await import('./paths.mjs');
  const { schemaKey } = await import(pathToFileURL(join(ROOT, 'packages/forms/dist/validation/index.js')).href);
  const form = await import(pathToFileURL(join(ROOT, 'schemas/generated/sample/registration.js')).href);
  const validate = form.validators[schemaKey(form.schema)];
  /** A fixture of schemas/sample/registration, which must still pass the form after `patch`. */
  const registration = (name, patch = {}) => {
    const file = join(ROOT, 'schemas/sample/registration/fixtures', `${name}.json`);
    const data = { ...JSON.parse(readFileSync(file, 'utf8')), ...patch };
    assert.ok(validate(data), `${name}: ${JSON.stringify(validate.errors)}`);
    return data;
  };
  /** A valid fixture of one of the other sample forms (decision, rejection, ...), checked by its own validator. */
  const sampleForm = async (name, file = 'valid') => {
    const mod = await import(pathToFileURL(join(ROOT, `schemas/generated/sample/${name}.js`)).href);
    const data = JSON.parse(readFileSync(join(ROOT, 'schemas/sample', name, 'fixtures', `${file}.json`), 'utf8'));
    const check = mod.validators[schemaKey(mod.schema)];
    assert.ok(check(data), `sample/${name}/${file}: ${JSON.stringify(check.errors)}`);
    return data;
  };
  const data = {
    decision: await sampleForm('decision'),
    homeDecision: await sampleForm('decision', 'valid-home'),
    rejection: await sampleForm('rejection'),
    move: await sampleForm('residence-change'),
    presentation: await sampleForm('presentation'),
    withdrawal: await sampleForm('withdrawal'),
  };
  const proc = procedure('sample');
  const officer = by('officer-1', 'commune-officer');
  const chair = by('chair-1', 'commune-pc-chair');
  const isMinor = (path) => path.steps.some((s) => s.edge === 'REGISTER#1');
  const counts = {};
  for (const [law, start, determinationDate] of [
    ['2025-07-01', '2025-09-02T09:00:00+07:00', undefined],
    ['2026-07-01', '2026-07-06T09:00:00+07:00', '2026-06-20'],
  ]) {
    // Under Law 120 the result must be at most 6 months old: the minor's (20/08/2025) is dated for the later start.
    const fixtures = {
      'submitted/REGISTER#0': { by: officer, data: () => registration('valid') },
      'submitted/REGISTER#1': {
        by: officer,
        data: () => registration('valid-minor', determinationDate ? { determinationDate } : {}),
      },
      // The decision takes the form of rehab the registration chose (home for the adult, community for the minor).
      'registered/DECIDE#0': {
        by: chair,
        data: (c) => (c.data.registration.mode === 'home' ? data.homeDecision : data.decision),
      },
      'registered/REJECT#0': { by: chair, data: () => data.rejection },
      'in_treatment/REPORT_MOVE#0': { by: by('person-1', 'person'), data: () => data.move },
      'in_treatment/PRESENT#0': { by: by('police-1', 'commune-police-head'), data: () => data.presentation },
      'in_treatment/COMPLETE#0': { by: chair, after: 'treatment-end' },
      'in_treatment/WITHDRAW#0': { by: chair, data: () => data.withdrawal },
    };
    counts[law] = await replayAllPaths(proc, fixtures, {
      start,
      person: (path) => ({ birthDate: isMinor(path) ? '2010-03-15' : '1990-05-01' }),
    });
  }
  // REGISTER adult/minor × (REJECT | DECIDE then COMPLETE or WITHDRAW): 6 paths, all to the end under both laws.
  const all = { paths: 6, completed: 6, blocked: 0 };
  assert.deepEqual(counts, { '2025-07-01': all, '2026-07-01': all });
});
