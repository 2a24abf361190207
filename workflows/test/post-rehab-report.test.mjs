/**
 * The post-rehab case data of the periodic report (issue #8), end to end: the example scenario
 * examples/scenarios/post-rehab-services-and-needs.json replayed through the runtime (notice of completion,
 * decision, plan, needs, two services, Form 54), then the persisted case read by the report engine
 * (@hoso/reports, packages/reports/dist) with the shipped indicator definitions and facts files. The numbers are
 * the ones a commune would see, checked by hand from the scenario's dates.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serializeCase } from '../../packages/workflow/dist/index.js';
import { procedure, WORKFLOWS } from './support.mjs';

const proc = procedure('post-rehab', []);
const scenario = JSON.parse(
  readFileSync(join(WORKFLOWS, '..', 'examples', 'scenarios', 'post-rehab-services-and-needs.json'), 'utf8'),
);
const { computeReport } = await import('../../packages/reports/dist/index.js');

/** The scenario's case after its accepted events (refusals skipped, as `hoso simulate` does). */
async function played() {
  let c = proc.createCase({ person: scenario.person, at: scenario.events[0].at });
  const refused = [];
  for (const e of scenario.events) {
    const r = await proc.apply(c, e);
    if (r.ok) c = r.case;
    else refused.push(`${e.type} by ${e.by.roles.join('+')}: ${r.refusal.code}`);
  }
  return { c, refused };
}

const { c, refused } = await played();
const persisted = JSON.parse(serializeCase(c));
const numbers = (from, to, ids) => {
  const report = computeReport([persisted], { from, to });
  return Object.fromEntries(
    ids.map((id) => {
      const r = report.indicators.find((x) => x.id === id);
      assert.ok(r, `indicator ${id} in the report`);
      return [id, [r.numerator, r.denominator]];
    }),
  );
};

test('the scenario records the notice, two services in order, the needs and both documents with number and date', () => {
  assert.deepEqual(refused, ['RECORD_SERVICE by rehab-facility: role-not-permitted']);
  assert.equal(c.state, 'completed');
  assert.equal(c.data.completionNotice.receivedOn, '2026-09-28');
  assert.deepEqual(
    c.data.services.map((s) => [s.type, s.providedOn]),
    [
      ['supervision', '2026-10-20'],
      ['job-referral', '2026-11-03'],
    ],
  );
  assert.deepEqual([c.data.needs.needs, c.data.needs.eligible], [['vocational', 'job'], true]);
  assert.deepEqual(
    c.documents.map((d) => [d.id, d.number, d.date]),
    [
      ['decision', '7/QĐ-UBND', '2026-10-05'],
      ['certificate', '3/GCN-UBND', '2028-10-06'],
    ],
  );
});

test('I12 counts the return from the day the commune received the notice (28/09), not the return date in the decision (26/09)', () => {
  // 26–27/09: the decision says the person returned on 26/09, but the commune only learnt of it on 28/09.
  assert.deepEqual(numbers('2026-09-26', '2026-09-27', ['I12']), { I12: [0, 0] });
  // 28–30/09: returned in the period, not yet decided (decision 05/10).
  assert.deepEqual(numbers('2026-09-28', '2026-09-30', ['I12', 'I12b']), { I12: [0, 1], I12b: [0, 1] });
  // September–October: returned and decided, supporter named in the decision.
  assert.deepEqual(numbers('2026-09-01', '2026-10-31', ['I12', 'I12b']), { I12: [1, 1], I12b: [1, 1] });
});

test('services and needs reach I13, I14 and I15 in the periods they fall in', () => {
  // October: supervision 20/10 (I13 counts it); no vocational or job service yet (I14); the job need
  // assessed 07/10 is not served before 31/10 (I15).
  assert.deepEqual(numbers('2026-10-01', '2026-10-31', ['I13', 'I14', 'I15']), {
    I13: [1, 1],
    I14: [0, 1],
    I15: [0, 1],
  });
  // November: the job referral 03/11 is a job service (I14) that meets the assessed job need (I15); no
  // supervision, counselling or social support in November (I13).
  assert.deepEqual(numbers('2026-11-01', '2026-11-30', ['I13', 'I14', 'I15']), {
    I13: [0, 1],
    I14: [1, 1],
    I15: [1, 1],
  });
});
