/**
 * computeReport over the fixture cases (made by the real runtime, packages/reports/test/fixtures) against the
 * numbers computed by hand in expected.json: every indicator, breakdowns, members, flows, communes, labels.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cases, engine, expected } from './support.mjs';

const { computeReport } = engine;

for (const q of expected.queries) {
  test(`${q.name}: every indicator as computed by hand`, () => {
    const r = computeReport(cases, q.query);
    for (const [id, want] of Object.entries(q.indicators)) {
      const got = r.indicators.find((i) => i.id === id);
      assert.ok(got, `${id} is in the report`);
      const pick = { numerator: got.numerator, denominator: got.denominator, value: got.value };
      const wantPick = { numerator: want.numerator, denominator: want.denominator, value: want.value };
      if ('met' in want) {
        pick.met = got.met;
        wantPick.met = want.met;
      }
      assert.deepEqual(pick, wantPick, `${id}: ${want.why}`);
    }
    if (q.casesRead !== undefined) assert.equal(r.casesRead, q.casesRead);
    if (q.persons !== undefined) assert.equal(r.persons, q.persons, 'distinct persons (P3 and P5 have two cases each)');
    if (q.periodLabel) assert.deepEqual(r.periodLabel, q.periodLabel);
    if (q.communes) assert.deepEqual(r.communes, q.communes);
    for (const [id, b] of Object.entries(q.breakdowns ?? {})) {
      const got = r.indicators.find((i) => i.id === id).breakdown;
      for (const k of ['sex', 'ageBand', 'commune', 'quarter'])
        if (b[k]) assert.deepEqual(got[k], b[k], `${id} by ${k}: ${b.why}`);
    }
    for (const [id, m] of Object.entries(q.members ?? {})) {
      const got = r.indicators.find((i) => i.id === id).members;
      assert.deepEqual(got.numerator.map((p) => p.key).sort(), [...m.numerator].sort(), `${id} numerator persons`);
      assert.deepEqual(
        got.denominator.map((p) => p.key).sort(),
        [...m.denominator].sort(),
        `${id} denominator persons`,
      );
    }
    if (q.flows) assert.deepEqual(r.flows, q.flows);
  });
}

test('every indicator of the definitions is reported, in order, with titles in vi and en', () => {
  const r = computeReport(cases, { from: '2026-07-01', to: '2026-12-31' });
  const ids = r.indicators.map((i) => i.id);
  assert.deepEqual(ids.slice(0, 3), ['I1', 'I2', 'I3']);
  assert.equal(ids.length, 20, 'I1–I18 with I12b and I17b');
  for (const i of r.indicators) {
    assert.ok(i.title.vi && i.title.en && i.numeratorLabel.vi && i.numeratorLabel.en, `${i.id} titles`);
    assert.equal(i.members, undefined, 'members only when asked');
    if (i.kind === 'count') assert.equal(i.denominator, null);
  }
  assert.equal(r.definitions.plan.id, 'dong-nai-2023-2025', 'the default plan');
  assert.equal(r.indicators.find((i) => i.id === 'I14').target.value, 80);
});

test('members: who is behind a number, with commune at the event, sex, age band at the period end, cases', () => {
  const r = computeReport(cases, { from: '2026-07-01', to: '2026-12-31', members: true });
  const i4 = r.indicators.find((i) => i.id === 'I4');
  const p1 = i4.members.numerator[0];
  assert.deepEqual(p1, {
    key: '079090000001',
    fullName: 'Đỗ Văn Dũng',
    communeCode: '26737',
    sex: 'male',
    ageBand: '30-49',
    caseIds: ['um-1'],
  });
  const p5 = r.indicators.find((i) => i.id === 'I2').members.denominator.find((p) => p.key === '079090000005');
  assert.deepEqual(p5.caseIds.sort(), ['cr-5', 'pr-5'], 'a person with two cases is one member');
  // P8 has no personal ID: each of their cases is a person of its own (`case:<id>`).
  const twice = [...cases, { ...cases.find((c) => c.id === 'ad-8'), id: 'ad-8-again' }];
  assert.equal(computeReport(twice, { from: '2026-07-01', to: '2026-12-31' }).persons, 12);
  const again = [...cases, { ...cases.find((c) => c.id === 'ad-3'), id: 'ad-3-again' }];
  assert.equal(
    computeReport(again, { from: '2026-07-01', to: '2026-12-31' }).persons,
    11,
    'same personal ID, same person',
  );
});

test('another plan: targets and met follow it (Hà Nội 2024: I2 > 80%, I9 1,200 persons)', () => {
  const r = computeReport(cases, { from: '2026-07-01', to: '2026-12-31', plan: 'hanoi-2024' });
  const i2 = r.indicators.find((i) => i.id === 'I2');
  assert.deepEqual([i2.target.value, i2.target.comparison, i2.met], [80, '>', true]);
  assert.equal(i2.target.source, 'KH 96/KH-UBND');
  const i9 = r.indicators.find((i) => i.id === 'I9');
  assert.deepEqual([i9.value, i9.target.value, i9.met], [1, 1200, false]);
  assert.equal(r.indicators.find((i) => i.id === 'I1').target, undefined, 'S1 sets no target for I1');
  assert.equal(r.definitions.plan.title.en, "Hà Nội People's Committee plan 96/KH-UBND for 2024");
});

test('the province filter reads only that province', () => {
  assert.equal(computeReport(cases, { from: '2026-01-01', to: '2026-12-31', province: '01' }).casesRead, 0);
  const moved = cases.map((c) => (c.id === 'um-10' ? { ...c, province: '01' } : c));
  const r = computeReport(moved, { from: '2026-07-01', to: '2026-12-31', province: '79' });
  assert.equal(r.casesRead, 12);
  assert.deepEqual([r.indicators[3].numerator, r.indicators[3].denominator], [1, 1], 'I4 without P10');
});

test('law changes inside the period are reported for the trend charts', () => {
  const year = computeReport(cases, { from: '2026-01-01', to: '2026-12-31' });
  assert.deepEqual(
    year.definitions.lawNotes.map((n) => n.since),
    ['2026-07-01'],
  );
  assert.ok(year.definitions.lawNotes[0].vi.includes('Luật 120/2025'));
  assert.equal(computeReport(cases, { from: '2026-07-01', to: '2026-12-31' }).definitions.lawNotes, undefined);
});

test('an empty list of communes is the whole province, as no list', () => {
  const all = computeReport(cases, { from: '2026-07-01', to: '2026-12-31' });
  const empty = computeReport(cases, { from: '2026-07-01', to: '2026-12-31', communes: [] });
  assert.deepEqual(
    empty.indicators.map((i) => [i.numerator, i.denominator]),
    all.indicators.map((i) => [i.numerator, i.denominator]),
  );
});
