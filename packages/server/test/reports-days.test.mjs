/**
 * Working days on the server: `GET /reports` passes no `daysOff`, and the engine then counts I5's 10 working days
 * on Viet Nam's holiday calendar (workflows/calendars/vn), exactly as the call `<hoso-report>` makes in the
 * browser (`computeReport(cases, query)`, no daysOff either). A result issued Thu 23/04/2026: 27/04 (Hùng Kings),
 * 30/04 and 01/05 are days off, so its window ends Tue 12/05 — counting weekends only it would end Thu 07/05.
 */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { computeReport } from '@hoso/reports';
import { ROOT, testServer, token, get } from './support.mjs';

const all = JSON.parse(readFileSync(join(ROOT, 'packages/reports/test/fixtures/cases.json'), 'utf8'));
const DAY = 86_400_000;
/** Every calendar day in the case moved by `days` (the case keeps its shape; only dates change). */
const shifted = (c, days) =>
  JSON.parse(
    JSON.stringify(c).replace(/\b(\d{4}-\d{2}-\d{2})(?=T|")/g, (d) =>
      new Date(Date.parse(`${d}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10),
    ),
  );
// ad-3: P3 determined addicted, result 11/09/2026 → 23/04/2026 (−141 days).
const result = shifted(
  all.find((c) => c.id === 'ad-3'),
  -141,
);
// vr-3: P3 registers for voluntary rehab on Mon 11/05/2026 (the 9th working day; the 12th without the holidays):
// its dates (14/09/2026 …) moved by −126 days.
const registered = shifted(
  all.find((c) => c.id === 'vr-3'),
  -126,
);

let s;
before(
  async (t) => {
    s = await testServer(t, { purgeIntervalMs: 0 });
    await s.db.transaction(async (tx) => {
      for (const c of [result, registered]) await s.repo.saveCase(tx, c, c.person.communeCode, true);
    });
  },
  { timeout: 300_000 },
);

const i5 = (report) => {
  const x = report.indicators.find((i) => i.id === 'I5');
  return [x.numerator, x.denominator];
};
const commune = result.person.communeCode;
const own = () => token(['commune-officer'], commune);

test('the dates moved as meant: the result on Thu 23/04/2026, the registration on Mon 11/05/2026', () => {
  assert.equal(result.audit.find((a) => a.event === 'ISSUE_RESULT').at.slice(0, 10), '2026-04-23');
  assert.equal(registered.audit.find((a) => a.event === 'REGISTER').at.slice(0, 10), '2026-05-11');
});

test('I5 over 30/04–01/05: the server and the element’s engine call agree, both on the holiday calendar', async () => {
  for (const [to, list, calendar, weekendsOnly] of [
    ['2026-05-08', [result], [0, 0], [0, 1]], // no measure: open on the calendar (rolls over); late on weekends only
    ['2026-05-12', [result], [0, 1], [0, 1]], // closed either way, nobody registered: late
    ['2026-05-08', [result, registered], [1, 1], [0, 1]], // registered 11/05: in time only with the holidays
    ['2026-05-12', [result, registered], [1, 1], [0, 1]],
  ]) {
    const query = { from: '2026-04-01', to, communes: [commune] };
    // What <hoso-report> calls in the browser (source.ts): the engine with the element's query, no daysOff.
    const element = i5(computeReport(list, query));
    assert.deepEqual(element, calendar, `element ${to} ${list.length}`);
    assert.deepEqual(i5(computeReport(list, { ...query, daysOff: [] })), weekendsOnly, `weekends only ${to}`);
    if (list.length === 2) {
      const r = await get(s, `/reports?from=${query.from}&to=${to}`, await own());
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.deepEqual(i5(r.body), element, `server ${to}`);
    }
  }
});
