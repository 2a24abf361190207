/**
 * Test support for @hoso/server (node --test): a server on a free loopback port over a throwaway PGlite
 * folder (or a PostgreSQL URL), tokens, submissions built from the voluntary-rehab example scenario (every
 * event's data is a form fixture the machine accepts), and a throwaway PostgreSQL cluster when Debian's
 * binaries are installed.
 */
import { mkdtempSync, readFileSync, rmSync, existsSync, readdirSync, chownSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { startServer, signToken, DEV_JWT_SECRET, ProcedureRegistry } from '../dist/index.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const COMMUNE = '14800';
export const SECRET = 'test-secret-of-at-least-32-bytes-long!!';
export const DATA_KEY = 'a'.repeat(64);

const scenario = JSON.parse(
  readFileSync(join(ROOT, 'examples/scenarios/voluntary-rehab-adult-community.json'), 'utf8'),
);
const pick = (type, roles) => scenario.events.find((e) => e.type === type && e.by.roles.includes(roles));
/** REGISTER (commune officer), DECIDE (PC chair), SIGN_CONTRACT (provider): data from the scenario. */
export const steps = {
  register: pick('REGISTER', 'commune-officer'),
  decide: pick('DECIDE', 'commune-pc-chair'),
  sign: pick('SIGN_CONTRACT', 'service-provider'),
};
export const PERSON = { fullName: 'Nguyễn Văn A', birthDate: '1990-05-01', communeCode: COMMUNE };

let registry;
/** The law version the server will pin for a case started at `at`. */
export async function lawVersionAt(at) {
  registry ??= await ProcedureRegistry.load();
  const proc = await registry.procedure('voluntary-rehab');
  return { lawVersion: proc.createCase({ person: {}, at }).lawVersion, version: proc.definition.version };
}

export function tempDir(prefix = 'hoso-server-') {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Starts a server; `t.after` closes it and removes its folder. */
export async function testServer(t, o = {}) {
  const dataDir = o.dataDir ?? tempDir();
  const lines = [];
  const s = await startServer({
    port: 0,
    dataDir,
    dataKey: DATA_KEY,
    jwtSecret: SECRET,
    log: (l) => lines.push(l),
    env: {},
    ...o,
  });
  t?.after(async () => {
    await s.close().catch(() => undefined);
    if (!o.dataDir && !o.keep) rmSync(dataDir, { recursive: true, force: true });
  });
  return Object.assign(s, { lines, dataDir });
}

export function token(roles, commune = COMMUNE, o = {}) {
  return signToken(
    { sub: o.sub ?? `user-${roles.join('+')}`, name: 'Cán bộ', roles, commune },
    o.secret ?? SECRET,
    o.expiresIn ?? '1h',
  );
}
export { DEV_JWT_SECRET };

/** A submission body for `step` on `caseId` at `baseRev`. */
export async function submission(caseId, step, baseRev, extra = {}) {
  const { lawVersion, version } = await lawVersionAt(steps.register.at);
  return {
    caseId,
    procedure: 'voluntary-rehab',
    procedureVersion: version,
    lawVersion,
    event: structuredClone({
      type: step.type,
      at: step.at,
      by: step.by,
      ...(step.data === undefined ? {} : { data: step.data }),
    }),
    baseRev,
    ...(baseRev === 0
      ? {
          case: {
            id: caseId,
            procedure: 'voluntary-rehab',
            procedureVersion: version,
            state: 'x',
            status: 'active',
            rev: 1,
            person: PERSON,
          },
        }
      : {}),
    ...extra,
  };
}

export async function post(s, caseId, body, { key = crypto.randomUUID(), auth, raw } = {}) {
  const res = await fetch(`${s.url}/cases/${encodeURIComponent(caseId)}/events`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(key ? { 'Idempotency-Key': key } : {}),
      ...(auth ? { Authorization: `Bearer ${auth}` } : {}),
    },
    body: raw ?? JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: JSON.parse(text) };
}

export async function get(s, path, auth) {
  const res = await fetch(`${s.url}${path}`, { headers: auth ? { Authorization: `Bearer ${auth}` } : {} });
  return { status: res.status, body: await res.json() };
}

/** Counts of rows that a refusal must not change. */
export async function counts(s) {
  const [r] = await s.db.query(
    `SELECT (SELECT count(*) FROM cases)::int AS cases, (SELECT count(*) FROM events)::int AS events,
            (SELECT count(*) FROM idempotency_keys)::int AS keys, (SELECT count(*) FROM attachments)::int AS attachments`,
  );
  return r;
}

export function freePort() {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
  });
}

/** Debian's PostgreSQL binaries (`/usr/lib/postgresql/<n>/bin`), newest first, or undefined. */
export function postgresBin() {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const dir = readdirSync(base)
    .sort((a, b) => Number(b) - Number(a))
    .map((v) => join(base, v, 'bin'))
    .find((d) => existsSync(join(d, 'initdb')) && existsSync(join(d, 'pg_ctl')));
  return dir;
}

/**
 * A throwaway PostgreSQL cluster on a free loopback port (initdb + pg_ctl in a temp folder), or
 * `{ skip: reason }`. As root, the cluster runs as the `postgres` user (initdb refuses root).
 */
export async function startPostgres() {
  const bin = postgresBin();
  if (!bin) return { skip: 'no PostgreSQL binaries in /usr/lib/postgresql/*/bin (apt-get install postgresql)' };
  const dir = tempDir('hoso-pg-');
  let uid;
  let gid;
  if (process.getuid?.() === 0) {
    const id = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const g = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    if (id.status !== 0) return { skip: 'running as root and there is no "postgres" user to run the cluster' };
    uid = Number(id.stdout.trim());
    gid = Number(g.stdout.trim());
    chownSync(dir, uid, gid);
  }
  const run = (cmd, args) => {
    const r = spawnSync(join(bin, cmd), args, { encoding: 'utf8', uid, gid, cwd: dir, timeout: 120_000 });
    if (r.status !== 0) throw new Error(`${cmd} failed (${r.status}): ${r.stderr || r.stdout}`);
  };
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-U', 'hoso', '--auth=trust', '-E', 'UTF8', '--locale=C']);
  const port = await freePort();
  run('pg_ctl', [
    '-D',
    data,
    '-l',
    join(dir, 'log'),
    '-w',
    '-t',
    '60',
    'start',
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=60`,
  ]);
  const stop = () => {
    spawnSync(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop'], { uid, gid, cwd: dir });
    rmSync(dir, { recursive: true, force: true });
  };
  return { url: `postgres://hoso@127.0.0.1:${port}/postgres`, stop, bin };
}
