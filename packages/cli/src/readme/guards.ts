/**
 * Guards written for people: what an event's data must satisfy, in a compact notation over the case
 * data paths the guard reads (`application.person.dateOfBirth`), e.g.
 * `age ≥ 18 (application.person.dateOfBirth) and application.applicant.role = "self"`.
 */
import type { GuardRef } from '@hoso/workflow';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `#/properties/a/properties/b` → `a.b`. */
export function scopePath(scope: unknown): string {
  if (typeof scope !== 'string') return '?';
  return scope
    .replace(/^#\/?/, '')
    .split('/')
    .filter((t) => t !== 'properties' && t !== '')
    .join('.');
}

function schemaText(path: string, schema: unknown): string {
  if (!isObj(schema)) return `${path} ?`;
  const parts: string[] = [];
  if ('const' in schema) parts.push(`${path} = ${JSON.stringify(schema.const)}`);
  if (Array.isArray(schema.enum)) parts.push(`${path} ∈ {${schema.enum.map((e) => JSON.stringify(e)).join(', ')}}`);
  if (typeof schema.minLength === 'number')
    parts.push(schema.minLength === 1 ? `${path} filled` : `${path} length ≥ ${schema.minLength}`);
  if (typeof schema.minimum === 'number') parts.push(`${path} ≥ ${schema.minimum}`);
  if (typeof schema.maximum === 'number') parts.push(`${path} ≤ ${schema.maximum}`);
  if (typeof schema.exclusiveMinimum === 'number') parts.push(`${path} > ${schema.exclusiveMinimum}`);
  if (typeof schema.exclusiveMaximum === 'number') parts.push(`${path} < ${schema.exclusiveMaximum}`);
  if (typeof schema.pattern === 'string') parts.push(`${path} matches /${schema.pattern}/`);
  if (typeof schema.format === 'string') parts.push(`${path} is a ${schema.format}`);
  if (Array.isArray(schema.required)) parts.push(`${path} has ${schema.required.join(', ')}`);
  if (typeof schema.minItems === 'number') parts.push(`${path} has ≥ ${schema.minItems} item(s)`);
  if (isObj(schema.contains)) parts.push(`${path} contains ${schemaText('an item', schema.contains)}`);
  if (isObj(schema.not)) parts.push(`not (${schemaText(path, schema.not)})`);
  if (isObj(schema.properties)) {
    for (const [k, v] of Object.entries(schema.properties)) parts.push(schemaText(`${path}.${k}`, v));
  }
  if (parts.length === 0 && typeof schema.type === 'string') parts.push(`${path} is ${schema.type}`);
  if (parts.length === 0) parts.push(`${path} matches ${JSON.stringify(schema)}`);
  return parts.join(' and ');
}

function conditionText(c: unknown): string {
  if (!isObj(c)) return '?';
  if ((c.type === 'AND' || c.type === 'OR') && Array.isArray(c.conditions)) {
    const inner = c.conditions.map(conditionText);
    return inner.length === 1 ? inner[0]! : `(${inner.join(c.type === 'AND' ? ' and ' : ' or ')})`;
  }
  return schemaText(scopePath(c.scope), c.schema);
}

const birth = (p: Obj): string => (p.birthDate ? ` (${scopePath(p.birthDate)})` : '');
/** `(a and b)` -> `a and b`, but `(a) or (b)` stays: only a pair of parentheses around the whole text. */
function strip(s: string): string {
  if (!s.startsWith('(') || !s.endsWith(')')) return s;
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '(') depth++;
    else if (s[i] === ')') depth--;
    if (depth === 0 && i < s.length - 1) return s;
  }
  return s.slice(1, -1);
}

/** One guard as text, composites in parentheses. */
function text(g: GuardRef | undefined): string {
  if (!g) return '';
  const p: Obj = isObj(g.params) ? g.params : {};
  const list = (key: string, sep: string): string =>
    Array.isArray(p[key]) ? `(${(p[key] as GuardRef[]).map((x) => text(x)).join(sep)})` : '?';
  switch (g.type) {
    case 'condition':
      return conditionText(p.condition);
    case 'ageAtLeast':
      return `age ≥ ${String(p.years)}${birth(p)}`;
    case 'ageBelow':
      return `age < ${String(p.years)}${birth(p)}`;
    case 'ageBetween':
      return `${String(p.min)} ≤ age < ${String(p.max)}${birth(p)}`;
    case 'measureCount':
      return `count of ${scopePath(p.scope)}${p.min !== undefined ? ` ≥ ${String(p.min)}` : ''}${p.max !== undefined ? ` ≤ ${String(p.max)}` : ''}`;
    case 'daysSince':
      return `days since ${scopePath(p.scope)}${p.min !== undefined ? ` ≥ ${String(p.min)}` : ''}${p.max !== undefined ? ` ≤ ${String(p.max)}` : ''}`;
    case 'deadlinePassed':
      return `after time limit \`${String(p.deadline)}\``;
    case 'withinLawPeriod':
      return `${scopePath(p.scope)} within \`${String(p.law)}\``;
    case 'all':
      return list('guards', ' and ');
    case 'any':
      return list('guards', ' or ');
    case 'not':
      return `not (${strip(text(p.guard as GuardRef))})`;
    default:
      return `${g.type}(${JSON.stringify(p)})`;
  }
}

/** One guard as text: `age ≥ 18 (application.person.dateOfBirth) and (a = "x" or b = "y")`. */
export function guardText(g: GuardRef | undefined): string {
  return strip(text(g));
}
