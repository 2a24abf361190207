/**
 * Electronic monitoring (Law 120/2025 Art. 12, procedures.md §11.2, §9 item 6): a decision of the head of
 * commune police attachable to voluntary rehab at home/community, substitution therapy and post-rehab
 * management; parent/guardian consent for under-18s; no such measure before 01/07/2026. Every path replayed
 * with persistence round-trips under both law versions.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readmeMissing, accept, by, deadline, later, loadDefinition, procedure, refuse } from './support.mjs';
import { replayAllPaths } from './paths.mjs';

const proc = procedure('electronic-monitoring');
const police = by('police-1', 'commune-police-head');
const chair = by('chair-1', 'commune-pc-chair');
const personUser = by('person-1', 'person');

const ADULT = '1990-05-01';
const MINOR = '2010-08-01';
const at = (day, time = '09:00') => `${day}T${time}:00+07:00`;
const guardian = { fullName: 'Lê Văn Tâm', relationship: 'father' };

function decision({ group = 'voluntary-home-community', months = 12, startsOn = '2026-08-03', ...extra } = {}) {
  return {
    number: '3/QĐ-CAX',
    group,
    attachedCase: 'voluntary-rehab/2026-0012',
    deviceId: 'EM-000123',
    wearPosition: 'cổ chân trái',
    startsOn,
    months,
    ...extra,
  };
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
  const relocation = { newPosition: 'cổ chân phải', positionSince: '2026-08-03' };
  // One month from 03/08 is 03/09: still within the first month; from 04/09 the device may be moved.
  await refuse(proc, c, 'RELOCATE_DEVICE', at('2026-09-03'), police, relocation, 'guard-failed');
  c = await accept(proc, c, 'RELOCATE_DEVICE', at('2026-09-04'), police, relocation);
  await refuse(
    proc,
    c,
    'REPORT_DAMAGE',
    at('2026-09-05'),
    chair,
    { description: 'Dây đeo bị đứt' },
    'role-not-permitted',
  );
  c = await accept(proc, c, 'REPORT_DAMAGE', at('2026-09-05'), personUser, { description: 'Dây đeo bị đứt' });
  await refuse(proc, c, 'COMPLETE', at('2027-08-03'), police, {}, 'guard-failed');
  c = await accept(proc, c, 'COMPLETE', at('2027-08-04'), police, {});
  assert.deepEqual([c.state, c.status], ['completed', 'closed']);
});

test('a minor is refused without the consent of a parent or guardian, accepted with it', async () => {
  const c = start('2026-08-03', MINOR);
  const r = await refuse(
    proc,
    c,
    'DECIDE',
    at('2026-08-03'),
    police,
    decision({ group: 'post-rehab' }),
    'guard-failed',
  );
  assert.match(r.detail, /guardianConsent/);
  await refuse(
    proc,
    c,
    'DECIDE',
    at('2026-08-03'),
    police,
    decision({ guardianConsent: false, guardian }),
    'guard-failed',
  );
  await refuse(proc, c, 'DECIDE', at('2026-08-03'), police, decision({ guardianConsent: true }), 'guard-failed');
  const ok = await accept(
    proc,
    c,
    'DECIDE',
    at('2026-08-03'),
    police,
    decision({ group: 'post-rehab', guardianConsent: true, guardian }),
  );
  assert.deepEqual([ok.state, ok.track], ['monitoring', 'minor']);
  // On the 18th birthday no consent is needed.
  const adultNow = start('2028-08-01', MINOR);
  assert.equal(
    (await accept(proc, adultNow, 'DECIDE', at('2028-08-01'), police, decision({ startsOn: '2028-08-01' }))).track,
    'adult',
  );
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
    { kind: 'late', description: 'x' },
    'guard-failed',
  );
  const v = await accept(proc, c, 'RECORD_VIOLATION', at('2026-10-01'), police, {
    kind: 'removed',
    description: 'Tự tháo thiết bị',
  });
  assert.deepEqual([v.state, deadline(v, 'monitoring-end').metBy], ['violation_recorded', 'RECORD_VIOLATION']);
  const t = await accept(proc, c, 'TERMINATE', at('2026-10-01'), police, { reason: 'referred-to-compulsory' });
  assert.equal(t.state, 'ended');
});

const fixtures = {
  'proposal/DECIDE#0': {
    by: police,
    data: (c) => decision({ startsOn: c.createdAt.slice(0, 10) }),
    expect: (law) => (law === '2026-07-01' ? 'ok' : 'role-not-permitted'),
  },
  'proposal/DECIDE#1': {
    by: police,
    data: (c) => decision({ startsOn: c.createdAt.slice(0, 10), guardianConsent: true, guardian }),
    expect: (law) => (law === '2026-07-01' ? 'ok' : 'role-not-permitted'),
  },
  'monitoring/REPORT_DAMAGE#0': { by: personUser, data: () => ({ description: 'Hết pin' }) },
  'monitoring/RELOCATE_DEVICE#0': {
    by: police,
    data: (c) => ({ newPosition: 'cổ tay', positionSince: later(c.updatedAt, { months: -2 }).slice(0, 10) }),
  },
  'monitoring/RECORD_VIOLATION#0': { by: police, data: () => ({ kind: 'interfered', description: 'Che sóng' }) },
  'monitoring/TERMINATE#0': { by: police, data: () => ({ reason: 'measure-completed' }) },
  'monitoring/COMPLETE#0': { by: police, after: 'monitoring-end', data: () => ({}) },
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
