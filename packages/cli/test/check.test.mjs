// `hoso check` over broken fixture trees (each problem -> its exact `file:line:column pointer message` line)
// and over the real repository content (must pass: exit 0, warnings allowed).
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const cli = join(here, '..', 'bin', 'hoso.mjs');
const fixtures = join(here, 'fixtures', 'check');

function check(cwd, ...args) {
  const r = spawnSync(process.execPath, [cli, 'check', ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, lines: r.stdout.split('\n').filter(Boolean), stderr: r.stderr };
}

// A tree whose machine has a JSON syntax error (written at run time: prettier would reformat a committed one).
const temps = [];
after(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function badJsonTree() {
  const dir = mkdtempSync(join(tmpdir(), 'hoso-check-'));
  temps.push(dir);
  mkdirSync(join(dir, 'schemas', 'p', 'f'), { recursive: true });
  mkdirSync(join(dir, 'workflows', 'p'), { recursive: true });
  const form = join(dir, 'schemas', 'p', 'f');
  writeFileSync(join(form, 'schema.json'), '{ "type": "object", "properties": { "a": { "type": "string" } } }');
  writeFileSync(join(form, 'uischema.json'), '{ "type": "Control", "scope": "#/properties/a" }');
  writeFileSync(join(form, 'messages.en.json'), '{ "a.label": "A" }');
  writeFileSync(join(form, 'messages.vi.json'), '{ "a.label": "A" }');
  writeFileSync(
    join(dir, 'workflows', 'p', 'machine.json'),
    '{\n  "id": "p",\n  "initial": "a",\n  "states": {\n    "a": { "on": { "GO": "b" }, }\n  }\n}\n',
  );
  return dir;
}

const tree = (name) => check(join(fixtures, name), '--schemas', 'schemas', '--workflows', 'workflows');

describe('hoso check: broken form', () => {
  const { code, lines } = tree('broken');
  const expect = (line) => assert.ok(lines.includes(line), `missing line:\n${line}\ngot:\n${lines.join('\n')}`);

  it('exits 1 when there are errors, with the summary last', () => {
    assert.equal(code, 1);
    assert.equal(lines.at(-1), '11 errors, 5 warnings');
  });
  it('reports a control scope that points at nothing', () => {
    expect(
      'schemas/proc/form/uischema.json:15:20 /elements/0/elements/1/scope scope "#/properties/nmae" points at nothing in schema.json',
    );
  });
  it('reports a rule condition scope that points at nothing', () => {
    expect(
      'schemas/proc/form/uischema.json:27:24 /elements/0/elements/3/rule/condition/scope rule condition scope "#/properties/knd" points at nothing in schema.json',
    );
  });
  it('reports a required field with no control, and warns about one shown only under a rule', () => {
    expect('schemas/proc/form/schema.json:3:15 /required required field "age" has no control in uischema.json');
    expect(
      'schemas/proc/form/uischema.json:21:9 /elements/0/elements/3 warning: required field "secret" is shown only under a rule: it may be hidden when needed',
    );
  });
  it('reports messages missing in en, in vi without a schema title, and unused keys', () => {
    expect('schemas/proc/form/uischema.json:17:9 /elements/0/elements/2 no "kind.b" in messages.en.json (option "b")');
    expect(
      'schemas/proc/form/uischema.json:36:5 /elements/1 no "note.label" in messages.vi.json and no schema title (control label)',
    );
    expect(
      'schemas/proc/form/messages.vi.json:7:18 /stale.label warning: message key "stale.label" matches no control, layout or option',
    );
    assert.ok(!lines.some((l) => l.includes('"kind.label" in messages.vi.json')), 'the schema title stands in for vi');
  });
});

describe('hoso check: broken machine', () => {
  const { lines } = tree('broken');
  const expect = (line) => assert.ok(lines.includes(line), `missing line:\n${line}\ngot:\n${lines.join('\n')}`);

  it('reports unreachable states and states that cannot finish', () => {
    expect('workflows/proc/machine.json:340:15 /states/orphan state "orphan" cannot be reached from the initial state');
    expect('workflows/proc/machine.json:358:14 /states/stuck state "stuck" has no path to a final state');
  });
  it('reports events no role may send and deadlines without basis (checkDefinition)', () => {
    expect(
      'workflows/proc/machine.json:359:15 /states/stuck/meta no roles may send "NUDGE": give meta.roles or meta.events.NUDGE.roles',
    );
    expect('workflows/proc/machine.json:379:11 /states/stuck/meta/deadlines/0 a numeric deadline needs a "basis"');
  });
  it('reports events whose roles no law version defines, and law paths no version defines', () => {
    expect(
      'workflows/proc/machine.json:337:18 /states/in_treatment/on/STALL no role in any law version may send event "STALL" (ghost: no role.<name> or authority.<name> in workflows law)',
    );
    expect(
      'workflows/proc/machine.json:297:22 /states/in_treatment/meta/deadlines/1/n/law no law version defines "timeLimits.residenceChangePresentation"',
    );
  });
  it('warns about forms named in meta that do not exist', () => {
    expect(
      'workflows/proc/machine.json:188:18 /states/registered/meta/form/0 warning: form "proc/missing" does not exist under schemas',
    );
    expect(
      'workflows/proc/machine.json:188:34 /states/registered/meta/form/1 warning: form "other/notyet" does not exist under schemas (form not written yet)',
    );
  });
  it('--strict-forms makes a missing form an error when its procedure has a form', () => {
    const strict = check(
      join(fixtures, 'broken'),
      '--schemas',
      'schemas',
      '--workflows',
      'workflows',
      '--strict-forms',
    );
    assert.ok(
      strict.lines.includes(
        'workflows/proc/machine.json:188:18 /states/registered/meta/form/0 form "proc/missing" does not exist under schemas',
      ),
    );
    assert.ok(strict.lines.some((l) => l.includes('warning: form "other/notyet"')));
    assert.equal(strict.lines.at(-1), '12 errors, 4 warnings');
  });
  it('output is sorted by file then line', () => {
    const located = lines.slice(0, -1).map((l) => /^(.*?):(\d+):/.exec(l));
    const keys = located.map((m) => [m[1], Number(m[2])]);
    const sorted = [...keys].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
    assert.deepEqual(keys, sorted);
  });
});

describe('hoso check: input errors and options', () => {
  it('reports a JSON syntax error in a machine with its position', () => {
    const { code, lines } = check(badJsonTree(), '--schemas', 'schemas', '--workflows', 'workflows');
    assert.equal(code, 1);
    assert.deepEqual(lines, [
      'workflows/p/machine.json:5:33 / expected a property name at 5:33',
      '1 error, 0 warnings',
    ]);
  });
  it('--json prints the problems as data', () => {
    const r = check(badJsonTree(), '--schemas', 'schemas', '--workflows', 'workflows', '--json');
    const out = JSON.parse(r.lines.join('\n'));
    assert.equal(out.errors, 1);
    assert.equal(out.problems[0].line, 5);
    assert.equal(out.problems[0].severity, 'error');
  });
  it('bad usage exits 2 and says what is wrong', () => {
    const r = check(fixtures, '--frobnicate');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown option "--frobnicate"/);
    assert.equal(check(fixtures, '--schemas', 'nowhere').code, 2);
  });
});

describe('hoso check: the repository content', () => {
  it('passes (exit 0; warnings allowed)', () => {
    const r = check(join(here, '..', '..', '..'));
    assert.equal(r.code, 0, r.lines.join('\n'));
    assert.match(r.lines.at(-1), /^0 errors, \d+ warnings?$/);
  });
});
