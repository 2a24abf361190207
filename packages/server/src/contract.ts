/**
 * The adapter contract's JSON Schema (`packages/case-store/src/outbox/contract.schema.json`, the file the
 * browser's outbox is tested against) compiled once with ajv: the server validates every submission with it,
 * and `openapi.ts` publishes the same definitions. Node only; the browser never loads this module.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import { ApiError } from './errors.js';

export const CONTRACT_FILE = fileURLToPath(
  new URL('../../case-store/src/outbox/contract.schema.json', import.meta.url),
);

export interface ContractSchema {
  $id: string;
  title: string;
  definitions: Record<string, Record<string, unknown>>;
}

let cached: { schema: ContractSchema; submission: ValidateFunction } | undefined;

export function contract(): { schema: ContractSchema; submission: ValidateFunction } {
  if (!cached) {
    const schema = JSON.parse(readFileSync(CONTRACT_FILE, 'utf8')) as ContractSchema;
    const ajv = new Ajv({ allErrors: false, strict: false });
    ajv.addSchema(schema);
    const submission = ajv.getSchema(`${schema.$id}#/definitions/submission`);
    if (!submission) throw new Error(`${CONTRACT_FILE} has no definitions/submission`);
    cached = { schema, submission };
  }
  return cached;
}

export interface Submission {
  caseId: string;
  procedure: string;
  procedureVersion: string;
  lawVersion: string;
  event: { type: string; at: string; by: { id: string; roles: string[] }; data?: unknown };
  baseRev: number;
  case?: { person?: Record<string, unknown>; province?: string; [k: string]: unknown };
}

/** Checks a parsed body against `definitions/submission`; the first error is refused with its pointer. */
export function checkSubmission(body: unknown): Submission {
  const { submission } = contract();
  if (submission(body)) return body as Submission;
  const e = submission.errors?.[0];
  let pointer = e?.instancePath ?? '';
  if (e?.keyword === 'required') pointer += `/${String(e.params['missingProperty'])}`;
  if (e?.keyword === 'additionalProperties') pointer += `/${String(e.params['additionalProperty'])}`;
  throw new ApiError('invalid-submission', { pointer, detail: `${pointer || '/'} ${e?.message ?? 'not valid'}` });
}
