/**
 * `hoso check`: the form designer's linter. Checks schemas, UI schemas, messages and machines together
 * and prints every problem as `file:line:column JSON-pointer message`, sorted by file then line, then
 * a summary `N errors, N warnings`. Exit codes: 0 no errors (warnings allowed), 1 errors, 2 bad usage.
 */
import { readdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { LawVersionFile } from '@hoso/workflow';
import type { Io } from '../main.js';
import { SchemaBundler } from '../build/bundle-schema.js';
import { findForms, findMachines, findWorkspaceRoot } from '../build/discover.js';
import { checkForm } from '../check/forms.js';
import { checkMachine } from '../check/machines.js';
import { checkIndicators } from '../check/indicators.js';
import { formatProblem, sortProblems, type Problem } from '../check/problem.js';

const HELP = [
  'usage: hoso check [--schemas <dir>] [--workflows <dir>] [--json] [--strict-forms]',
  '  --schemas <dir>    form folders: <dir>/<procedure>/<form>/{schema,uischema,messages.vi,messages.en}.json',
  '                     (default <workspace>/schemas)',
  '  --workflows <dir>  <dir>/<procedure>/machine.json and <dir>/law/*.json (default <workspace>/workflows)',
  '  --json             print the problems as one JSON array instead of lines',
  "  --strict-forms     a form named in a machine's meta but missing is an error when its procedure already",
  '                     has a form. Without it (the default, so CI stays green while forms are being written)',
  '                     every missing form is a warning; "form not written yet" when its procedure has none.',
  'Exit: 0 no errors (warnings allowed), 1 errors found, 2 bad usage or unreadable input.',
];

interface Options {
  schemas?: string;
  workflows?: string;
  json: boolean;
  strictForms: boolean;
}

function parseArgs(args: string[]): Options | string {
  const out: Options = { json: false, strictForms: false };
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i]!.split('=', 2) as [string, string | undefined];
    if (flag === '--json') out.json = true;
    else if (flag === '--strict-forms') out.strictForms = true;
    else if (flag === '--schemas' || flag === '--workflows') {
      const value = inline ?? args[++i];
      if (!value) return `option ${flag} needs a directory`;
      out[flag === '--schemas' ? 'schemas' : 'workflows'] = value;
    } else return `unknown option "${args[i]}"`;
  }
  return out;
}

async function readLaws(dir: string): Promise<LawVersionFile[]> {
  if (!existsSync(dir)) return [];
  const names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  return Promise.all(names.map(async (n) => JSON.parse(await readFile(join(dir, n), 'utf8')) as LawVersionFile));
}

export async function run(args: string[], io: Io): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    HELP.forEach((l) => io.out(l));
    return 0;
  }
  const opts = parseArgs(args);
  if (typeof opts === 'string') {
    io.err(`hoso check: ${opts}`);
    HELP.forEach((l) => io.err(l));
    return 2;
  }
  const root = findWorkspaceRoot(io.cwd);
  const schemasDir = resolve(io.cwd, opts.schemas ?? join(root, 'schemas'));
  const workflowsDir = resolve(io.cwd, opts.workflows ?? join(root, 'workflows'));
  for (const dir of [schemasDir, workflowsDir]) {
    if (!existsSync(dir)) {
      io.err(`hoso check: no such directory ${dir}`);
      return 2;
    }
  }
  const display = (file: string): string => relative(io.cwd, file) || file;
  const bundler = new SchemaBundler(display);
  const problems: Problem[] = [];
  let laws: LawVersionFile[];
  try {
    laws = await readLaws(join(workflowsDir, 'law'));
  } catch (e) {
    io.err(`hoso check: cannot read law versions in ${display(join(workflowsDir, 'law'))}: ${(e as Error).message}`);
    return 2;
  }
  const forms = await findForms(schemasDir);
  for (const form of forms) problems.push(...(await checkForm(form, bundler)));
  const ctx = { laws, schemasDir, forms: new Set(forms.map((f) => f.id)), strictForms: opts.strictForms, display };
  for (const file of await findMachines(workflowsDir)) problems.push(...(await checkMachine(file, ctx)));
  problems.push(...(await checkIndicators(workflowsDir, display)).problems);

  const sorted = sortProblems(problems);
  const errors = sorted.filter((p) => p.severity === 'error').length;
  const summary = `${errors} error${errors === 1 ? '' : 's'}, ${sorted.length - errors} warning${sorted.length - errors === 1 ? '' : 's'}`;
  if (opts.json) io.out(JSON.stringify({ problems: sorted, errors, warnings: sorted.length - errors }, null, 2));
  else {
    sorted.forEach((p) => io.out(formatProblem(p)));
    io.out(summary);
  }
  return errors > 0 ? 1 : 0;
}
