/**
 * Management of illegal drug users (procedures.md §4, §11.1): positive test → listing → 1-year
 * management; Law 120 self-declaration and 24-hour residence-change rules; reuse → determination;
 * expiry. The decision-maker and its 24-hour limit are uncertain and overridable per province.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accept, by, content, deadline, loadDefinition, procedure, refuse } from './support.mjs';
import { replayAllPaths } from './paths.mjs';

const proc = procedure('drug-user-management');
const police = by('police-1', 'commune-police-head');
const chair = by('chair-1', 'commune-pc-chair');
const personUser = by('person-1', 'person');
const family = by('family-1', 'family');
const ADULT = { birthDate: '1990-05-01' };
const MINOR = { birthDate: '2010-08-01' };

const test_ = (extra = {}) => ({
  result: 'positive',
  substances: ['methamphetamine'],
  sampledAt: '2026-08-07T15:00',
  sample: 'urine',
  ...extra,
});
const decision = { number: '3/QĐ-CAX', manager: 'Nguyễn Văn Quản' };
const declaration = { substances: ['methamphetamine'], source: 'Mua của người lạ', useBehaviour: 'Hút tại nhà' };
const move = { newCommune: '26734', newAddress: 'Số 5, đường 3', movedAt: '2026-08-28T18:00' };

async function managed(at, decideAt, decider = police, person = ADULT) {
  let c = proc.createCase({ person, at });
  c = await accept(proc, c, 'RECORD_TEST', at, police, test_());
  return accept(proc, c, 'DECIDE_MANAGEMENT', decideAt, decider, decision);
}

test('the definition passes the runtime checker', () => {
  assert.deepEqual(loadDefinition('drug-user-management').errors, []);
});

test('Law 120: positive test → listed → decision within 24 hours (uncertain) by commune police → 1 year', async () => {
  let c = proc.createCase({ person: ADULT, at: '2026-08-07T16:00:00+07:00' });
  await refuse(proc, c, 'RECORD_TEST', '2026-08-07T16:00:00+07:00', chair, test_(), 'role-not-permitted');
  c = await accept(proc, c, 'RECORD_TEST', '2026-08-07T16:00:00+07:00', police, test_());
  assert.deepEqual([c.state, c.track, c.lawVersion], ['listed', 'adult', '2026-07-01']);
  const limit = deadline(c, 'management-decision');
  // 24 clock hours from Fri 07/08 16:00 run into Saturday.
  assert.deepEqual([limit.dueAt, limit.uncertain], ['2026-08-08T16:00:00.000+07:00', true]);
  assert.match(limit.note, /12\.2/);
  await refuse(proc, c, 'DECIDE_MANAGEMENT', '2026-08-08T10:00:00+07:00', chair, decision, 'role-not-permitted');
  await refuse(
    proc,
    c,
    'DECIDE_MANAGEMENT',
    '2026-08-08T10:00:00+07:00',
    police,
    { number: '3/QĐ-CAX' },
    'guard-failed',
  );
  c = await accept(proc, c, 'DECIDE_MANAGEMENT', '2026-08-08T10:00:00+07:00', police, decision);
  assert.equal(deadline(c, 'management-decision').late, false);
  assert.deepEqual(
    c.documents.map((d) => [d.id, d.formCode]),
    [['managementDecision', null]],
  );
  assert.equal(deadline(c, 'management-end').due, '2027-08-08');
  await refuse(proc, c, 'EXPIRE', '2027-08-07T10:00:00+07:00', police, undefined, 'guard-failed');
  c = await accept(proc, c, 'EXPIRE', '2027-08-09T09:00:00+07:00', police, undefined);
  assert.deepEqual([c.state, c.status], ['completed', 'closed']);
});

test('Law 120 self-declaration by the person; refused for others, for missing sources and before 01/07/2026', async () => {
  const c = await managed('2026-08-07T16:00:00+07:00', '2026-08-08T10:00:00+07:00');
  await refuse(proc, c, 'DECLARE', '2026-08-10T09:00:00+07:00', family, declaration, 'role-not-permitted');
  await refuse(
    proc,
    c,
    'DECLARE',
    '2026-08-10T09:00:00+07:00',
    personUser,
    { ...declaration, source: '' },
    'guard-failed',
  );
  const d = await accept(proc, c, 'DECLARE', '2026-08-10T09:00:00+07:00', personUser, declaration);
  assert.deepEqual([d.state, d.data.declaration.source], ['under_management', 'Mua của người lạ']);
  const old = await managed('2026-03-02T09:00:00+07:00', '2026-03-03T09:00:00+07:00', chair);
  assert.equal(old.lawVersion, '2025-07-01');
  const r = await refuse(
    proc,
    old,
    'DECLARE',
    '2026-03-10T09:00:00+07:00',
    personUser,
    declaration,
    'role-not-permitted',
  );
  assert.match(r.message.en, /Law 120/);
  assert.match(r.message.vi, /Luật 120/);
});

test('residence change within 24 hours across a weekend: Fri 28/08/2026 18:00 → Sat 29/08 18:00; transfer to the new commune', async () => {
  let c = await managed('2026-08-07T16:00:00+07:00', '2026-08-08T10:00:00+07:00');
  await refuse(proc, c, 'PRESENT', '2026-08-28T09:00:00+07:00', police, { commune: '26734' }, 'guard-failed');
  await refuse(proc, c, 'REPORT_MOVE', '2026-08-28T18:00:00+07:00', police, move, 'role-not-permitted');
  c = await accept(proc, c, 'REPORT_MOVE', '2026-08-28T18:00:00+07:00', personUser, move);
  assert.equal(deadline(c, 'present-at-new-commune').dueAt, '2026-08-29T18:00:00.000+07:00');
  assert.equal(deadline(c, 'notify-destination').dueAt, '2026-08-29T18:00:00.000+07:00');
  c = await accept(proc, c, 'NOTIFY_DESTINATION', '2026-08-29T08:00:00+07:00', police, { to: 'Công an xã 26734' });
  assert.equal(c.documents[1].id, 'transferNotice');
  c = await accept(proc, c, 'PRESENT', '2026-08-29T17:30:00+07:00', police, { commune: '26734' });
  assert.deepEqual(
    [deadline(c, 'present-at-new-commune').late, deadline(c, 'notify-destination').late, c.state],
    [false, false, 'under_management'],
  );
  // A second move, presented on Sunday: late.
  c = await accept(proc, c, 'REPORT_MOVE', '2026-09-04T18:00:00+07:00', family, { ...move, newCommune: '26735' });
  c = await accept(proc, c, 'PRESENT', '2026-09-06T09:00:00+07:00', police, { commune: '26735' });
  assert.equal(deadline(c, 'present-at-new-commune').late, true);
  assert.equal(deadline(c, 'notify-destination').late, undefined, 'the police notice is still open');
});

test('Law 73 (before 01/07/2026): the commune PC chair decides, no 24-hour limits', async () => {
  let c = proc.createCase({ person: ADULT, at: '2026-06-26T16:00:00+07:00' });
  c = await accept(proc, c, 'RECORD_TEST', '2026-06-26T16:00:00+07:00', police, test_());
  assert.equal(deadline(c, 'management-decision'), undefined);
  await refuse(proc, c, 'DECIDE_MANAGEMENT', '2026-07-02T09:00:00+07:00', police, decision, 'role-not-permitted');
  c = await accept(proc, c, 'DECIDE_MANAGEMENT', '2026-07-02T09:00:00+07:00', chair, decision);
  assert.equal(c.lawVersion, '2025-07-01', 'the law pinned on the test date stays');
  c = await accept(proc, c, 'REPORT_MOVE', '2026-08-28T18:00:00+07:00', personUser, move);
  assert.equal(deadline(c, 'present-at-new-commune'), undefined);
});

test('age bands: minors need urine or consent; under 12 out of scope; negative closes', async () => {
  const at = '2026-09-07T09:00:00+07:00';
  const minor = proc.createCase({ person: MINOR, at });
  await refuse(proc, minor, 'RECORD_TEST', at, police, test_({ sample: 'blood' }), 'guard-failed');
  assert.equal(
    (await accept(proc, minor, 'RECORD_TEST', at, police, test_({ sample: 'blood', representativeConsent: true })))
      .track,
    'minor',
  );
  assert.equal((await accept(proc, minor, 'RECORD_TEST', at, police, test_())).state, 'listed');
  const child = proc.createCase({ person: { birthDate: '2016-01-01' }, at });
  assert.equal((await accept(proc, child, 'RECORD_TEST', at, police, test_())).state, 'out_of_scope');
  const adult = proc.createCase({ person: ADULT, at });
  assert.equal(
    (await accept(proc, adult, 'RECORD_TEST', at, police, { result: 'negative', sampledAt: at })).state,
    'closed_negative',
  );
  await refuse(proc, adult, 'RECORD_TEST', at, police, { result: 'unclear', sampledAt: at }, 'guard-failed');
});

test('reuse → addiction determination unless prosecuted; early end needs a reason', async () => {
  const c = await managed('2026-08-07T16:00:00+07:00', '2026-08-08T10:00:00+07:00');
  await refuse(
    proc,
    c,
    'RECORD_REUSE',
    '2026-10-01T09:00:00+07:00',
    police,
    { test: { result: 'positive' }, prosecuted: true },
    'guard-failed',
  );
  const r = await accept(proc, c, 'RECORD_REUSE', '2026-10-01T09:00:00+07:00', police, {
    test: { result: 'positive' },
  });
  assert.equal(r.state, 'referred_for_determination');
  assert.equal(deadline(r, 'management-end').metBy, 'RECORD_REUSE');
  await refuse(
    proc,
    c,
    'END_EARLY',
    '2026-10-01T09:00:00+07:00',
    police,
    { reason: 'moved', decisionNumber: '9' },
    'guard-failed',
  );
  await refuse(
    proc,
    c,
    'END_EARLY',
    '2026-10-01T09:00:00+07:00',
    personUser,
    { reason: 'prosecuted', decisionNumber: '9' },
    'role-not-permitted',
  );
  assert.equal(
    (
      await accept(proc, c, 'END_EARLY', '2026-10-01T09:00:00+07:00', police, {
        reason: 'entered-rehab',
        decisionNumber: '9',
      })
    ).state,
    'ended',
  );
});

test('a province may override the uncertain Law-120 decision-maker and limit', async () => {
  const overlay = {
    province: '38',
    name: { vi: 'Tỉnh thử nghiệm', en: 'Test province' },
    overrides: [
      {
        law: ['2026-07-01'],
        path: 'authority.user-management-decision',
        value: { roles: ['commune-pc-chair'] },
        basis: 'test reading: commune PC keeps the decision',
        evidence: 'INF',
      },
      {
        law: ['2026-07-01'],
        path: 'timeLimits.userManagementDecision',
        value: { n: 2, unit: 'workingDays' },
        basis: 'test reading',
        evidence: 'INF',
      },
    ],
  };
  const local = procedure('drug-user-management', [...content.overlays, overlay]);
  let c = local.createCase({ person: ADULT, at: '2026-08-07T16:00:00+07:00', province: '38' });
  c = await accept(local, c, 'RECORD_TEST', '2026-08-07T16:00:00+07:00', police, test_());
  // Fri 07/08 + 2 working days: Mon 10, Tue 11.
  assert.equal(deadline(c, 'management-decision').due, '2026-08-11');
  await refuse(local, c, 'DECIDE_MANAGEMENT', '2026-08-10T09:00:00+07:00', police, decision, 'role-not-permitted');
  c = await accept(local, c, 'DECIDE_MANAGEMENT', '2026-08-10T09:00:00+07:00', chair, decision);
  assert.deepEqual([c.state, deadline(c, 'management-decision').late], ['under_management', false]);
  const settled = {
    ...overlay,
    overrides: [{ path: 'durations.userManagement', value: { n: 6 }, basis: 'x', evidence: 'INF' }],
  };
  const bad = procedure('drug-user-management', [settled]);
  assert.throws(
    () => bad.createCase({ person: ADULT, at: '2026-08-07T16:00:00+07:00', province: '38' }),
    /settled law/,
  );
});

const decider = by('decider-1', 'commune-pc-chair', 'commune-police-head');
const fixtures = {
  'awaiting_test/RECORD_TEST#0': { by: police, data: () => test_() },
  'awaiting_test/RECORD_TEST#1': { by: police, data: () => test_({ sample: 'blood', representativeConsent: true }) },
  'awaiting_test/RECORD_TEST#2': { by: police, data: () => test_() },
  'awaiting_test/RECORD_TEST#3': { by: police, data: () => ({ result: 'negative', sampledAt: '2026-03-02' }) },
  'listed/DECIDE_MANAGEMENT#0': {
    by: { id: 'decider', roles: ['commune-pc-chair', 'commune-police-head'] },
    data: () => decision,
  },
  'under_management/DECLARE#0': {
    by: personUser,
    data: () => declaration,
    expect: (law) => (law === '2026-07-01' ? 'ok' : 'role-not-permitted'),
  },
  'under_management/REPORT_MOVE#0': { by: personUser, data: () => move },
  'under_management/NOTIFY_DESTINATION#0': { by: police, data: () => ({ to: 'Công an xã 26734' }) },
  'under_management/PRESENT#0': { by: police, data: () => ({ commune: '26734' }) },
  'under_management/RECORD_REUSE#0': { by: police, data: () => ({ test: { result: 'positive' } }) },
  'under_management/EXPIRE#0': { by: police, after: 'management-end' },
  'under_management/END_EARLY#0': { by: decider, data: () => ({ reason: 'prosecuted', decisionNumber: '9/QĐ' }) },
};
const person = (path) => {
  const first = path.steps[0].edge;
  return first === 'RECORD_TEST#1' ? MINOR : first === 'RECORD_TEST#2' ? { birthDate: '2016-01-01' } : ADULT;
};

for (const [lawVersion, start] of [
  ['2025-07-01', '2026-03-02T09:00:00+07:00'],
  ['2026-07-01', '2026-07-06T09:00:00+07:00'],
]) {
  test(`every path, replayed with persistence round-trips (law ${lawVersion})`, async () => {
    assert.deepEqual(await replayAllPaths(proc, fixtures, { start, person }), { paths: 8, completed: 8, blocked: 0 });
  });
}
