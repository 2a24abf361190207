/**
 * Finds the inputs of `hoso build`: form folders (`<schemas>/<procedure>/<form>/schema.json`, at any
 * depth) and workflow machines (`<workflows>/<procedure>/machine.json`).
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';

const SKIP = new Set(['generated', 'node_modules', 'defs', 'test', 'reference', 'fixtures']);

export interface FormFolder {
  /** `voluntary-rehab/registration`: the folder path under the schemas directory, with `/`. */
  id: string;
  dir: string;
}

export async function findForms(schemasDir: string): Promise<FormFolder[]> {
  const found: FormFolder[] = [];
  const visit = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    if (dir !== schemasDir && entries.some((e) => e.isFile() && e.name === 'schema.json')) {
      found.push({ id: relative(schemasDir, dir).split(sep).join('/'), dir });
    }
    for (const e of entries) {
      if (e.isDirectory() && !SKIP.has(e.name) && !e.name.startsWith('.')) await visit(join(dir, e.name));
    }
  };
  await visit(schemasDir);
  return found.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export async function findMachines(workflowsDir: string): Promise<string[]> {
  if (!existsSync(workflowsDir)) return [];
  const entries = await readdir(workflowsDir, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory() && !SKIP.has(e.name) && !e.name.startsWith('.'))
    .map((e) => join(workflowsDir, e.name, 'machine.json'))
    .filter((file) => existsSync(file))
    .sort();
}

/** The workspace root: the closest ancestor of `start` holding pnpm-workspace.yaml, else `start`. */
export function findWorkspaceRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    if (dirname(dir) === dir) return start;
  }
}
