/**
 * `@hoso/workflow/ajv`: run-time compilation with ajv, for Node (CLI, server, tests) and previews.
 * Production bundles use `precompiledConditions` from the main entry instead (no eval under CSP).
 */
import Ajv from 'ajv';
import type { ErrorObject } from 'ajv';
import type { CompileCondition } from './conditions/condition.js';
import { checkDefinition } from './definition/check.js';
import { parseWithPositions } from './definition/report.js';
import type { DefinitionError } from './definition/report.js';
import type { MachineDefinition } from './definition/types.js';
import { builtinGuards } from './guards/guards.js';
import type { LawVersionFile } from './law/law-version.js';
import { machineSchema } from './definition/machine-schema.js';
import { builtinActions } from './runtime/actions.js';

/** A condition compiler backed by ajv (compiles each distinct schema once). */
export function ajvConditions(): CompileCondition {
  const ajv = new Ajv({ allErrors: false, strict: false });
  return (schema) => {
    const validate = ajv.compile(schema as object);
    return (data) => validate(data) as boolean;
  };
}

let metaValidator: (((data: unknown) => boolean) & { errors?: ErrorObject[] | null }) | undefined;

function schemaMessage(e: ErrorObject): string {
  if (e.keyword === 'additionalProperties') return `unknown property "${String(e.params.additionalProperty)}"`;
  if (e.keyword === 'required') return `missing required property "${String(e.params.missingProperty)}"`;
  if (e.keyword === 'enum')
    return `must be one of ${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
  return e.message ?? e.keyword;
}

/**
 * Validates a machine.json text: JSON syntax, the meta-schema, then references (guards, actions,
 * targets, events, documents, law paths). Every error has file, pointer and line:column.
 */
export function validateDefinitionText(
  text: string,
  file: string,
  options: { laws?: readonly LawVersionFile[]; guards?: string[]; actions?: string[] } = {},
): { definition?: MachineDefinition; errors: DefinitionError[] } {
  const parsed = parseWithPositions(text, file);
  if (!parsed.ok) return { errors: [parsed.error] };
  metaValidator ??= new Ajv({ allErrors: true, strict: false }).compile(machineSchema);
  if (!metaValidator(parsed.value)) {
    const seen = new Set<string>();
    const errors = (metaValidator.errors ?? [])
      .filter((e) => !['if', 'anyOf', 'oneOf'].includes(e.keyword))
      .map((e) => parsed.locate(e.instancePath, schemaMessage(e)))
      .filter((e) => !seen.has(e.pointer + e.message) && seen.add(e.pointer + e.message));
    return { errors: errors.length ? errors : [parsed.locate('', 'does not match machine.schema.json')] };
  }
  const definition = parsed.value as MachineDefinition;
  const problems = checkDefinition(definition, {
    guards: options.guards ?? Object.keys(builtinGuards),
    actions: options.actions ?? Object.keys(builtinActions),
    ...(options.laws ? { laws: options.laws } : {}),
  });
  return { definition, errors: problems.map((p) => parsed.locate(p.pointer, p.message)) };
}
