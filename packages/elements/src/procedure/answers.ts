/**
 * "Check your answers": the answered fields of a form as label/value rows, in the order of the UI schema, each
 * knowing its data path and wizard step so a "Change" link can take the person back to the field.
 * Labels and option titles come from the form's messages (`<key>.label`, `<key>.<value>`), else the schema's
 * Vietnamese titles, following the message-key convention of `@hoso/forms`.
 */
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface AnswerRow {
  /** Dotted data path with indices (`family.1.phone`), as `data-path` on the control. */
  path: string;
  label: string;
  value: string;
  /** Index of the wizard category holding the control (0 when the form is not a wizard). */
  step: number;
  answered: boolean;
}

export interface AnswerTerms {
  yes: string;
  no: string;
  notAnswered: string;
  items: (n: number) => string;
}

interface Ctx {
  lang: 'vi' | 'en';
  messages: Readonly<Record<string, string>>;
  terms: AnswerTerms;
  rows: AnswerRow[];
}

function schemaAt(schema: unknown, scope: string): Obj | undefined {
  let node: unknown = schema;
  for (const t of scope.replace(/^#\/?/, '').split('/').filter(Boolean)) node = isObj(node) ? node[t] : undefined;
  return isObj(node) ? node : undefined;
}

const scopePath = (scope: string): string[] =>
  scope
    .replace(/^#\/?/, '')
    .split('/')
    .filter((t) => t && t !== 'properties');

function valueAt(data: unknown, path: string[]): unknown {
  let node = data;
  for (const p of path) node = isObj(node) || Array.isArray(node) ? (node as Obj)[p] : undefined;
  return node;
}

const formatDate = (iso: string, lang: 'vi' | 'en'): string => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? (lang === 'vi' ? `${m[3]}/${m[2]}/${m[1]}` : `${m[3]}/${m[2]}/${m[1]}`) : iso;
};

function optionTitle(schema: Obj | undefined, value: unknown, key: string, ctx: Ctx): string {
  const own = ctx.messages[`${key}.${String(value)}`];
  if (own) return own;
  const options = Array.isArray(schema?.['oneOf']) ? (schema['oneOf'] as Obj[]) : [];
  const match = options.find((o) => o['const'] === value);
  return typeof match?.['title'] === 'string' ? match['title'] : String(value);
}

function format(value: unknown, schema: Obj | undefined, key: string, ctx: Ctx): string {
  if (value === undefined || value === null || value === '') return ctx.terms.notAnswered;
  if (typeof value === 'boolean') return value ? ctx.terms.yes : ctx.terms.no;
  if (Array.isArray(value)) {
    const items = isObj(schema?.['items']) ? (schema['items'] as Obj) : undefined;
    if (value.every((v) => typeof v !== 'object')) return value.map((v) => optionTitle(items, v, key, ctx)).join(', ');
    return ctx.terms.items(value.length);
  }
  if (typeof value === 'object') return ctx.terms.items(Object.keys(value).length);
  if (schema?.['format'] === 'date' && typeof value === 'string') return formatDate(value, ctx.lang);
  if (schema?.['oneOf'] || schema?.['enum']) return optionTitle(schema, value, key, ctx);
  // Integers are codes, years, counts: shown as typed (no "1.992" for the year 1992).
  if (typeof value === 'number' && !Number.isInteger(value))
    return new Intl.NumberFormat(ctx.lang === 'vi' ? 'vi-VN' : 'en-GB').format(value);
  return String(value);
}

function labelOf(element: Obj, schema: Obj | undefined, key: string, ctx: Ctx): string {
  return (
    ctx.messages[`${key}.label`] ??
    (typeof element['label'] === 'string' && ctx.lang === 'vi' ? element['label'] : undefined) ??
    (typeof schema?.['title'] === 'string' ? schema['title'] : undefined) ??
    key.split('.').pop() ??
    key
  );
}

function walk(
  element: unknown,
  rootSchema: unknown,
  data: unknown,
  base: string[],
  step: number,
  ctx: Ctx,
  conditional = false,
): void {
  if (!isObj(element)) return;
  // Under a rule (shown only in some cases), an unanswered question was most likely not asked: leave it out.
  const ruled = conditional || Boolean(element['rule']);
  if (element['type'] === 'Control' && typeof element['scope'] === 'string') {
    const schema = schemaAt(rootSchema, element['scope']);
    const rel = scopePath(element['scope']);
    const path = [...base, ...rel];
    const key = typeof element['i18n'] === 'string' ? element['i18n'] : path.filter((p) => !/^\d+$/.test(p)).join('.');
    const value = valueAt(data, path);
    const detail = isObj(element['options']) ? element['options']['detail'] : undefined;
    if (Array.isArray(value) && value.some(isObj) && isObj(schema?.['items'])) {
      const itemLabel = labelOf(element, schema, key, ctx);
      value.forEach((_, i) => {
        const before = ctx.rows.length;
        const itemUi = detail ?? {
          type: 'VerticalLayout',
          elements: Object.keys((schema['items'] as Obj)['properties'] ?? {}).map((p) => ({
            type: 'Control',
            scope: `#/properties/${p}`,
          })),
        };
        walk(itemUi, schema['items'], data, [...path, String(i)], step, ctx, ruled);
        for (const row of ctx.rows.slice(before)) row.label = `${itemLabel} ${i + 1} — ${row.label}`;
      });
      return;
    }
    if (isObj(value) && schema?.['type'] === 'object') {
      const nested = detail ?? {
        type: 'VerticalLayout',
        elements: Object.keys(schema['properties'] ?? {}).map((p) => ({ type: 'Control', scope: `#/properties/${p}` })),
      };
      walk(nested, schema, data, path, step, ctx, ruled);
      return;
    }
    const answered = !(
      value === undefined ||
      value === null ||
      value === '' ||
      (Array.isArray(value) && !value.length)
    );
    if (!answered && ruled) return;
    ctx.rows.push({
      path: path.join('.'),
      label: labelOf(element, schema, key, ctx),
      value: format(value, schema, key, ctx),
      step,
      answered,
    });
    return;
  }
  const children = Array.isArray(element['elements']) ? element['elements'] : [];
  if (element['type'] === 'Categorization') {
    children.forEach((child, i) => walk(child, rootSchema, data, base, i, ctx, ruled));
    return;
  }
  for (const child of children) walk(child, rootSchema, data, base, step, ctx, ruled);
}

export function answerRows(
  form: {
    schema: unknown;
    uischema: unknown;
    messages: Partial<Record<'vi' | 'en', Readonly<Record<string, string>>>>;
  },
  data: unknown,
  lang: 'vi' | 'en',
  terms: AnswerTerms,
): AnswerRow[] {
  const ctx: Ctx = { lang, messages: form.messages[lang] ?? {}, terms, rows: [] };
  walk(form.uischema, form.schema, data, [], 0, ctx);
  return ctx.rows;
}

/** The label of a field by its dotted path (indices allowed), or the path itself when the form has no such field. */
export function labelFor(
  form: { schema: unknown; messages: Partial<Record<'vi' | 'en', Readonly<Record<string, string>>>> },
  path: string,
  lang: 'vi' | 'en',
): string {
  const parts = path.split('.').filter((p) => !/^\d+$/.test(p));
  const key = parts.join('.');
  const own = form.messages[lang]?.[`${key}.label`];
  if (own) return own;
  let node: unknown = form.schema;
  for (const p of parts) {
    const o = isObj(node) && node['type'] === 'array' ? node['items'] : node;
    node = isObj(o) && isObj(o['properties']) ? (o['properties'] as Obj)[p] : undefined;
  }
  return isObj(node) && typeof node['title'] === 'string' ? node['title'] : path;
}
