/**
 * `hoso readme [--check] [--workflows <dir>] [--schemas <dir>] [--scenarios <dir>] [<procedure>...]`:
 * writes `workflows/<id>/README.md` for every procedure (every folder with a machine.json), or the
 * ones named, from the machine, the law versions, the province overlays, the forms under schemas/,
 * the scenarios under examples/scenarios/ and the hand-written `workflows/<id>/NOTES.md`.
 * `--check` writes nothing: it names each README that differs from what would be generated and exits 1.
 * Exit codes: 0 done (or up to date), 1 READMEs out of date (`--check`), 2 bad usage or bad input.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { LawDataError } from '@hoso/workflow';
import type { Io } from '../main.js';
import { findForms, findWorkspaceRoot } from '../build/discover.js';
import { parseJsonSource } from '../build/json-source.js';
import { InputError, loadContent, loadDefinition, procedureIds } from '../scenario/content.js';
import { LawBook } from '../readme/law.js';
import { buildModel } from '../readme/model.js';
import { renderReadme } from '../readme/render.js';

const HELP = [
  'usage: hoso readme [--check] [--workflows <dir>] [--schemas <dir>] [--scenarios <dir>] [<procedure>...]',
  '  writes <workflows>/<procedure>/README.md for every procedure (or those named)',
  '  --check            write nothing; name each README that differs from the generated one (exit 1)',
  '  --workflows <dir>  default <workspace>/workflows',
  '  --schemas <dir>    default <workspace>/schemas (forms are linked when their folder exists)',
  '  --scenarios <dir>  default <workspace>/examples/scenarios (files whose "procedure" is the id)',
  'Exit: 0 done, 1 out of date (--check), 2 bad usage or bad input.',
];

interface Options {
  check: boolean;
  dirs: { workflows?: string; schemas?: string; scenarios?: string };
  ids: string[];
}

function parseArgs(args: string[]): Options | string {
  const out: Options = { check: false, dirs: {}, ids: [] };
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i]!.split('=', 2) as [string, string | undefined];
    if (flag === '--check') out.check = true;
    else if (flag === '--workflows' || flag === '--schemas' || flag === '--scenarios') {
      const value = inline ?? args[++i];
      if (!value) return `option ${flag} needs a directory`;
      out.dirs[flag.slice(2) as 'workflows' | 'schemas' | 'scenarios'] = value;
    } else if (flag.startsWith('-')) return `unknown option "${args[i]}"`;
    else out.ids.push(flag);
  }
  return out;
}

/** Scenario files (workspace-relative, `/`-separated) whose `procedure` is `id`, sorted. */
function scenariosFor(dir: string, root: string, id: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .filter((f) => {
      try {
        return (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { procedure?: unknown }).procedure === id;
      } catch {
        return false;
      }
    })
    .map((f) => relative(root, join(dir, f)).split('\\').join('/'));
}

/** Generates the README text of one procedure. Throws InputError on bad input. */
export async function generateReadme(
  id: string,
  dirs: { workflows: string; schemas: string; scenarios: string; root: string },
  cwd: string,
): Promise<string> {
  const content = loadContent(dirs.workflows, cwd);
  const definition = loadDefinition(content, id, cwd);
  const file = join(dirs.workflows, id, 'machine.json');
  const display = relative(cwd, file) || file;
  let law: LawBook;
  try {
    law = new LawBook(content.laws);
  } catch (e) {
    if (e instanceof LawDataError) throw new InputError(`${relative(cwd, join(dirs.workflows, 'law'))}: ${e.message}`);
    throw e;
  }
  let model;
  try {
    model = buildModel(definition);
  } catch (e) {
    throw new InputError(`${display}: ${(e as Error).message}`);
  }
  for (const [role, pointer] of model.roles) {
    if (law.knows(role)) continue;
    const source = parseJsonSource(readFileSync(file, 'utf8'), file, display);
    const known = [
      ...new Set(law.versions.flatMap((l) => Object.keys(l.values)).filter((k) => /^(role|authority)\./.test(k))),
    ]
      .map((k) => k.replace(/^[a-z]+\./, ''))
      .sort();
    throw new InputError(
      source.error(
        pointer,
        `unknown role "${role}": no law version in ${relative(cwd, join(dirs.workflows, 'law')) || 'law'} defines ` +
          `role.${role} or authority.${role} (known: ${[...new Set(known)].join(', ')})`,
      ).message,
    );
  }
  const forms = existsSync(dirs.schemas) ? await findForms(dirs.schemas) : [];
  const notesFile = join(dirs.workflows, id, 'NOTES.md');
  return renderReadme({
    model,
    law,
    overlays: content.overlays,
    existingForms: new Set(forms.map((f) => f.id)),
    scenarios: scenariosFor(dirs.scenarios, dirs.root, id),
    ...(existsSync(notesFile) ? { notes: readFileSync(notesFile, 'utf8') } : {}),
  });
}

export async function run(args: string[], io: Io): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    HELP.forEach((l) => io.out(l));
    return 0;
  }
  const opts = parseArgs(args);
  if (typeof opts === 'string') {
    io.err(`hoso readme: ${opts}`);
    HELP.forEach((l) => io.err(l));
    return 2;
  }
  const root = findWorkspaceRoot(io.cwd);
  const workflows = resolve(io.cwd, opts.dirs.workflows ?? join(root, 'workflows'));
  const dirs = {
    /** Links in a README are relative to <root>/workflows/<id>/. */
    root: dirname(workflows),
    workflows,
    schemas: resolve(io.cwd, opts.dirs.schemas ?? join(root, 'schemas')),
    scenarios: resolve(io.cwd, opts.dirs.scenarios ?? join(root, 'examples', 'scenarios')),
  };
  if (!existsSync(dirs.workflows)) {
    io.err(`hoso readme: no such directory ${dirs.workflows}`);
    return 2;
  }
  const all = procedureIds(dirs.workflows);
  const unknown = opts.ids.filter((id) => !all.includes(id));
  if (unknown.length) {
    io.err(
      `hoso readme: unknown procedure ${unknown.map((u) => `"${u}"`).join(', ')} (known: ${all.join(', ') || 'none'})`,
    );
    return 2;
  }
  const ids = opts.ids.length ? opts.ids : all;
  let stale = 0;
  for (const id of ids) {
    let text: string;
    try {
      text = await generateReadme(id, dirs, io.cwd);
    } catch (e) {
      if (e instanceof InputError) {
        io.err(`hoso readme: ${e.message}`);
        return 2;
      }
      throw e;
    }
    const file = join(dirs.workflows, id, 'README.md');
    const shown = relative(io.cwd, file) || file;
    const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    if (opts.check) {
      if (current !== text) {
        stale++;
        io.out(`${shown}: ${current === undefined ? 'missing' : 'differs from what `hoso readme` generates'}`);
      }
    } else if (current !== text) {
      writeFileSync(file, text);
      io.out(`wrote ${shown}`);
    } else io.out(`${shown} is up to date`);
  }
  if (opts.check) {
    if (stale)
      io.out(`${stale} README${stale === 1 ? '' : 's'} out of date: run \`node packages/cli/bin/hoso.mjs readme\``);
    else io.out(`${ids.length} README${ids.length === 1 ? '' : 's'} up to date`);
  }
  return stale ? 1 : 0;
}
