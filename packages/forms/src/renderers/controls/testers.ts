/**
 * Fast testers for the control renderers. JSON Forms' testers each resolve the control's scope again
 * (nine control testers → nine resolutions per control, the largest cost of a first render); these
 * resolve it once per UI schema element and schema, then only look at the resolved schema. Same
 * semantics as `rankWith(n, and(uiTypeIs('Control'), schemaMatches(…)))`.
 */
import { resolveSchema, type JsonSchema, type RankedTester, type UISchemaElement } from '@jsonforms/core';

const resolved = new WeakMap<UISchemaElement, { schema: JsonSchema; result: JsonSchema | undefined }>();

/** The schema a `Control`'s scope points at (memoised per element and schema); undefined for other elements. */
export function resolvedControlSchema(
  uischema: UISchemaElement,
  schema: JsonSchema,
  rootSchema: JsonSchema | undefined,
): JsonSchema | undefined {
  const scope = (uischema as { scope?: unknown }).scope;
  if (uischema.type !== 'Control' || typeof scope !== 'string') return undefined;
  const memo = resolved.get(uischema);
  if (memo && memo.schema === schema) return memo.result;
  const result = resolveSchema(schema, scope, rootSchema ?? schema);
  resolved.set(uischema, { schema, result });
  return result;
}

/** The JSON types a schema admits (as JSON Forms derives them: `type`, else from its shape). */
export function typesOf(schema: JsonSchema): string[] {
  if (typeof schema.type === 'string') return [schema.type];
  if (Array.isArray(schema.type)) return schema.type as string[];
  if (schema.properties || schema.additionalProperties) return ['object'];
  if (schema.items) return ['array'];
  if (Array.isArray(schema.enum)) return [...new Set(schema.enum.map((v) => (v === null ? 'null' : typeof v)))];
  return [];
}

export const hasType = (schema: JsonSchema, type: string): boolean => typesOf(schema).includes(type);

/** `rank` when the element is a Control whose resolved schema satisfies `predicate`, else -1. */
export function controlTester(
  rank: number,
  predicate: (schema: JsonSchema, uischema: UISchemaElement, rootSchema: JsonSchema | undefined) => boolean,
): RankedTester {
  return (uischema, schema, context) => {
    const target = resolvedControlSchema(uischema, schema, context?.rootSchema);
    return target && Object.keys(target).length && predicate(target, uischema, context?.rootSchema) ? rank : -1;
  };
}

/** Reads a UI schema option. */
export const option = (uischema: UISchemaElement, name: string): unknown =>
  (uischema.options as Record<string, unknown> | undefined)?.[name];

/** The JSON Forms `formatIs`/`optionIs('format')` pair used by the date and time testers. */
export const formatOf = (schema: JsonSchema, uischema: UISchemaElement, format: string): boolean =>
  (schema.format === format && hasType(schema, 'string')) || option(uischema, 'format') === format;
