/**
 * Options of enum-like controls with their translated labels.
 *
 * Label lookup per option: `messages[lang]["<key>.<value>"]` → (oneOf) the option's `i18n` key →
 * `"<key>.<title>"` (JSON Forms' own convention) → the option's `title` → the value itself.
 * `<key>` is the control's i18n key (its `i18n` property, else the data path without indices).
 */
import { getI18nKeyPrefix, type JsonSchema, type Translator, type UISchemaElement } from '@jsonforms/core';

export interface Option {
  readonly value: unknown;
  readonly label: string;
}

type OptionSchema = JsonSchema & { const?: unknown; title?: string; i18n?: string };

const valueText = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

/** Options of `schema` (an `enum`, or a `oneOf`/`anyOf` of `const`s). */
export function optionsOf(
  schema: JsonSchema | undefined,
  uischema: UISchemaElement,
  path: string,
  t: Translator | undefined,
): Option[] {
  if (!schema) return [];
  const prefix = getI18nKeyPrefix(schema, uischema, path);
  const tr = (key: string): string | undefined => (t ? t(key, undefined) : undefined);
  if (Array.isArray(schema.enum)) {
    return schema.enum.map((value) => ({ value, label: tr(`${prefix}.${valueText(value)}`) ?? valueText(value) }));
  }
  const alternatives = (schema.oneOf ?? schema.anyOf ?? []) as OptionSchema[];
  return alternatives
    .filter((alt) => alt && typeof alt === 'object' && 'const' in alt)
    .map((alt) => {
      const value = alt.const;
      const label =
        tr(`${prefix}.${valueText(value)}`) ??
        (alt.i18n ? tr(alt.i18n) : undefined) ??
        (alt.title ? tr(`${prefix}.${alt.title}`) : undefined) ??
        alt.title ??
        valueText(value);
      return { value, label };
    });
}

/** Whether a schema is an enum-like choice (enum, or oneOf/anyOf made only of consts). */
export function isChoiceSchema(schema: JsonSchema | undefined): boolean {
  if (!schema || typeof schema !== 'object') return false;
  if (Array.isArray(schema.enum)) return true;
  const alts = (schema.oneOf ?? schema.anyOf) as OptionSchema[] | undefined;
  return Array.isArray(alts) && alts.length > 0 && alts.every((a) => a && typeof a === 'object' && 'const' in a);
}
