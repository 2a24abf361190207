// `node bench/server.mjs`: load benchmark of @hoso/server on loopback. A benchmark, not a test: it never fails on
// timings (exit 1 only if it cannot run).
//
// Workload: SUBMISSIONS case-creating submissions (REGISTER with the voluntary-rehab example's registration data,
// so each one is checked against the contract, validated by the form's precompiled validator, re-run through the
// procedure, audited, encrypted and committed with its idempotency key), sent by DEVICES concurrent devices,
// after WARMUP submissions. Then the same number of second events (DECIDE) on those cases. Reported per
// database: submissions/s over the run and p50/p95/max latency of one request.
//   - PGlite (embedded, a fresh data folder), always;
//   - PostgreSQL (a throwaway cluster via Debian's binaries), when /usr/lib/postgresql/*/bin exists.
// Needs `pnpm build`. Options: --submissions N (default 400), --devices N (default 20), --json FILE,
// --only pglite|postgres. Exported: runServerBench(options) → rows and formatServerBench(rows) → text, for
// scripts/bench.mjs (`pnpm bench --only server`, and the full run).
import { writeFileSync } from 'node:fs';
import { rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import {
  steps,
  submission,
  post,
  token,
  testServer,
  startPostgres,
  tempDir,
} from '../packages/server/test/support.mjs';

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function load(s, { submissions, devices, warmup }) {
  const officer = await token(['commune-officer']);
  const chair = await token(['commune-pc-chair']);
  const bodies = [];
  for (let i = 0; i < submissions + warmup; i++) {
    const caseId = `bench-${i}-${crypto.randomUUID()}`;
    bodies.push({
      caseId,
      register: await submission(caseId, steps.register, 0),
      decide: await submission(caseId, steps.decide, 1),
    });
  }
  const phase = async (pick, auth, expected) => {
    const warm = bodies.slice(0, warmup);
    for (const b of warm) await post(s, b.caseId, pick(b), { auth });
    const queue = bodies.slice(warmup);
    const latencies = [];
    let failed = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: devices }, async () => {
        for (let b = queue.shift(); b; b = queue.shift()) {
          const start = performance.now();
          const r = await post(s, b.caseId, pick(b), { auth });
          latencies.push(performance.now() - start);
          if (r.status !== expected) failed++;
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    latencies.sort((a, b) => a - b);
    return {
      submissions: latencies.length,
      failed,
      perSecond: latencies.length / seconds,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      max: latencies[latencies.length - 1],
    };
  };
  return {
    create: await phase((b) => b.register, officer, 201),
    advance: await phase((b) => b.decide, chair, 200),
  };
}

/** Runs the workload on each database; returns one row per database and phase. */
export async function runServerBench({ submissions = 400, devices = 20, warmup = 20, only } = {}) {
  const rows = [];
  const record = (database, r) => {
    for (const [phase, m] of Object.entries(r)) rows.push({ database, phase, devices, ...m });
  };
  if (!only || only === 'pglite') {
    const dir = tempDir('hoso-bench-');
    const s = await testServer(null, { dataDir: dir });
    try {
      record('PGlite', await load(s, { submissions, devices, warmup }));
    } finally {
      await s.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (!only || only === 'postgres') {
    const pg = await startPostgres();
    if (pg.skip) rows.push({ database: 'PostgreSQL', skipped: pg.skip });
    else {
      const s = await testServer(null, { databaseUrl: pg.url });
      try {
        record('PostgreSQL', await load(s, { submissions, devices, warmup }));
      } finally {
        await s.close();
        pg.stop();
      }
    }
  }
  return rows;
}

/** The rows as a table (one line per database and phase; a database that could not run says why). */
export function formatServerBench(rows) {
  const f = (n) => n.toFixed(1).padStart(8);
  const lines = ['database     phase     devices   n  failed   subm/s    p50 ms   p95 ms   max ms'];
  for (const r of rows) {
    if (r.skipped) lines.push(`${r.database.padEnd(12)} skipped: ${r.skipped}`);
    else
      lines.push(
        `${r.database.padEnd(12)} ${r.phase.padEnd(9)} ${String(r.devices).padStart(4)} ${String(r.submissions).padStart(5)} ${String(r.failed).padStart(6)} ${f(r.perSecond)} ${f(r.p50)} ${f(r.p95)} ${f(r.max)}`,
      );
  }
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  try {
    const rows = await runServerBench({
      submissions: Number(arg('--submissions', 400)),
      devices: Number(arg('--devices', 20)),
      only: arg('--only'),
    });
    console.log(`hoso server load (${cpus().length} cores, load average ${loadavg()[0].toFixed(1)})`);
    console.log(formatServerBench(rows));
    const out = arg('--json');
    if (out) writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), load: loadavg()[0], rows }, null, 2));
  } catch (e) {
    process.stderr.write(`bench/server: ${e?.stack ?? e}\n`);
    process.exit(1);
  }
}
