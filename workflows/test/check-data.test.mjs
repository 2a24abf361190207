// `hoso check` on the data a machine records (issue #8): document number/date pointers must name a field of the form
// that stores them (a text number, a date), and a data key is collected or stored in place, not both. A small tree
// is written to a temporary directory and checked; each problem must come out as `file:line:column pointer message`.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WORKFLOWS } from './support.mjs';

const cli = join(WORKFLOWS, '..', 'packages', 'cli', 'bin', 'hoso.mjs');
const temps = [];
after(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const t = { vi: 'x', en: 'x' };
const basis = [{ citation: 'c', evidence: 'INF' }];
const json = (v) => `${JSON.stringify(v, null, 2)}\n`;

function tree(documents, events) {
  const dir = mkdtempSync(join(tmpdir(), 'hoso-check-data-'));
  temps.push(dir);
  const form = join(dir, 'schemas', 'p', 'decision');
  mkdirSync(form, { recursive: true });
  mkdirSync(join(dir, 'workflows', 'p'), { recursive: true });
  writeFileSync(
    join(form, 'schema.json'),
    json({
      type: 'object',
      properties: {
        number: { type: 'string', title: 'Số' },
        decidedOn: { type: 'string', format: 'date', title: 'Ngày' },
        months: { type: 'integer', title: 'Tháng' },
      },
    }),
  );
  writeFileSync(
    join(form, 'uischema.json'),
    json({
      type: 'VerticalLayout',
      elements: ['number', 'decidedOn', 'months'].map((k) => ({ type: 'Control', scope: `#/properties/${k}` })),
    }),
  );
  writeFileSync(
    join(form, 'messages.en.json'),
    json({ 'number.label': 'No.', 'decidedOn.label': 'Date', 'months.label': 'Months' }),
  );
  writeFileSync(join(form, 'messages.vi.json'), json({}));
  const machine = {
    id: 'p',
    version: '1.0.0',
    title: t,
    initial: 'a',
    meta: { documents },
    states: {
      a: {
        meta: { title: t, basis, roles: ['officer'], events },
        on: {
          DECIDE: { target: 'b', actions: [{ type: 'issueDocument', params: { document: 'decision' } }] },
          NOTE: {},
        },
      },
      b: { type: 'final', meta: { title: t, basis } },
    },
  };
  const file = join(dir, 'workflows', 'p', 'machine.json');
  writeFileSync(file, json(machine));
  return dir;
}

function check(dir) {
  const r = spawnSync(process.execPath, [cli, 'check'], { cwd: dir, encoding: 'utf8' });
  return { code: r.status, lines: r.stdout.split('\n').filter((l) => l.includes('machine.json')) };
}

const events = {
  DECIDE: { dataKey: 'decision', form: 'p/decision' },
  NOTE: { dataKey: 'notes', form: 'p/decision', collect: true },
};

test('hoso check accepts pointers to the number and date fields of the form that stores them', () => {
  const r = check(tree({ decision: { title: t, number: '/decision/number', date: '/decision/decidedOn' } }, events));
  assert.deepEqual(r.lines, []);
  assert.equal(r.code, 0);
});

test('hoso check reports a pointer to no field, a date that is not a date, a number that is not text, and bad keys', () => {
  const r = check(
    tree(
      {
        decision: { title: t, number: '/decision/months', date: '/decision/number' },
        other: { title: t, number: '/decision/numero', date: '/notes/decidedOn' },
        third: { title: t, date: '/nowhere/decidedOn' },
      },
      events,
    ),
  );
  assert.equal(r.code, 1);
  const find = (pointer) => r.lines.filter((l) => l.includes(` ${pointer} `)).map((l) => l.replace(/^.*?\d+:\d+ /, ''));
  assert.deepEqual(find('/meta/documents/decision/number'), [
    '/meta/documents/decision/number document "decision" number "/decision/months" is not a text field in form "p/decision"',
  ]);
  assert.deepEqual(find('/meta/documents/decision/date'), [
    '/meta/documents/decision/date document "decision" date "/decision/number" is not a date in form "p/decision" (format "date" or "date-time")',
  ]);
  assert.deepEqual(find('/meta/documents/other/number'), [
    '/meta/documents/other/number document "other" number "/decision/numero" is not a field of form "p/decision"',
  ]);
  assert.match(find('/meta/documents/other/date')[0] ?? '', /reads inside "notes", which is collected/);
  assert.match(find('/meta/documents/third/date')[0] ?? '', /data key "nowhere", which no event stores/);
  for (const l of r.lines) assert.match(l, /machine\.json:\d+:\d+ \//, 'each line has its position');
});

test('hoso check reports a data key both collected and stored in place', () => {
  const r = check(tree({ decision: { title: t } }, { ...events, NOTE: { ...events.NOTE, dataKey: 'decision' } }));
  assert.equal(r.code, 1);
  assert.equal(r.lines.length, 1, r.lines.join('\n'));
  assert.match(
    r.lines[0],
    /machine\.json:\d+:\d+ \/states\/a\/meta\/events\/NOTE\/collect data key "decision" is collected here \(a list of entries\) but stored in place by \/states\/a\/meta\/events\/DECIDE/,
  );
});
