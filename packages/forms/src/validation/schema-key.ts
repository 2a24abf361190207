/**
 * A stable key for a JSON Schema: JSON with object keys sorted at every depth.
 *
 * Precompiled validators are generated at build time into a map keyed by `schemaKey(schema)`;
 * at run time the same key finds the validator for a schema object JSON Forms asks to compile,
 * so production never compiles (no `new Function`) and the build and the browser agree on one key.
 */
export function schemaKey(schema: unknown): string {
  return JSON.stringify(schema, (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(
          Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : value,
  );
}
