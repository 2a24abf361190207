/** Persisting and reading cases as JSON, with a `schemaVersion` checked on the way in. */
import { SCHEMA_VERSION } from './case.js';
import type { Case } from './case.js';

export class CaseFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CaseFormatError';
  }
}

export function serializeCase(c: Case): string {
  return JSON.stringify(c);
}

const REQUIRED: [keyof Case, string][] = [
  ['id', 'string'],
  ['procedure', 'string'],
  ['procedureVersion', 'string'],
  ['lawVersion', 'string'],
  ['state', 'string'],
  ['status', 'string'],
  ['createdAt', 'string'],
  ['updatedAt', 'string'],
  ['rev', 'number'],
  ['person', 'object'],
  ['snapshot', 'object'],
  ['data', 'object'],
];

/** Parses and checks a persisted case (object or JSON text). */
export function parseCase(json: unknown): Case {
  let o: unknown = json;
  if (typeof json === 'string') {
    try {
      o = JSON.parse(json);
    } catch (e) {
      throw new CaseFormatError(`case JSON does not parse: ${(e as Error).message}`);
    }
  }
  if (!o || typeof o !== 'object') throw new CaseFormatError('a case must be a JSON object');
  const c = o as Record<string, unknown>;
  if (c.schemaVersion !== SCHEMA_VERSION) {
    throw new CaseFormatError(
      `case schemaVersion ${JSON.stringify(c.schemaVersion)} is not supported (this runtime reads ${SCHEMA_VERSION})`,
    );
  }
  for (const [k, t] of REQUIRED) {
    if (typeof c[k] !== t || c[k] === null) throw new CaseFormatError(`case field "${k}" must be a ${t}`);
  }
  for (const k of ['deadlines', 'documents', 'audit', 'lawChain'] as const) {
    if (!Array.isArray(c[k])) throw new CaseFormatError(`case field "${k}" must be an array`);
  }
  return structuredClone(c) as unknown as Case;
}
