// `hoso due` through the real CLI (node packages/cli/bin/hoso.mjs), as a user runs it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const hoso = (...args) => {
  const r = spawnSync(process.execPath, ['packages/cli/bin/hoso.mjs', ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

test('the README example: 3 working days from Fri 24/04/2026 is Mon 04/05/2026', () => {
  const r = hoso('due', '--from', '2026-04-24', '--working-days', '3');
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /^due: 2026-05-04 \(Mon\), end of day \(2026-05-04T23:59:59\.999\+07:00\)$/m);
  assert.match(r.out, /counted: 2026-04-28, 2026-04-29, 2026-05-04/);
  assert.match(r.out, /2026-04-27 Mon \(day-off\)/);
  assert.match(r.out, /calendar: vn\/2026 version 2026\.1 \(official; 12729\/VPCP-KGVX/);
});

test('--json gives the stored fields, with the calendar version and source', () => {
  const r = hoso('due', '--from', '2025-12-30', '--working-days', '3', '--json');
  assert.equal(r.code, 0, r.err);
  const d = JSON.parse(r.out);
  assert.equal(d.due, '2026-01-06');
  assert.deepEqual(
    d.calendars.map((c) => [c.year, c.version]),
    [
      [2025, '2025.1'],
      [2026, '2026.1'],
    ],
  );
  assert.match(d.calendars[0].source, /6150\/TB-BLĐTBXH/);
});

test('--hours run through the weekend', () => {
  const r = hoso('due', '--from', '2026-08-28T18:00:00+07:00', '--hours', '24');
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /due: 2026-08-29 \(Sat\) at 18:00 Vietnam time \(2026-08-29T18:00:00\.000\+07:00\)/);
  assert.match(r.out, /calendar: none needed/);
});

test('--days ending on a day off move to the next working day, and say so', () => {
  const r = hoso('due', '--from', '2026-04-24', '--days', '3');
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /due: 2026-04-28/);
  assert.match(r.out, /ended on 2026-04-27, a rest day/);
});

test('an unverified holiday in the period is flagged', () => {
  const r = hoso('due', '--from', '2026-11-23', '--working-days', '2');
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /warning: unverified day in the period: 2026-11-24/);
});

test('a malformed date is exit 2 with the value named', () => {
  const r = hoso('due', '--from', '24/04/2026', '--working-days', '3');
  assert.equal(r.code, 2);
  assert.match(r.err, /from: expected a date like 2026-04-24.*"24\/04\/2026"/);
});

test('an impossible date is exit 2', () => {
  const r = hoso('due', '--from', '2026-02-30', '--days', '1');
  assert.equal(r.code, 2);
  assert.match(r.err, /"2026-02-30"/);
});

test('bad usage is exit 2 with the usage line', () => {
  for (const args of [
    ['--from', '2026-04-24'],
    ['--working-days', '3'],
    ['--from', '2026-04-24', '--working-days', '0'],
    ['--from', '2026-04-24', '--working-days', '3', '--days', '2'],
    ['--from', '2026-04-24', '--weeks', '2'],
  ]) {
    const r = hoso('due', ...args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.err, /usage: hoso due/);
  }
});

test('a year without a calendar is exit 2 naming the year', () => {
  const r = hoso('due', '--from', '2027-12-30', '--working-days', '3');
  assert.equal(r.code, 2);
  assert.match(r.err, /no holiday calendar for 2028/);
});

test('--help prints the usage and exits 0', () => {
  const r = hoso('due', '--help');
  assert.equal(r.code, 0);
  assert.match(r.out, /usage: hoso due --from/);
});
