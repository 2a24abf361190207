/**
 * `hoso build`: precompiles every form under schemas/ and every workflow guard condition, so
 * production imports no JSON Schema compiler and needs no `eval`.
 *
 * Options: `--schemas <dir>` (default `<workspace>/schemas`), `--out <dir>` (default `<schemas>/generated`),
 * `--workflows <dir>` (default `<workspace>/workflows`), `--workflows-out <dir>` (default `<workflows>/generated`).
 * Exit codes: 0 built, 2 bad usage or an input error, printed as `file:line:column JSON-pointer message`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Io } from '../main.js';
import { BuildError } from '../build/build-error.js';
import { SchemaBundler } from '../build/bundle-schema.js';
import { findForms, findMachines, findWorkspaceRoot } from '../build/discover.js';
import { emitCommunes } from '../build/communes.js';
import { emitConditions, emitForm, emitIndex, type GeneratedFile } from '../build/emit.js';
import { emitProcedures } from '../build/procedures.js';
import { emitFixtures } from '../build/fixtures.js';
import { emitIndicators } from '../build/indicators.js';

const OPTIONS = ['--schemas', '--out', '--workflows', '--workflows-out'] as const;
type Option = (typeof OPTIONS)[number];

function parseArgs(args: string[]): Partial<Record<Option, string>> | string {
  const out: Partial<Record<Option, string>> = {};
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i]!.split('=', 2) as [string, string | undefined];
    if (!(OPTIONS as readonly string[]).includes(flag)) return `unknown option "${args[i]}"`;
    const value = inline ?? args[++i];
    if (value === undefined || value === '') return `option ${flag} needs a directory`;
    out[flag as Option] = value;
  }
  return out;
}

export async function run(args: string[], io: Io): Promise<number> {
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    io.err(`hoso build: ${parsed}`);
    io.err(`usage: hoso build [${OPTIONS.map((o) => `${o} <dir>`).join('] [')}]`);
    return 2;
  }
  const started = performance.now();
  const root = findWorkspaceRoot(io.cwd);
  const schemasDir = resolve(io.cwd, parsed['--schemas'] ?? resolve(root, 'schemas'));
  const outDir = resolve(io.cwd, parsed['--out'] ?? resolve(schemasDir, 'generated'));
  const workflowsDir = resolve(io.cwd, parsed['--workflows'] ?? resolve(root, 'workflows'));
  const workflowsOut = resolve(io.cwd, parsed['--workflows-out'] ?? resolve(workflowsDir, 'generated'));
  const display = (file: string): string => relative(io.cwd, file) || file;

  const bundler = new SchemaBundler(display);
  const files: GeneratedFile[] = [];
  try {
    const forms = await findForms(schemasDir);
    for (const form of forms) files.push(...(await emitForm(form, bundler, outDir)));
    files.push(...emitIndex(forms, outDir));
    files.push(...(await emitFixtures(forms, bundler, outDir)));
    files.push(...(await emitCommunes(schemasDir, bundler, outDir)));
    const machines = await findMachines(workflowsDir);
    files.push(...(await emitConditions(machines, bundler, workflowsOut)));
    files.push(...(await emitProcedures(machines, forms, workflowsDir, workflowsOut, outDir)));
    files.push(...(await emitIndicators(workflowsDir, workflowsOut, display)));
    for (const file of files) {
      await mkdir(dirname(file.path), { recursive: true });
      await writeFile(file.path, file.text);
    }
    for (const file of files.filter((f) => f.path.endsWith('.js'))) {
      const bytes = Buffer.byteLength(file.text);
      io.out(`  ${display(file.path)}  ${bytes} B, ${gzipSync(file.text).length} B gzip`);
    }
    io.out(
      `hoso build: ${forms.length} form(s), ${machines.length} machine(s) in ${Math.round(performance.now() - started)} ms`,
    );
    return 0;
  } catch (e) {
    if (e instanceof BuildError) {
      io.err(e.message);
      return 2;
    }
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      io.err(`hoso build: ${(e as Error).message}`);
      return 2;
    }
    throw e;
  }
}
