/**
 * The parts under the API: numbered forward-only migrations (applied once, in a transaction, refused when
 * misnumbered or when the database is newer), column encryption (AES-256-GCM bound to its row), portal tokens.
 * One PGlite database for the file; each migration case runs in its own PostgreSQL schema.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync, rmSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  openPglite,
  migrate,
  readMigrations,
  ColumnCipher,
  parseDataKey,
  signToken,
  verifyToken,
} from '../dist/index.js';
import { tempDir } from './support.mjs';

let db;
let dir;
before(
  async () => {
    dir = tempDir('hoso-units-');
    db = await openPglite(join(dir, 'db'));
  },
  { timeout: 300_000 },
);
after(async () => {
  await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

let n = 0;
async function inFreshSchema() {
  const schema = `t${++n}`;
  await db.exec(`CREATE SCHEMA ${schema}; SET search_path TO ${schema};`);
  return schema;
}
function migrationsDir(files) {
  const d = join(dir, `m${++n}`);
  mkdirSync(d);
  for (const [name, sql] of Object.entries(files)) writeFileSync(join(d, name), sql);
  return d;
}

test('the shipped migrations apply once and record themselves; the tables exist', async () => {
  await inFreshSchema();
  const shipped = readMigrations();
  assert.deepEqual(
    shipped.map((m) => m.version),
    shipped.map((_, i) => i + 1),
  );
  assert.deepEqual(
    await migrate(db),
    shipped.map((m) => m.version),
  );
  assert.deepEqual(await migrate(db), [], 'nothing applied twice');
  const rows = await db.query('SELECT version, name FROM schema_migrations ORDER BY version');
  assert.deepEqual(
    rows.map((r) => r.version),
    shipped.map((m) => m.version),
  );
  for (const table of ['cases', 'events', 'idempotency_keys', 'attachments']) {
    const [r] = await db.query(`SELECT count(*)::int AS n FROM ${table}`);
    assert.equal(r.n, 0, table);
  }
});

test('a migration that fails is rolled back whole and not recorded; later runs continue from it', async () => {
  await inFreshSchema();
  const d = migrationsDir({
    '001_a.sql': 'CREATE TABLE a (x int);',
    '002_b.sql': 'CREATE TABLE b (x int); INSERT INTO nowhere VALUES (1);',
  });
  await assert.rejects(migrate(db, readMigrations(d)), /nowhere/);
  const [t] = await db.query(
    "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'b' AND table_schema = current_schema()",
  );
  assert.equal(t.n, 0, 'the table of the failed migration was rolled back');
  assert.deepEqual(
    (await db.query('SELECT version FROM schema_migrations')).map((r) => r.version),
    [1],
  );
  writeFileSync(join(d, '002_b.sql'), 'CREATE TABLE b (x int);');
  assert.deepEqual(await migrate(db, readMigrations(d)), [2]);
});

test('misnumbered migrations and a database newer than the code are refused', async () => {
  assert.throws(() => readMigrations(migrationsDir({ '001_a.sql': '', '003_c.sql': '' })), /migration 002 is missing/);
  assert.throws(() => readMigrations(migrationsDir({ '1_a.sql': '' })), /not named NNN_name\.sql/);
  await inFreshSchema();
  const d = migrationsDir({ '001_a.sql': 'CREATE TABLE a (x int);', '002_b.sql': 'CREATE TABLE b (x int);' });
  await migrate(db, readMigrations(d));
  await assert.rejects(migrate(db, readMigrations(d).slice(0, 1)), /at migration 2, newer than this server \(1\)/);
});

test('a PGlite folder serves one process: a second opening is refused while the first is open', async () => {
  await assert.rejects(openPglite(join(dir, 'db')), /is in use by process \d+: PGlite serves one process at a time/);
  const stale = join(dir, 'stale');
  mkdirSync(stale);
  writeFileSync(join(stale, 'hoso-server.lock'), '999999999');
  const taken = await openPglite(stale);
  assert.equal(
    readFileSync(join(stale, 'hoso-server.lock'), 'utf8'),
    String(process.pid),
    "a dead owner's lock is taken over",
  );
  await taken.close();
  assert.equal(existsSync(join(stale, 'hoso-server.lock')), false, 'closing releases it');
});

test('column cipher: round trip, bound to its row, a wrong key or a changed byte is refused', () => {
  const { key } = parseDataKey('11'.repeat(32));
  const c = new ColumnCipher(key);
  const person = { fullName: 'Nguyễn Văn A', idNumber: '038090001234' };
  const sealed = c.seal(person, 'cases.person:1');
  assert.equal(sealed.includes(Buffer.from('038090001234')), false);
  assert.deepEqual(c.open(sealed, 'cases.person:1'), person);
  assert.notDeepEqual(c.seal(person, 'cases.person:1'), sealed, 'a fresh IV every time');
  assert.throws(() => c.open(sealed, 'cases.person:2'), /cannot decrypt cases.person:2/);
  assert.throws(
    () => new ColumnCipher(parseDataKey('22'.repeat(32)).key).open(sealed, 'cases.person:1'),
    /wrong HOSO_DATA_KEY/,
  );
  const bent = Buffer.from(sealed);
  bent[bent.length - 1] ^= 1;
  assert.throws(() => c.open(bent, 'cases.person:1'), /altered data/);
  assert.equal(parseDataKey(undefined).dev, true);
  assert.equal(parseDataKey(Buffer.alloc(32, 7).toString('base64')).key.length, 32);
  assert.throws(() => parseDataKey('abcd'), /must be 32 bytes/);
});

test('tokens: claims read back; wrong secret, expiry, missing claims and other algorithms refused', async () => {
  const secret = 'portal-secret-portal-secret-portal-secret';
  const user = { sub: 'u1', name: 'Trần Văn B', roles: ['commune-pc-chair'], commune: '14800' };
  const t = await signToken(user, secret);
  assert.deepEqual(await verifyToken(`Bearer ${t}`, secret), user);
  await assert.rejects(verifyToken(`Bearer ${t}`, secret + '!'), { code: 'token-invalid' });
  await assert.rejects(verifyToken(undefined, secret), { code: 'unauthorized' });
  await assert.rejects(verifyToken(`Basic ${t}`, secret), { code: 'unauthorized' });
  const old = await signToken(user, secret, Math.floor(Date.now() / 1000) - 10);
  await assert.rejects(verifyToken(`Bearer ${old}`, secret), { code: 'token-expired' });
  const noCommune = await signToken({ ...user, commune: '' }, secret);
  await assert.rejects(verifyToken(`Bearer ${noCommune}`, secret), /no "commune"/);
  const [h, p] = t.split('.');
  const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${p}.`;
  await assert.rejects(verifyToken(`Bearer ${none}`, secret), { code: 'token-invalid' });
  assert.ok(h);
});
