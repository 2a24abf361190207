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

// A machine using the runtime's newer shapes (lawRange, sender, deadlines from data), with one mistake of each kind.
function newShapesTree() {
  const dir = mkdtempSync(join(tmpdir(), 'hoso-check-'));
  temps.push(dir);
  mkdirSync(join(dir, 'schemas'), { recursive: true });
  mkdirSync(join(dir, 'workflows', 'law'), { recursive: true });
  mkdirSync(join(dir, 'workflows', 'p'), { recursive: true });
  const t = { vi: 'x', en: 'x' };
  const basis = [{ citation: 'c', evidence: 'INF' }];
  const law = {
    id: '2022-01-01',
    effective: '2022-01-01',
    title: t,
    basis: 'b',
    values: {
      'durations.term': { n: 12, unit: 'months', basis: 'b', evidence: 'V' },
      'role.officer': { office: t, basis: 'b', evidence: 'V' },
    },
  };
  const months = '#/properties/decision/properties/months';
  const machine = {
    id: 'p',
    version: '1.0.0',
    title: t,
    initial: 'open',
    states: {
      open: {
        meta: { title: t, basis, roles: ['officer'], events: { DECIDE: { dataKey: 'decision' } } },
        on: {
          DECIDE: {
            target: 'serving',
            description: 'term within the law',
            guard: {
              type: 'all',
              params: {
                guards: [
                  { type: 'lawRange', params: { value: months, min: 'durations.term', max: 'durations.terms.max' } },
                  { type: 'lawRange', params: { value: months, max: { law: 'durations.term.max', optional: true } } },
                ],
              },
            },
          },
        },
      },
      serving: {
        meta: {
          title: t,
          basis,
          roles: ['officer'],
          deadlines: [
            {
              id: 'term-end',
              title: t,
              n: { data: months, law: 'durations.term' },
              start: { data: '#/properties/decision/properties/decidedOn' },
              from: 'DECIDE',
              until: ['END'],
              kind: 'period',
            },
          ],
        },
        states: { a: { meta: { title: t, basis } } },
        on: { END: { target: 'done', guard: { type: 'sender', params: { differentFrom: 'DECIDED' } } } },
      },
      done: { type: 'final', meta: { title: t, basis } },
    },
  };
  const text = JSON.stringify(machine, null, 2);
  writeFileSync(join(dir, 'workflows', 'law', '2022-01-01.json'), JSON.stringify(law, null, 2));
  writeFileSync(join(dir, 'workflows', 'p', 'machine.json'), text);
  const line = (needle) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
  return { dir, line };
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
  it('checks the newer machine shapes: law paths of lawRange (optional ones no law sets: warning), sender events, compound states without initial', () => {
    const { dir, line } = newShapesTree();
    const { code, lines } = check(dir, '--schemas', 'schemas', '--workflows', 'workflows');
    assert.equal(code, 1, lines.join('\n'));
    const located = lines.slice(0, -1).map((l) => /^workflows\/p\/machine\.json:(\d+):\d+ (\S+) (.*)$/.exec(l));
    assert.ok(located.every(Boolean), lines.join('\n'));
    assert.deepEqual(
      located.map((m) => [Number(m[1]), m[2]]),
      [
        [line('durations.terms.max'), '/states/open/on/DECIDE/guard/params/guards/0/params/max'],
        [line('durations.term.max'), '/states/open/on/DECIDE/guard/params/guards/1/params/max/law'],
        [line('"serving": {'), '/states/serving'],
        [line('"a": {'), '/states/serving/states/a'],
        [line('"DECIDED"'), '/states/serving/on/END/guard/params/differentFrom'],
      ],
    );
    assert.match(located[0][3], /no law version defines "durations.terms"/);
    assert.match(located[1][3], /^warning: no law version sets "durations.term.max": this bound is never checked$/);
    assert.match(located[2][3], /compound state "serving" has no "initial"/);
    assert.match(located[3][3], /state "serving.a" cannot be reached/);
    assert.match(located[4][3], /event "DECIDED" does not exist/);
    assert.equal(lines.at(-1), '4 errors, 1 warning');
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
