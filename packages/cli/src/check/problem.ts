/**
 * One finding of `hoso check`, located as `file:line:column JSON-pointer message`.
 * Errors make the command exit 1; warnings are printed but do not fail it.
 */
import type { JsonSource } from '../build/json-source.js';

export type Severity = 'error' | 'warning';

export interface Problem {
  file: string;
  line: number;
  column: number;
  pointer: string;
  severity: Severity;
  message: string;
}

/** A problem at `pointer` in `source`, positioned by the source's parser. */
export function at(source: JsonSource, pointer: string, severity: Severity, message: string): Problem {
  return { file: source.display, ...source.locate(pointer), pointer, severity, message };
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.column} ${p.pointer || '/'} ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`;
}

/** By file, then line, then column, then message: stable output for CI diffs. */
export function sortProblems(problems: Problem[]): Problem[] {
  const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return [...problems].sort(
    (a, b) => cmp(a.file, b.file) || a.line - b.line || a.column - b.column || cmp(a.message, b.message),
  );
}
