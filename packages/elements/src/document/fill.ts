/**
 * Filling a document template from a case: `{path}` placeholders name case paths (`person.fullName`,
 * `data.decision.number`, `deadlines.decision.due`, `unit.commune`), optionally with a format after a bar:
 * `{data.decision.issuedOn|date}` → 15/07/2026, `|longdate` → "ngày 15 tháng 7 năm 2026", `|upper`,
 * `|label:<table>` (the template's `labels`). The result is a list of text segments; a value that is missing is a
 * segment marked `missing` (shown as "……") and its path is reported, never thrown. Text only: nothing is parsed
 * as HTML.
 */

/** One piece of filled text: plain text, or a placeholder whose value was missing. */
export interface Segment {
  text: string;
  /** The placeholder's path when the case had no usable value for it. */
  missing?: string;
}

/** The value a missing placeholder shows. */
export const MISSING = '……';

/** Thrown for a template that cannot be read (an unclosed brace, an unknown format): says what and where. */
export class TemplateSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateSyntaxError';
  }
}

export type Labels = Record<string, Record<string, string>>;

const DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/** The Vietnam calendar date of an ISO date or date-time (`2026-07-15T10:00:00+07:00` → [2026, 7, 15]). */
export function vietnamDate(value: string): [number, number, number] | undefined {
  if (/T/.test(value)) {
    const ms = Date.parse(value);
    if (Number.isNaN(ms)) return undefined;
    const d = new Date(ms + 7 * 3600_000);
    return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  }
  const m = DATE.exec(value);
  if (!m) return undefined;
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** dd/mm/yyyy. */
export function formatDate(value: string): string | undefined {
  const d = vietnamDate(value);
  return d ? `${pad(d[2])}/${pad(d[1])}/${d[0]}` : undefined;
}

/**
 * "ngày 15 tháng 7 năm 2026" as Decree 30/2020 writes it: days below 10 and months below 3 take a leading zero
 * (ngày 05 tháng 02), the others do not.
 */
export function formatLongDate(value: string): string | undefined {
  const d = vietnamDate(value);
  if (!d) return undefined;
  const [y, m, day] = d;
  return `ngày ${day < 10 ? pad(day) : day} tháng ${m < 3 ? pad(m) : m} năm ${y}`;
}

/** Reads `a.b.0.c` from an object; undefined when any step is missing. */
export function readPath(root: unknown, path: string): unknown {
  let v: unknown = root;
  for (const key of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

function format(value: unknown, spec: string | undefined, labels: Labels, where: string): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (Array.isArray(value)) {
    const parts = value.map((v) => format(v, spec, labels, where)).filter((v): v is string => v !== undefined);
    return parts.length ? parts.join(', ') : undefined;
  }
  if (typeof value === 'object') return undefined;
  const text = String(value);
  if (!spec) return text;
  if (spec === 'date') return formatDate(text);
  if (spec === 'longdate') return formatLongDate(text);
  if (spec === 'upper') return text.toLocaleUpperCase('vi');
  if (spec.startsWith('label:')) {
    const table = labels[spec.slice(6)];
    if (!table) throw new TemplateSyntaxError(`${where}: no labels "${spec.slice(6)}" in the template`);
    return table[text];
  }
  throw new TemplateSyntaxError(`${where}: unknown format "${spec}" (date, longdate, upper, label:<name>)`);
}

/** The placeholders `{…}` a text names, as `path|format`. Throws on an unclosed brace. */
export function placeholders(text: string, where = 'text'): string[] {
  const found: string[] = [];
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('{', i);
    if (open < 0) break;
    const close = text.indexOf('}', open);
    if (close < 0) throw new TemplateSyntaxError(`${where}: "{" at ${open} is never closed`);
    const inner = text.slice(open + 1, close).trim();
    if (!/^[A-Za-z0-9_.-]+(\|[A-Za-z0-9:_-]+)?$/.test(inner)) {
      throw new TemplateSyntaxError(`${where}: "{${inner}}" is not a placeholder (path or path|format)`);
    }
    found.push(inner);
    i = close + 1;
  }
  return found;
}

/** Fills one text; `missing` collects the paths that had no value. */
export function fill(text: string, scope: unknown, labels: Labels, missing: Set<string>, where = 'text'): Segment[] {
  const out: Segment[] = [];
  let i = 0;
  for (const ph of placeholders(text, where)) {
    const token = text.indexOf('{', i);
    const end = text.indexOf('}', token);
    if (token > i) out.push({ text: text.slice(i, token) });
    const [path, spec] = ph.split('|') as [string, string | undefined];
    const value = format(readPath(scope, path), spec, labels, `${where} {${ph}}`);
    if (value === undefined) {
      missing.add(path);
      out.push({ text: MISSING, missing: path });
    } else out.push({ text: value });
    i = end + 1;
  }
  if (i < text.length) out.push({ text: text.slice(i) });
  return out;
}

/** The plain text of filled segments. */
export const plain = (segments: Segment[]): string => segments.map((s) => s.text).join('');
