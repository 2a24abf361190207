/**
 * `hoso check` and `hoso build` on the indicator definitions: a mistake is reported as file:line:column with its
 * JSON pointer; the shipped files pass; the build emits the module the engine reads.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './support.mjs';

const HOSO = join(ROOT, 'packages/cli/bin/hoso.mjs');

function workspace() {
  const dir = mkdtempSync(join(tmpdir(), 'hoso-indicators-'));
  mkdirSync(join(dir, 'schemas'));
  cpSync(join(ROOT, 'workflows/indicators'), join(dir, 'workflows/indicators'), { recursive: true });
  for (const p of [
    'drug-user-management',
    'addiction-determination',
    'voluntary-rehab',
    'compulsory-rehab',
    'post-rehab',
  ]) {
    cpSync(join(ROOT, 'workflows', p, 'machine.json'), join(dir, 'workflows', p, 'machine.json'));
  }
  cpSync(join(ROOT, 'workflows/law'), join(dir, 'workflows/law'), { recursive: true });
  return dir;
}
const run = (dir, ...args) =>
  spawnSync(
    process.execPath,
    [HOSO, ...args, '--schemas', join(dir, 'schemas'), '--workflows', join(dir, 'workflows')],
    {
      cwd: dir,
      encoding: 'utf8',
    },
  );

test('hoso check: the shipped definitions have no problem', () => {
  const dir = workspace();
  try {
    const r = run(dir, 'check');
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /^0 errors, \d+ warnings?$/m, 'the machines may warn about forms absent from this copy');
    assert.ok(!r.stdout.includes('workflows/indicators/'), r.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('hoso check: an unknown fact, a schema violation and a target for no indicator, each at line:column', () => {
  const dir = workspace();
  try {
    const file = join(dir, 'workflows/indicators/indicators.json');
    const text = readFileSync(file, 'utf8');
    assert.ok(text.includes('"factIn": "VR.registeredAt" },'));
    writeFileSync(
      file,
      text
        .replace('"factIn": "VR.registeredAt" },', '"factIn": "VR.registredAt" },')
        .replace('"kind": "count"', '"kind": "tally"'),
    );
    const plan = join(dir, 'workflows/indicators/plans/hue-2023.json');
    const p = JSON.parse(readFileSync(plan, 'utf8'));
    p.targets.I42 = { value: 1, comparison: '>=' };
    writeFileSync(plan, JSON.stringify(p, null, 2));
    const r = run(dir, 'check');
    assert.equal(r.status, 1, r.stdout + r.stderr);
    const lines = r.stdout.split('\n');
    const fact = lines.find((l) => l.includes('registredAt'));
    assert.match(
      fact,
      /^workflows\/indicators\/indicators\.json:\d+:\d+ \/indicators\/\d+\/denominator\/factIn VR has no fact "registredAt"/,
    );
    const [, line] = /:(\d+):/.exec(fact);
    assert.ok(text.split('\n')[Number(line) - 1].includes('"factIn": "VR.registeredAt"'), 'the line of the mistake');
    assert.ok(
      lines.some((l) =>
        /^workflows\/indicators\/indicators\.json:\d+:\d+ \/indicators\/\d+\/kind must be one of "ratio", "count"/.test(
          l,
        ),
      ),
      r.stdout,
    );
    assert.ok(
      lines.some((l) =>
        /^workflows\/indicators\/plans\/hue-2023\.json:\d+:\d+ \/targets\/I42 no indicator "I42"/.test(l),
      ),
      r.stdout,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('hoso build: emits workflows/generated/indicators.js, or stops at the first mistake with its place', async () => {
  const dir = workspace();
  try {
    const out = join(dir, 'workflows/generated');
    const build = (...a) => run(dir, 'build', '--out', join(dir, 'gen'), '--workflows-out', out, ...a);
    const ok = build();
    assert.equal(ok.status, 0, ok.stdout + ok.stderr);
    const mod = await import(pathToFileURL(join(out, 'indicators.js')).href);
    assert.equal(mod.definitions.indicators.length, 20);
    assert.deepEqual(mod.definitions.files.facts.length, 5);
    assert.equal(mod.definitions.facts.find((f) => f.key === 'VR').$comment, undefined, 'comments are not shipped');
    const file = join(dir, 'workflows/indicators/facts/post-rehab.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"key": "PR"', '"key": "P R"'));
    const bad = build();
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /^workflows\/indicators\/facts\/post-rehab\.json:\d+:\d+ \/key must match pattern/m);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('hoso check: a facts file naming an event, state or data key the machine does not have', () => {
  const dir = workspace();
  try {
    const file = join(dir, 'workflows/indicators/facts/compulsory-rehab.json');
    const text = readFileSync(file, 'utf8')
      .replace('"event": "FILE_WITH_COURT"', '"event": "FILE_WITH_CORT"')
      .replace('{ "state": "proceedings" }', '{ "state": "procedings" }')
      .replace('"data": "/admission/admittedOn"', '"data": "/admision/admittedOn"');
    writeFileSync(file, text);
    const r = run(dir, 'check');
    assert.equal(r.status, 1, r.stdout + r.stderr);
    const mine = r.stdout.split('\n').filter((l) => l.startsWith('workflows/indicators/facts/compulsory-rehab.json:'));
    assert.equal(mine.length, 3, r.stdout);
    assert.match(mine.join('\n'), /\/facts\/filedAt\/from\/0\/event compulsory-rehab has no event "FILE_WITH_CORT"/);
    assert.match(mine.join('\n'), /\/facts\/dossierAt\/from\/1\/state compulsory-rehab has no state "procedings"/);
    assert.match(
      mine.join('\n'),
      /\/facts\/admittedAt\/from\/0\/data no event of compulsory-rehab stores data under "admision"/,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
