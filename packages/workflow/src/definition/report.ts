/** Definition problems with file, JSON pointer and line:column. */
import { jsonPositions, JsonSyntaxError, positionOf } from './json-positions.js';

export interface DefinitionError {
  file: string;
  pointer: string;
  line: number;
  column: number;
  message: string;
}

export function formatDefinitionError(e: DefinitionError): string {
  return `${e.file}:${e.line}:${e.column} ${e.pointer || '/'}: ${e.message}`;
}

/** Parses JSON text; returns the value or the syntax error as a DefinitionError. */
export function parseWithPositions(
  text: string,
  file: string,
):
  | { ok: true; value: unknown; locate: (pointer: string, message: string) => DefinitionError }
  | { ok: false; error: DefinitionError } {
  try {
    const map = jsonPositions(text);
    const value: unknown = JSON.parse(text);
    return { ok: true, value, locate: (pointer, message) => ({ file, pointer, ...positionOf(map, pointer), message }) };
  } catch (e) {
    if (e instanceof JsonSyntaxError)
      return { ok: false, error: { file, pointer: '', ...e.position, message: e.message } };
    return { ok: false, error: { file, pointer: '', line: 1, column: 1, message: (e as Error).message } };
  }
}
