/**
 * The case data the periodic indicators read, recorded by the procedures (issue #8, indicators.md §0):
 * service entries (RECORD_SERVICE, collected under `services`) and needs (ASSESS_NEEDS, under `needs`) exactly in
 * the steps where the person is managed, by the people who manage them; the documents' number and date pointers
 * name fields of the forms that store them; the voluntary-rehab receipt and supplement request.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  accept,
  assertAudit,
  by,
  deadline,
  loadDefinition,
  procedure,
  refuse,
  roundTrip,
  WORKFLOWS,
} from './support.mjs';
import { recordFixture } from './records-support.mjs';
import { application, officer } from './voluntary-rehab-support.mjs';

const ROOT = join(WORKFLOWS, '..');
const AT = '2026-09-01T08:00:00.000+07:00';
const at = (day, hour = 9) =>
  `2026-09-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000+07:00`;

/** Where the two events are available, and who records them (one role of each listed authority). */
const RECORDING = {
  'voluntary-rehab': {
    awaiting_decision: [by('o', 'commune-officer'), by('p', 'service-provider')],
    awaiting_contract: [by('o', 'commune-officer'), by('p', 'service-provider')],
    'in_treatment.first': [by('o', 'commune-officer'), by('p', 'service-provider')],
    'in_treatment.repeat': [by('p', 'service-provider')],
    facility_admission: [by('f', 'rehab-facility')],
    'at_facility.first': [by('f', 'rehab-facility')],
    'at_facility.repeat': [by('f', 'rehab-facility')],
  },
  'compulsory-rehab': {
    'in_facility.adult.treating': [by('f', 'rehab-facility')],
    'in_facility.adult.suspended': [by('f', 'rehab-facility')],
    'in_facility.minor.treating': [by('f', 'rehab-facility')],
    'in_facility.minor.suspended': [by('f', 'rehab-facility')],
  },
  'post-rehab': {
    awaiting_decision: [by('c', 'commune-police-head'), by('o', 'commune-officer')],
    'managing.one_year': [by('c', 'commune-police-head'), by('o', 'commune-officer')],
    'managing.two_years': [by('c', 'commune-police-head')],
  },
  'drug-user-management': {
    under_management: [by('c', 'commune-police-head'), by('o', 'commune-officer')],
  },
};

/** A fresh case placed in `state` (`a` or `a.b.c`): only the snapshot differs from a new case. */
function caseIn(proc, state) {
  const c = proc.createCase({ person: { birthDate: '1990-05-01' }, at: AT });
  const value = state
    .split('.')
    .reduceRight((inner, name) => (inner === undefined ? name : { [name]: inner }), undefined);
  c.snapshot = proc.machine.getPersistedSnapshot(proc.machine.resolveState({ value }));
  c.state = state;
  return c;
}

/** Every state name (`a`, `a.b`) of a machine with whether it is final and whether it has children. */
function statesOf(def) {
  const out = [];
  const walk = (states, base) => {
    for (const [name, s] of Object.entries(states)) {
      const path = base ? `${base}.${name}` : name;
      if (s.states) walk(s.states, path);
      else out.push({ path, final: s.type === 'final' });
    }
  };
  walk(def.states, '');
  return out;
}

for (const [id, states] of Object.entries(RECORDING)) {
  const proc = procedure(id);
  const service = recordFixture(id, 'service');
  const other = recordFixture(id, 'service', 'valid-supervision');
  const needs = recordFixture(id, 'needs');
  const none = recordFixture(id, 'needs', 'valid-no-needs');

  test(`${id}: service entries are appended oldest first and needs replaced, in every step that manages the person`, async () => {
    for (const [state, actors] of Object.entries(states)) {
      for (const who of actors) {
        let c = caseIn(proc, state);
        c = await accept(proc, c, 'RECORD_SERVICE', at(2), who, service);
        c = await accept(proc, c, 'ASSESS_NEEDS', at(2, 10), who, needs);
        c = roundTrip(proc, c);
        c = await accept(proc, c, 'RECORD_SERVICE', at(3), who, other);
        c = await accept(proc, c, 'ASSESS_NEEDS', at(3, 10), who, none);
        assert.equal(c.state, state, `${state}: recording does not change the step`);
        assert.deepEqual(c.data.services, [service, other], `${state}: both entries, oldest first`);
        assert.deepEqual(c.data.needs, none, `${state}: the latest assessment`);
        assert.deepEqual(
          c.audit.map((e) => [e.event, e.at]),
          [
            ['RECORD_SERVICE', at(2)],
            ['ASSESS_NEEDS', at(2, 10)],
            ['RECORD_SERVICE', at(3)],
            ['ASSESS_NEEDS', at(3, 10)],
          ],
        );
        await assertAudit(c);
      }
      await refuse(
        proc,
        caseIn(proc, state),
        'RECORD_SERVICE',
        at(2),
        by('x', 'person'),
        service,
        'role-not-permitted',
      );
    }
  });

  test(`${id}: the two events exist nowhere else`, async () => {
    const listed = new Set(Object.keys(states));
    for (const { path, final } of statesOf(proc.definition)) {
      if (listed.has(path) || final) continue;
      const who = by('all', 'commune-officer', 'commune-police-head', 'service-provider', 'rehab-facility');
      for (const [type, data] of [
        ['RECORD_SERVICE', service],
        ['ASSESS_NEEDS', needs],
      ]) {
        await refuse(proc, caseIn(proc, path), type, at(2), who, data, 'not-allowed-in-state');
      }
    }
  });
}

/** The schema node at a data path (`['completion', 'issuedOn']`) of a form, following properties and file $refs. */
function schemaAt(file, tokens) {
  let node = JSON.parse(readFileSync(file, 'utf8'));
  let base = dirname(file);
  for (const token of tokens) {
    while (typeof node.$ref === 'string' && !node.$ref.startsWith('#')) {
      const next = join(base, node.$ref);
      node = { ...JSON.parse(readFileSync(next, 'utf8')), ...node, $ref: undefined };
      base = dirname(next);
    }
    node = node.properties?.[token];
    if (!node) return undefined;
  }
  return node;
}

test('every document number/date pointer names a field of the form whose event stores that data key', () => {
  const checked = [];
  for (const id of [
    'voluntary-rehab',
    'compulsory-rehab',
    'post-rehab',
    'drug-user-management',
    'addiction-determination',
    'electronic-monitoring',
  ]) {
    const { definition: def, errors } = loadDefinition(id);
    assert.deepEqual(errors, [], id);
    const formsByKey = {};
    const walk = (states) => {
      for (const s of Object.values(states)) {
        for (const [type, em] of Object.entries(s.meta?.events ?? {})) {
          if (em.form) (formsByKey[em.dataKey ?? type] ??= new Set()).add(em.form);
        }
        if (s.states) walk(s.states);
      }
    };
    walk(def.states);
    for (const [doc, d] of Object.entries(def.meta?.documents ?? {})) {
      for (const field of ['number', 'date']) {
        if (!d[field]) continue;
        const [key, ...rest] = d[field].slice(1).split('/');
        const forms = [...(formsByKey[key] ?? [])];
        assert.ok(forms.length > 0, `${id} ${doc}.${field}: no form stores "${key}"`);
        for (const form of forms) {
          const file = join(ROOT, 'schemas', form, 'schema.json');
          assert.ok(existsSync(file), file);
          const node = schemaAt(file, rest);
          assert.ok(node, `${id} ${doc}.${field} ${d[field]}: not a field of ${form}`);
          if (field === 'date') assert.match(node.format ?? '', /^date(-time)?$/, `${id} ${doc}.date is a date`);
          else assert.equal(node.type, 'string', `${id} ${doc}.number is text`);
          checked.push(`${id}/${doc}.${field}`);
        }
      }
    }
  }
  // The documents whose forms carry a number and a date (the templates' `number`/`date` show the fields).
  for (const expected of [
    'voluntary-rehab/decision.number',
    'voluntary-rehab/certificate.date',
    'compulsory-rehab/dossierNotice.number',
    'compulsory-rehab/courtDecision.date',
    'post-rehab/decision.number',
    'post-rehab/certificate.date',
    'drug-user-management/managementDecision.number',
    'addiction-determination/result.date',
    'electronic-monitoring/decision.number',
  ])
    assert.ok(checked.includes(expected), expected);
});

test('voluntary-rehab: a dossier missing a listed document gets the supplement request; the complete one a receipt', async () => {
  const proc = procedure('voluntary-rehab');
  let c = proc.createCase({ person: { birthDate: '1990-05-01' }, at: at(1, 8) });
  const incomplete = {
    ...application(),
    attachments: [
      { kind: 'id-copy', provided: true, form: 'copy' },
      { kind: 'determination-result', provided: false },
    ],
  };
  await refuse(proc, c, 'REGISTER', at(1), officer, incomplete, 'guard-failed');
  c = await accept(proc, c, 'REQUEST_SUPPLEMENT', at(1), officer, incomplete);
  assert.equal(c.state, 'registration');
  assert.deepEqual(
    c.documents.map((d) => [d.id, d.event, d.issuedAt]),
    [['supplement', 'REQUEST_SUPPLEMENT', at(1)]],
  );
  const complete = { ...incomplete, attachments: incomplete.attachments.map((a) => ({ ...a, provided: true })) };
  await refuse(proc, c, 'REQUEST_SUPPLEMENT', at(2), officer, complete, 'guard-failed');
  c = await accept(proc, c, 'REGISTER', at(2), officer, complete);
  assert.equal(c.state, 'awaiting_decision');
  assert.deepEqual(
    c.documents.map((d) => d.id),
    ['supplement', 'receipt'],
  );
  assert.equal(deadline(c, 'decision').trigger.at, at(2), 'the decision time limit runs from the complete dossier');
});

test('post-rehab: the commune records the notice of completed rehab before the decision (the return date counted)', async () => {
  const proc = procedure('post-rehab');
  const notice = recordFixture('post-rehab', 'completion-notice');
  let c = proc.createCase({ person: { birthDate: '1990-05-01' }, at: at(3, 8) });
  await refuse(proc, c, 'RECEIVE_NOTICE', at(3), by('chair', 'commune-pc-chair'), notice, 'role-not-permitted');
  c = await accept(proc, c, 'RECEIVE_NOTICE', at(3), by('o', 'commune-officer'), notice);
  assert.equal(c.state, 'awaiting_decision');
  assert.deepEqual(c.data.completionNotice, notice);
  assert.equal(c.data.completionNotice.receivedOn, '2026-11-03');
});
