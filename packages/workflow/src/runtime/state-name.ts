/** The name of a (possibly nested or parallel) XState state value: `a`, `a.b`, `a.b|c.d`. */
export function stateName(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => {
        const inner = stateName(v);
        return inner ? `${k}.${inner}` : k;
      })
      .join('|');
  }
  return '';
}
