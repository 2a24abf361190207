/**
 * Bad definitions and bad queries are refused with errors that say what and where (file and JSON pointer);
 * a province's own plan and indicator are picked up from data alone.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cases, copyDefinitions, engine } from './support.mjs';

const { computeReport, compileDefinitions, DefinitionsError, ReportQueryError } = engine;
const H2 = { from: '2026-07-01', to: '2026-12-31' };

function problemsOf(defs) {
  try {
    compileDefinitions(defs);
  } catch (e) {
    assert.ok(e instanceof DefinitionsError, e.message);
    return e.problems.map((p) => `${p.file} ${p.pointer}: ${p.message}`);
  }
  return [];
}

test('the shipped definitions compile without a problem', () => {
  assert.deepEqual(problemsOf(copyDefinitions()), []);
});

test('an unknown fact, procedure key, set or predicate is reported at its JSON pointer', () => {
  const d = copyDefinitions();
  const i6 = d.indicators.findIndex((i) => i.id === 'I6');
  d.indicators[i6].numerator = { factIn: 'VR.startedAt', range: 'ever' };
  d.indicators[0].denominator = { all: [{ set: 'addicts' }, { activeIn: ['XX'] }] };
  d.indicators[1].numerator = { serviceIn: 'any', testIn: ['positive'] };
  d.flows.relapses = { factIn: 'PR.returnedAt', where: { 'PR.relapseAt': 'yes' } };
  const got = problemsOf(d);
  assert.ok(
    got.some((p) =>
      p.startsWith(
        `indicators.json /indicators/${i6}/numerator/factIn: "VR" (voluntary-rehab) has no fact "startedAt"`,
      ),
    ),
    got.join('\n'),
  );
  assert.ok(
    got.some((p) => p.startsWith('indicators.json /indicators/0/denominator/all/0/set: unknown set "addicts"')),
    got.join('\n'),
  );
  assert.ok(
    got.some((p) => p === 'indicators.json /indicators/0/denominator/all/1/activeIn/0: unknown procedure key "XX"'),
    got.join('\n'),
  );
  assert.ok(
    got.some((p) => p.startsWith('indicators.json /indicators/1/numerator: expected exactly one of')),
    got.join('\n'),
  );
  assert.ok(
    got.some(
      (p) =>
        p ===
        'indicators.json /flows/relapses/where/PR.relapseAt: "PR.relapseAt" is a date fact; a value fact is needed here',
    ),
    got.join('\n'),
  );
  assert.throws(
    () => computeReport(cases, H2, d),
    (e) => e instanceof DefinitionsError && /startedAt/.test(e.message),
  );
});

test('facts files and plans: bad rules, unknown indicators, a missing default plan', () => {
  const d = copyDefinitions();
  const vr = d.facts.findIndex((f) => f.key === 'VR');
  d.facts[vr].facts.startAt.from = [];
  d.facts[vr].active.from = ['registrationDay'];
  const plan = d.plans.findIndex((p) => p.id === 'hanoi-2024');
  d.plans[plan].targets.I99 = { value: 50, comparison: '>=' };
  d.defaultPlan = 'nowhere';
  const got = problemsOf(d);
  assert.ok(
    got.includes('facts/voluntary-rehab.json /facts/startAt/from: expected a non-empty list of rules'),
    got.join('\n'),
  );
  assert.ok(
    got.includes('facts/voluntary-rehab.json /active/from/0: "registrationDay" is not a date fact of this file'),
    got.join('\n'),
  );
  assert.ok(
    got.some((p) => p.startsWith('plans/hanoi-2024.json /targets/I99: no indicator "I99"')),
    got.join('\n'),
  );
  assert.ok(
    got.some((p) => p.startsWith('indicators.json /defaultPlan: no plan "nowhere"')),
    got.join('\n'),
  );
});

test('a set that refers to itself is refused instead of looping', () => {
  const d = copyDefinitions();
  d.sets.loop = { any: [{ set: 'loop' }] };
  assert.ok(problemsOf(d).some((p) => p.includes('set "loop" refers to itself')));
});

test('bad queries say which field is wrong', () => {
  const bad = [
    [{ from: '2026-13-01', to: '2026-12-31' }, 'from'],
    [{ from: '2026-07-01', to: '2026-06-30' }, 'to'],
    [{ ...H2, plan: 'nowhere' }, 'plan'],
    [{ ...H2, communes: '26734' }, 'communes'],
    [{ ...H2, daysOff: ['2/9/2026'] }, 'daysOff[0]'],
  ];
  for (const [q, field] of bad) {
    assert.throws(
      () => computeReport(cases, q),
      (e) => e instanceof ReportQueryError && e.field === field,
      field,
    );
  }
});

test("a province's own plan (a file in plans/) and own indicator (a file in local/) need no code", () => {
  const d = copyDefinitions();
  d.plans.push({
    id: 'hcm-2026',
    version: '1',
    title: { vi: 'Kế hoạch năm 2026 của UBND TP. Hồ Chí Minh', en: 'Ho Chi Minh City plan for 2026' },
    period: { from: '2026-01-01', to: '2026-12-31' },
    targets: { I12: { value: 100, comparison: '>=' }, 'HCM-1': { value: 1, comparison: '>=' } },
  });
  d.indicators.push({
    id: 'HCM-1',
    title: { vi: 'Người sau cai được lập kế hoạch quản lý', en: 'Post-rehab persons with a management plan' },
    wording: { vi: 'Lập kế hoạch quản lý', en: 'A management plan' },
    sources: ['HCM'],
    kind: 'count',
    numeratorLabel: { vi: 'Người có quyết định quản lý sau cai trong kỳ', en: 'Post-rehab decisions in the period' },
    count: { all: [{ factIn: 'PR.decisionAt' }, { not: { factIn: 'PR.relapseAt', range: 'toEnd' } }] },
  });
  const r = computeReport(cases, { ...H2, plan: 'hcm-2026' }, d);
  const own = r.indicators.find((i) => i.id === 'HCM-1');
  assert.deepEqual([own.numerator, own.met], [1, true], 'P5 decided 05/10 and has not relapsed; P6 relapsed');
  assert.equal(r.indicators.find((i) => i.id === 'I12').met, true);
  assert.equal(r.indicators.find((i) => i.id === 'I1').target, undefined);
});

test('a malformed case is named with the field that is wrong', () => {
  const broken = cases.map((c) => (c.id === 'vr-4' ? { ...c, audit: [{ ...c.audit[0], at: 5 }] } : c));
  assert.throws(
    () => computeReport(broken, H2),
    (e) => e instanceof ReportQueryError && e.field === 'cases[4] (vr-4).audit[0]' && /at, event/.test(e.message),
  );
  assert.throws(() => computeReport([{ id: 'x', procedure: 'post-rehab' }], H2), /cases\[0\] \(x\)\.data/);
});
