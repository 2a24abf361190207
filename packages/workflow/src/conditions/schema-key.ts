/**
 * A stable key for a JSON Schema: JSON with object keys sorted at every depth.
 * Same semantics as `@hoso/forms` `schemaKey`: `hoso build` keys precompiled condition
 * validators (`workflows/generated/conditions.js`) by it.
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
