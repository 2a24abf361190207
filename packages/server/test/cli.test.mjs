/** `hoso serve` from the command line: the dev token recipe and bad usage (the server itself: crash.test.mjs). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { verifyToken, DEV_JWT_SECRET } from '../dist/index.js';
import { ROOT } from './support.mjs';

const hoso = (args, env = {}) =>
  spawnSync(process.execPath, [join(ROOT, 'packages/cli/bin/hoso.mjs'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, HOSO_JWT_SECRET: '', ...env },
  });

test('hoso serve --dev-token prints a token the server accepts, with the roles and commune asked for', async () => {
  const r = hoso(['serve', '--dev-token', 'commune-officer,commune-pc-chair', '14800', '--sub', 'officer-7'], {
    HOSO_JWT_SECRET: 'a-portal-secret-for-this-test-only',
  });
  assert.equal(r.status, 0, r.stderr);
  const user = await verifyToken(`Bearer ${r.stdout.trim()}`, 'a-portal-secret-for-this-test-only');
  assert.deepEqual(user, {
    sub: 'officer-7',
    name: 'officer-7',
    roles: ['commune-officer', 'commune-pc-chair'],
    commune: '14800',
  });
  const dev = hoso(['serve', '--dev-token', 'family', '00004'], { HOSO_JWT_SECRET: undefined });
  assert.equal((await verifyToken(`Bearer ${dev.stdout.trim()}`, DEV_JWT_SECRET)).commune, '00004');
});

test('hoso serve: bad usage exits 2 and says what is wrong', () => {
  const cases = [
    [['serve', '--dev-token', 'commune-officer'], /needs <role\[,role\.\.\.\]> and <commune-code>/],
    [['serve', '--port', 'abc'], /--port must be 0-65535, got "abc"/],
    [['serve', '--bogus'], /unknown option --bogus/],
    [['serve', '--data-dir'], /--data-dir needs a value/],
  ];
  for (const [args, message] of cases) {
    const r = hoso(args);
    assert.equal(r.status, 2, args.join(' '));
    assert.match(r.stderr, message);
    assert.match(r.stderr, /usage: hoso serve/);
  }
  const help = hoso(['--help']);
  assert.match(help.stderr, /serve\s+run the reference backend/);
});
