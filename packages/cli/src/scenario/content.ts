/**
 * Loads workflow content from disk for the CLI: law versions, holiday calendars, province
 * overlays and procedure definitions (validated, with file and line:column in every error).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import type { HolidayCalendar, LawVersionFile, MachineDefinition, ProvinceOverlay } from '@hoso/workflow';
import { formatDefinitionError, parseWithPositions } from '@hoso/workflow';
import { validateDefinitionText } from '@hoso/workflow/ajv';

/** Bad input: printed as is, exit code 2. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

export function defaultWorkflowsDir(): string {
  return dirname(createRequire(import.meta.url).resolve('@hoso/workflows/package.json'));
}

/** Option `--workflows <dir>` (relative to cwd) or the installed @hoso/workflows package. */
export function workflowsDir(args: string[], cwd: string): string {
  const i = args.indexOf('--workflows');
  if (i < 0) return defaultWorkflowsDir();
  const dir = args[i + 1];
  if (!dir) throw new InputError('--workflows needs a directory');
  args.splice(i, 2);
  return resolve(cwd, dir);
}

export function readJson(file: string, cwd: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new InputError(`cannot read ${relative(cwd, file) || file}`);
  }
  const parsed = parseWithPositions(text, relative(cwd, file) || file);
  if (!parsed.ok) throw new InputError(formatDefinitionError(parsed.error));
  return parsed.value;
}

function readDir<T>(dir: string, cwd: string): T[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => readJson(join(dir, f), cwd) as T);
}

export interface Content {
  dir: string;
  laws: LawVersionFile[];
  calendars: HolidayCalendar[];
  overlays: ProvinceOverlay[];
}

export function loadContent(dir: string, cwd: string): Content {
  return {
    dir,
    laws: readDir<LawVersionFile>(join(dir, 'law'), cwd),
    calendars: readDir<HolidayCalendar>(join(dir, 'calendars', 'vn'), cwd),
    overlays: readDir<ProvinceOverlay>(join(dir, 'overlays'), cwd),
  };
}

export function procedureIds(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'machine.json')))
    .map((d) => d.name)
    .sort();
}

export function loadDefinition(content: Content, id: string, cwd: string): MachineDefinition {
  const file = join(content.dir, id, 'machine.json');
  if (!/^[a-z][a-z0-9-]*$/.test(id) || !existsSync(file)) {
    throw new InputError(`unknown procedure "${id}" (known: ${procedureIds(content.dir).join(', ') || 'none'})`);
  }
  const { definition, errors } = validateDefinitionText(readFileSync(file, 'utf8'), relative(cwd, file) || file, {
    laws: content.laws,
  });
  if (errors.length || !definition) throw new InputError(errors.map(formatDefinitionError).join('\n'));
  return definition;
}
