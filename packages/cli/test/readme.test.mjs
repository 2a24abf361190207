// `hoso readme` over fixture trees (copied to a temp dir: the command writes README.md files):
// what a generated README says, `--check`, determinism, and the clear error for a machine naming an unknown role.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const cli = join(here, '..', 'bin', 'hoso.mjs');
const fixtures = join(here, 'fixtures', 'readme');

const temps = [];
after(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function copy(name) {
  const dir = mkdtempSync(join(tmpdir(), 'hoso-readme-'));
  temps.push(dir);
  cpSync(join(fixtures, name), dir, { recursive: true });
  return dir;
}

function readme(cwd, ...args) {
  const dirs = ['--workflows', 'workflows', '--schemas', 'schemas', '--scenarios', 'examples/scenarios'];
  const r = spawnSync(process.execPath, [cli, 'readme', ...dirs, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('hoso readme: a small procedure with two law versions', () => {
  const dir = copy('good');
  const first = readme(dir);
  const file = join(dir, 'workflows', 'p', 'README.md');
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const section = (heading) => {
    const start = text.indexOf(`\n## ${heading}`);
    assert.ok(start >= 0, `no section "${heading}"`);
    const end = text.indexOf('\n## ', start + 1);
    return text.slice(start, end < 0 ? undefined : end);
  };

  it('writes workflows/p/README.md and says so', () => {
    assert.equal(first.code, 0, first.err);
    assert.match(first.out, /wrote workflows\/p\/README\.md/);
  });

  it('has the sections in order, titles in vi then en', () => {
    assert.ok(text.startsWith('# Thủ tục thử / Test procedure\n'));
    const order = [
      'Tóm tắt / Summary',
      'Cách chạy thử / How to walk it',
      'Sơ đồ / Diagram',
      'Các bước / Steps',
      'Sự kiện theo bước / Events each step accepts',
      'Thời hạn / Time limits',
      'Giấy tờ được cấp / Documents issued',
      'Phiên bản luật áp dụng / Law versions that apply',
      'Điều luật chưa chắc chắn / What is uncertain in law',
      'Ghi chú / Notes',
    ].map((h) => text.indexOf(`\n## ${h}\n`));
    assert.ok(
      order.every((i) => i > 0),
      `missing section: ${order}`,
    );
    assert.deepEqual(
      [...order].sort((a, b) => a - b),
      order,
    );
    assert.match(
      section('Tóm tắt'),
      /Nộp, quyết định, thời hạn, hoàn thành\.\n\nApply, decide, serve the term, finish\./,
    );
  });

  it('tells how to walk it: the scenario of this procedure only, and the shortest way to each end', () => {
    const walk = section('Cách chạy thử');
    assert.match(walk, /node packages\/cli\/bin\/hoso\.mjs simulate examples\/scenarios\/p-adult\.json/);
    assert.doesNotMatch(walk, /other\.json/);
    assert.match(
      walk,
      /- `done` \(Hoàn thành \/ Done\): `applying`\n {2}- `SUBMIT` → `review` \(adults only\)\n {2}- `DECIDE` → `serving\.running`\n {2}- `FINISH` → `done`/,
    );
  });

  it('draws a Mermaid stateDiagram-v2 with the compound state nested and every transition', () => {
    const d = section('Sơ đồ');
    assert.match(d, /```mermaid\nstateDiagram-v2\n {2}\[\*\] --> applying\n/);
    assert.match(d, /state serving \{\n {4}\[\*\] --> serving_running\n/);
    for (const edge of [
      'applying --> review : SUBMIT',
      'review --> serving : DECIDE',
      'review --> closed : REJECT',
      'serving --> done : FINISH',
      'done --> [*]',
    ])
      assert.ok(d.includes(edge), edge);
    assert.doesNotMatch(d, /MOVE/, 'a transition that stays is not drawn');
  });

  it('names who acts per law version, with authorities expanded to offices', () => {
    const steps = section('Các bước');
    assert.match(
      steps,
      /\| `review`<br>Chờ quyết định \/ Awaiting the decision \| 2022-01-01 – 2026-06-30: `decider` → Chủ tịch xã \/ Commune chair<br>từ \/ from 2026-07-01: `decider` → Trưởng Công an xã \/ Head of commune police \(chưa chắc chắn \/ uncertain\) \|/,
    );
    assert.match(steps, /\[p\/application\]\(\.\.\/\.\.\/schemas\/p\/application\/\)/, 'an existing form is linked');
    assert.match(steps, /`p\/decision` \(chưa có \/ not written yet\)/, 'a missing form is marked');
  });

  it('lists per state the events it accepts: who, what it needs (guard, data, documents), where it goes', () => {
    const ev = section('Sự kiện theo bước');
    assert.match(
      ev,
      /\| `SUBMIT`<br>Nộp đơn \/ Submit \| Người đề nghị \/ The applicant \| .*điều kiện \/ guard: age ≥ 18; track `adult` \| `review` \|/,
    );
    assert.match(ev, /\| `DECIDE`<br>.*guard: DECIDE\.number filled; cấp \/ issues `decision` \| `serving` \|/);
    assert.match(
      ev,
      /\| `MOVE`<br>.*\| Người đề nghị \/ The applicant \| .*starts the presentation limit \(new law only\) \| \(ở lại \/ stays\) \|/,
    );
    assert.match(ev, /### `done` — Hoàn thành \/ Done\n\n- Căn cứ \/ Basis: Old Law Art\. 10 \[V\]\n\nBước kết thúc/);
  });

  it('gives each time limit its length, unit, counting, basis and evidence per law version', () => {
    const tl = section('Thời hạn');
    assert.match(
      tl,
      /\| mọi phiên bản \/ every version \| 3 ngày làm việc \/ 3 working days \| Old Law Art\. 5 \(decide in 3 working days\) \| V \|/,
    );
    assert.match(
      tl,
      /\| 2022-01-01 – 2026-06-30 \| 6 tháng \/ 6 months \(chưa chắc chắn \/ uncertain\) \| Old Law Art\. 9 \(6–12 months\) \| BK \| range 6–12 months; the minimum is used \|/,
    );
    assert.match(tl, /\| từ \/ from 2026-07-01 \| 24 tháng \/ 24 months \| New Law Art\. 3 \(24 months\) \| V-sec \|/);
    assert.match(
      tl,
      /\| 2022-01-01 – 2026-06-30 \| — \(không áp dụng \/ does not apply\) \|/,
      'an optional limit absent in old law',
    );
    assert.match(tl, /Counting \(hours\): .*Clock hours/);
    assert.match(tl, /Counting \(months\): .*Not moved to a working day\..*must run out/);
  });

  it('lists documents issued, law versions and what changed, and everything uncertain with overlays', () => {
    assert.match(
      section('Giấy tờ'),
      /\| `decision`<br>Quyết định \/ Decision \| `DECIDE` ở \/ in `review` \| — \(chưa có mã \/ no code\)/,
    );
    const law = section('Phiên bản luật');
    assert.match(law, /\| 2026-07-01 \| `2026-07-01` \| Luật mới \/ New law \| New Law 2\/2025 \|/);
    assert.match(
      law,
      /- `2026-07-01` \(2026-07-01\):\n {2}- `authority\.decider`: Chủ tịch xã \/ Commune chair → Trưởng Công an xã/,
    );
    assert.match(law, /`durations\.term`: 6 tháng \/ 6 months \(chưa chắc chắn \/ uncertain\) → 24 tháng \/ 24 months/);
    const u = section('Điều luật chưa chắc chắn');
    assert.match(
      u,
      /- `durations\.term`\n {2}- 2022-01-01 – 2026-06-30: mặc định \/ baseline 6 tháng \/ 6 months\. range 6–12 months/,
    );
    assert.match(
      u,
      /Tỉnh \/ Province `01` Tỉnh thử \/ Test province \(workflows\/overlays\/01\.json, `2026-07-01`\): Chủ tịch xã \/ Commune chair — Test provincial decision 9\/2026 \[INF\]/,
    );
    assert.match(u, /- `documentForm\.decision`/);
    assert.doesNotMatch(u, /timeLimits\.decide/, 'settled values are not listed as uncertain');
  });

  it('includes NOTES.md under Notes', () => {
    assert.match(section('Ghi chú'), /Hand-written: the term is counted from the decision/);
  });

  it('is deterministic, and --check passes on what it wrote', () => {
    const again = readme(dir);
    assert.equal(again.code, 0);
    assert.match(again.out, /workflows\/p\/README\.md is up to date/);
    assert.equal(readFileSync(file, 'utf8'), text);
    const check = readme(dir, '--check');
    assert.equal(check.code, 0, check.out);
    assert.match(check.out, /1 README up to date/);
  });

  it('--check exits 1 naming a README that differs (edited, or notes changed) and writes nothing', () => {
    writeFileSync(file, text.replace('Old law', 'Edited law'));
    const r = readme(dir, '--check', 'p');
    assert.equal(r.code, 1);
    assert.match(r.out, /workflows\/p\/README\.md: differs from what `hoso readme` generates/);
    assert.match(readFileSync(file, 'utf8'), /Edited law/);
    writeFileSync(file, text);
    writeFileSync(join(dir, 'workflows', 'p', 'NOTES.md'), 'New note.\n');
    assert.equal(readme(dir, '--check').code, 1);
    rmSync(file);
    const missing = readme(dir, '--check');
    assert.equal(missing.code, 1);
    assert.match(missing.out, /workflows\/p\/README\.md: missing/);
  });

  it('refuses an unknown procedure or option (exit 2)', () => {
    const r = readme(dir, 'nope');
    assert.equal(r.code, 2);
    assert.match(r.err, /unknown procedure "nope" \(known: p\)/);
    assert.equal(readme(dir, '--bogus').code, 2);
  });
});

describe('hoso readme: a machine with an unknown role', () => {
  it('exits 2 with file:line:column, the pointer, the role and the known roles', () => {
    const dir = copy('unknown-role');
    const r = readme(dir);
    assert.equal(r.code, 2);
    assert.equal(
      r.err.trim(),
      'hoso readme: workflows/q/machine.json:11:76 /states/a/meta/events/GO/roles/0 unknown role "ghost": ' +
        'no law version in workflows/law defines role.ghost or authority.ghost (known: chair, decider, person)',
    );
    assert.equal(existsSync(join(dir, 'workflows', 'q', 'README.md')), false, 'nothing written');
  });
});

describe('hoso readme: guards written for people', async () => {
  const { guardText } = await import('../dist/readme/guards.js');
  const cond = (scope, schema) => ({ scope: `#/properties/${scope.split('.').join('/properties/')}`, schema });

  it('keeps the precedence of and/or visible with parentheses, and none around the whole', () => {
    const g = {
      type: 'all',
      params: {
        guards: [
          {
            type: 'condition',
            params: {
              condition: {
                type: 'OR',
                conditions: [
                  { type: 'AND', conditions: [cond('a.role', { const: 'self' }), cond('c.by', { const: 'person' })] },
                  cond('a.role', { const: 'representative' }),
                ],
              },
            },
          },
          { type: 'not', params: { guard: { type: 'deadlinePassed', params: { deadline: 'term' } } } },
        ],
      },
    };
    assert.equal(
      guardText(g),
      '((a.role = "self" and c.by = "person") or a.role = "representative") and not (after time limit `term`)',
    );
  });

  it('names ages, enums, required fields and law periods', () => {
    assert.equal(
      guardText({ type: 'ageBetween', params: { min: 12, max: 18, birthDate: '#/properties/p/properties/dob' } }),
      '12 ≤ age < 18 (p.dob)',
    );
    assert.equal(
      guardText({ type: 'condition', params: { condition: cond('x', { enum: ['a', 'b'], required: ['y'] }) } }),
      'x ∈ {"a", "b"} and x has y',
    );
    assert.equal(
      guardText({ type: 'withinLawPeriod', params: { scope: '#/properties/r/properties/on', law: 'timeLimits.max' } }),
      'r.on within `timeLimits.max`',
    );
  });
});
