// The back-end sections of `pnpm bench` (scripts/bench.mjs): the hoso server's load (bench/server.mjs) and a
// year's indicator report (bench/report.mjs), each run and turned into the printed text and the JSON result.
// They need no page of the form benchmark, so `--only server` and `--only report` run them alone.
import { cpus, loadavg } from 'node:os';
import { formatReportBench, runReportBench } from './report.mjs';
import { formatServerBench, runServerBench } from './server.mjs';

const log = (line) => process.stderr.write(`bench: ${line}\n`);
const machine = () => `${cpus().length} cores, load average ${loadavg()[0].toFixed(1)}`;

/** The hoso server's load figures as printed text, and the rows for --json. */
export async function serverSection({ submissions = 400, devices = 20 } = {}) {
  log(`hoso server, ${submissions} submissions × 2 from ${devices} devices…`);
  const rows = await runServerBench({ submissions, devices });
  return { rows, text: `hoso server on loopback (bench/server.mjs; ${machine()})\n\n${formatServerBench(rows)}` };
}

/** The report figures as printed text, and the result for --json (`result.agree`: the three paths agree). */
export async function reportSection({ cases = 10_000, runs = 10 } = {}) {
  log(`a year's report over ${cases} synthetic cases (browser, server, Node)…`);
  const result = await runReportBench({ count: cases, runs, log });
  return { result, text: `report of a year (bench/report.mjs; ${machine()})\n\n${formatReportBench(result)}` };
}
