// The counts test.mjs prints come from real tool output: a real `node --test` run, a wtr-shaped session list.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { lastCountLine, tapCounts } from '../lib/counts.mjs';
import { summarise } from '../wtr-results-reporter.mjs';

describe('tapCounts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hoso-counts-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reads pass/fail/skip from a real node --test TAP run, suites not counted as tests', () => {
    const file = join(dir, 'sample.test.mjs');
    writeFileSync(
      file,
      [
        "import { describe, it } from 'node:test';",
        "describe('group', () => {",
        "  it('a', () => {});",
        "  it('b', () => { throw new Error('boom'); });",
        "  it.skip('c', () => {});",
        "  it.todo('d');",
        '});',
        "it('e', () => {});",
      ].join('\n'),
    );
    const tap = join(dir, 'out.tap');
    // A clean environment: NODE_TEST_CONTEXT from this runner would turn the child into a sub-reporter.
    const env = { ...process.env };
    delete env.NODE_TEST_CONTEXT;
    const args = ['--test', '--test-reporter=tap', `--test-reporter-destination=${tap}`, file];
    const r = spawnSync(process.execPath, args, { env });
    assert.equal(r.status, 1, 'a failing test makes node --test exit 1');
    assert.deepEqual(tapCounts(readFileSync(tap, 'utf8')), { passed: 2, failed: 1, skipped: 2 });
  });

  it('returns null for text without a TAP summary', () => {
    assert.equal(tapCounts('TAP version 13\nnot a summary\n'), null);
  });
});

describe('lastCountLine', () => {
  it('takes the last bare "N passed, N failed" line and ignores progress-bar lines', () => {
    const out = [
      'Chrome: |████| 4/4 test files | 10 passed, 0 failed',
      '3 passed, 1 failed',
      'noise',
      '7 passed, 0 failed, 2 skipped',
    ].join('\n');
    assert.deepEqual(lastCountLine(out), { passed: 7, failed: 0 });
    assert.equal(lastCountLine('Chrome: | 10 passed, 0 failed'), null);
  });
});

describe('wtr summarise', () => {
  it('counts nested tests per browser and turns a file that failed to load into one failure', () => {
    const ok = { name: 'ok', passed: true, skipped: false };
    const bad = { name: 'bad', passed: false, skipped: false, error: { message: 'expected 1 to equal 2' } };
    const skip = { name: 'later', passed: false, skipped: true };
    const sessions = [
      {
        browser: { name: 'Chrome' },
        testFile: join(process.cwd(), 'a.test.ts'),
        passed: false,
        errors: [],
        testResults: { name: '', tests: [ok], suites: [{ name: 's', tests: [bad, skip], suites: [] }] },
      },
      {
        browser: { name: 'Firefox' },
        testFile: join(process.cwd(), 'b.test.ts'),
        passed: false,
        errors: [{ message: 'Could not import your test module.' }],
      },
    ];
    const { browsers, failures } = summarise(sessions);
    assert.deepEqual(browsers.Chrome, { passed: 1, failed: 1, skipped: 1, files: 1 });
    assert.deepEqual(browsers.Firefox, { passed: 0, failed: 1, skipped: 0, files: 1 });
    assert.deepEqual(
      failures.map((f) => [f.browser, f.file, f.test]),
      [
        ['Chrome', 'a.test.ts', 'bad'],
        ['Firefox', 'b.test.ts', '(file)'],
      ],
    );
  });
});
