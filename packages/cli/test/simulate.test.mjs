// `hoso simulate` through the real CLI, on the documented example scenarios and on bad input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const hoso = (args, cwd = root) => {
  const r = spawnSync(process.execPath, [join(root, 'packages/cli/bin/hoso.mjs'), ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const tmp = mkdtempSync(join(tmpdir(), 'hoso-simulate-'));
const example = JSON.parse(readFileSync(join(root, 'examples/scenarios/voluntary-adult.json'), 'utf8'));
const write = (name, value) => {
  const file = join(tmp, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return file;
};

test('the documented example: accepted and refused events with reasons, deadlines, law version, audit', () => {
  const r = hoso(['simulate', 'examples/scenarios/voluntary-adult.json']);
  assert.equal(r.code, 0, r.err);
  const o = JSON.parse(r.out);
  assert.equal(o.lawVersion, '2026-07-01');
  assert.deepEqual(
    o.results.map((x) => (x.accepted ? x.to : x.refusal.code)),
    ['registered', 'role-not-permitted', 'guard-failed', 'in_treatment', 'in_treatment'],
  );
  assert.match(o.results[1].refusal.message.vi, /Chủ tịch UBND cấp xã/);
  assert.equal(o.view.state, 'in_treatment');
  const d = Object.fromEntries(o.view.deadlines.map((x) => [x.id, x]));
  assert.equal(d.decision.due, '2026-07-09');
  assert.equal(d.decision.status, 'met');
  assert.equal(d['treatment-end'].due, '2028-07-08');
  assert.equal(d['present-at-new-commune'].dueAt, '2026-08-29T18:00:00.000+07:00');
  assert.equal(d['present-at-new-commune'].status, 'overdue');
  assert.deepEqual(
    o.view.documentsIssued.map((x) => x.id),
    ['decision'],
  );
  assert.deepEqual(o.audit.verify, { ok: true, entries: 3 });
});

test('the minor example under the 2025 law: minor track, refusal after closing', () => {
  const r = hoso(['simulate', 'examples/scenarios/minor-2025.json']);
  assert.equal(r.code, 0, r.err);
  const o = JSON.parse(r.out);
  assert.equal(o.lawVersion, '2025-07-01');
  assert.equal(o.view.track, 'minor');
  assert.deepEqual(
    o.results.map((x) => (x.accepted ? 'ok' : x.refusal.code)),
    ['ok', 'ok', 'guard-failed', 'ok', 'case-closed'],
  );
  assert.equal(o.view.status, 'closed');
});

test('the province overlay changes who decides under Law 120', () => {
  const file = write('hcmc.json', { ...example, province: '79' });
  const o = JSON.parse(hoso(['simulate', file]).out);
  assert.equal(o.results[3].refusal.code, 'role-not-permitted');
  assert.match(o.results[3].refusal.message.en, /Head of commune police/);
  assert.equal(o.view.law.province, '79');
});

test('unknown procedure: exit 2, known ones listed', () => {
  const r = hoso(['simulate', write('p.json', { ...example, procedure: 'no-such' })]);
  assert.equal(r.code, 2);
  assert.match(r.err, /unknown procedure "no-such" \(known: .*sample/);
});

test('malformed date: exit 2 with the JSON pointer', () => {
  const events = structuredClone(example.events);
  events[1].at = '2026-13-01';
  const r = hoso(['simulate', write('d.json', { ...example, events })]);
  assert.equal(r.code, 2);
  assert.match(r.err, /\/events\/1\/at: expected a date/);
});

test('unknown event: exit 2 naming the event and the known ones', () => {
  const events = [...example.events, { type: 'APPROVE', at: '2026-09-01', by: { id: 'x', roles: ['x'] } }];
  const r = hoso(['simulate', write('e.json', { ...example, events })]);
  assert.equal(r.code, 2);
  assert.match(r.err, /\/events\/5\/type: unknown event "APPROVE" for procedure "sample" \(known: REGISTER/);
});

test('broken JSON: exit 2 with line:column', () => {
  const r = hoso(['simulate', write('j.json', '{\n  "procedure": "sample",\n  "person": {,\n}')]);
  assert.equal(r.code, 2);
  assert.match(r.err, /j\.json:3:14 .*expected a property name/);
});

test('no scenario file: exit 2 with usage', () => {
  const r = hoso(['simulate']);
  assert.equal(r.code, 2);
  assert.match(r.err, /usage: hoso simulate/);
});

test('a broken machine definition: exit 2 with file, pointer and line:column', () => {
  const wf = join(tmp, 'workflows');
  cpSync(join(root, 'workflows'), wf, { recursive: true });
  const machineFile = join(wf, 'sample/machine.json');
  const text = readFileSync(machineFile, 'utf8')
    .replace('"type": "ageAtLeast"', '"type": "ageAtLeastt"')
    .replace('"target": "in_treatment"', '"target": "in-treatment"');
  writeFileSync(machineFile, text);
  const lines = text.split('\n');
  const guardLine = lines.findIndex((l) => l.includes('ageAtLeastt')) + 1;
  const targetLine = lines.findIndex((l) => l.includes('"in-treatment"')) + 1;
  const r = hoso(['simulate', 'examples/scenarios/voluntary-adult.json', '--workflows', wf]);
  assert.equal(r.code, 2);
  assert.match(
    r.err,
    new RegExp(
      `sample/machine\\.json:${guardLine}:\\d+ /states/submitted/on/REGISTER/0/guard/params/guards/0/type: unknown guard "ageAtLeastt"`,
    ),
  );
  assert.match(
    r.err,
    new RegExp(
      `sample/machine\\.json:${targetLine}:\\d+ /states/registered/on/DECIDE/target: target "in-treatment" is not a state here`,
    ),
  );
});

test('a meta-schema violation is reported at its place', () => {
  const wf = join(tmp, 'workflows2');
  cpSync(join(root, 'workflows'), wf, { recursive: true });
  const machineFile = join(wf, 'sample/machine.json');
  writeFileSync(machineFile, readFileSync(machineFile, 'utf8').replace('"evidence": "V-sec"', '"evidence": "maybe"'));
  const r = hoso(['simulate', 'examples/scenarios/voluntary-adult.json', '--workflows', wf]);
  assert.equal(r.code, 2);
  assert.match(
    r.err,
    /machine\.json:\d+:\d+ \/states\/in_treatment\/meta\/basis\/0\/evidence: must be one of "V", "V-sec", "BK", "INF"/,
  );
});
