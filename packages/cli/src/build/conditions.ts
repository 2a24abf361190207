/**
 * Finds the schemas of JSON Forms conditions, which are precompiled next to the form schema:
 * in a UI schema every `rule.condition`, and in a workflow machine every guard
 * `{ "type": "condition", "params": { "condition": … } }`; `AND`/`OR` conditions are followed
 * through their `conditions` arrays at any depth.
 */
import { escapePointerToken } from './build-error.js';
import type { JsonSource } from './json-source.js';

export interface FoundSchema {
  schema: unknown;
  /** Where the schema is, for error messages. */
  pointer: string;
}

/** Schemas of every rule condition in a UI schema. */
export function ruleConditionSchemas(source: JsonSource): FoundSchema[] {
  const found: FoundSchema[] = [];
  walk(source.value, '', (node, pointer) => {
    const rule = node['rule'];
    if (rule === undefined) return false;
    if (!isObject(rule) || !('condition' in rule)) throw source.error(`${pointer}/rule`, 'a rule needs a "condition"');
    collect(source, rule['condition'], `${pointer}/rule/condition`, found);
    return false; // still descend: `options.detail` may hold nested UI schemas with rules
  });
  return found;
}

/** Schemas of every `condition` guard in a workflow machine definition. */
export function guardConditionSchemas(source: JsonSource): FoundSchema[] {
  const found: FoundSchema[] = [];
  walk(source.value, '', (node, pointer) => {
    if (node['type'] !== 'condition') return false;
    const params = node['params'];
    if (!isObject(params) || !('condition' in params)) {
      throw source.error(pointer, 'a "condition" guard needs "params": { "condition": <JSON Forms condition> }');
    }
    collect(source, params['condition'], `${pointer}/params/condition`, found);
    return true;
  });
  return found;
}

function collect(source: JsonSource, condition: unknown, pointer: string, found: FoundSchema[]): void {
  if (!isObject(condition)) throw source.error(pointer, 'a condition must be an object');
  const type = condition['type'];
  if (type === 'AND' || type === 'OR') {
    const list = condition['conditions'];
    if (!Array.isArray(list) || list.length === 0) {
      throw source.error(pointer, `an ${type} condition needs a non-empty "conditions" array`);
    }
    list.forEach((c, i) => collect(source, c, `${pointer}/conditions/${i}`, found));
    return;
  }
  if (type === 'LEAF') return; // compares `expectedValue`, no schema to compile
  if (!('schema' in condition)) {
    throw source.error(pointer, 'a condition needs a "schema" (or "type": "AND" | "OR" with "conditions")');
  }
  const schema = condition['schema'];
  if (!isObject(schema) && typeof schema !== 'boolean') {
    throw source.error(`${pointer}/schema`, 'a condition "schema" must be a JSON Schema object');
  }
  found.push({ schema, pointer: `${pointer}/schema` });
}

/** Visits every object; `visit` returns true when the object's content must not be searched further. */
function walk(
  node: unknown,
  pointer: string,
  visit: (node: Record<string, unknown>, pointer: string) => boolean,
): void {
  if (Array.isArray(node)) {
    node.forEach((item, i) => walk(item, `${pointer}/${i}`, visit));
  } else if (isObject(node)) {
    if (visit(node, pointer)) return;
    for (const [k, v] of Object.entries(node)) {
      if (k === 'rule' || k === 'schema') continue; // rules are handled by the visitor; schemas hold no rules
      walk(v, `${pointer}/${escapePointerToken(k)}`, visit);
    }
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
