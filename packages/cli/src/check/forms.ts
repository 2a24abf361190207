/**
 * Form checks of `hoso check`: UI scopes and rule condition scopes resolve in the (bundled) schema,
 * required fields have a control that can be shown, and the messages: every control, layout and
 * enum value has an `en` text, every control has a `vi` text or a schema title, keys match something.
 */
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { BuildError } from '../build/build-error.js';
import type { SchemaBundler } from '../build/bundle-schema.js';
import type { FormFolder } from '../build/discover.js';
import type { JsonSource } from '../build/json-source.js';
import { at, type Problem } from './problem.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The schema at a `#/properties/a/properties/b` scope, or undefined when it points at nothing. */
export function resolveScope(schema: Obj, scope: string): Obj | undefined {
  if (!scope.startsWith('#')) return undefined;
  let node: unknown = schema;
  for (const token of scope.slice(1).split('/').filter(Boolean)) {
    if (!isObj(node)) return undefined;
    node = node[token.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return isObj(node) ? node : undefined;
}

/** `#/properties/a/properties/b` -> `a.b`: the default message key of a control. */
export function scopeKey(scope: string): string {
  return scope
    .slice(1)
    .split('/')
    .filter((t) => t && t !== 'properties')
    .join('.');
}

interface Control {
  pointer: string;
  scope: string;
  key: string;
  /** Whether the control, or a layout around it, has a rule. */
  ruled: boolean;
}

function walkUi(
  node: unknown,
  pointer: string,
  ruled: boolean,
  visit: (el: Obj, pointer: string, ruled: boolean) => void,
): void {
  if (!isObj(node)) return;
  const here = ruled || isObj(node.rule);
  visit(node, pointer, here);
  if (Array.isArray(node.elements)) node.elements.forEach((e, i) => walkUi(e, `${pointer}/elements/${i}`, here, visit));
}

/** Required properties as `#/properties/a/properties/b` scopes (objects reached through properties only). */
function requiredScopes(schema: Obj, prefix = '#'): string[] {
  const out: string[] = [];
  const props = isObj(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required) ? (schema.required as unknown[]) : [];
  for (const [name, sub] of Object.entries(props)) {
    const scope = `${prefix}/properties/${name}`;
    if (required.includes(name)) out.push(scope);
    if (isObj(sub) && required.includes(name)) out.push(...requiredScopes(sub, scope));
  }
  return out;
}

async function loadOptional(bundler: SchemaBundler, file: string): Promise<JsonSource | undefined> {
  return existsSync(file) ? bundler.load(file) : undefined;
}

export async function checkForm(form: FormFolder, bundler: SchemaBundler): Promise<Problem[]> {
  const problems: Problem[] = [];
  let schema: Obj;
  try {
    schema = (await bundler.bundle(join(form.dir, 'schema.json'))) as Obj;
  } catch (e) {
    if (!(e instanceof BuildError)) throw e;
    return [{ ...e, severity: 'error', message: e.detail }];
  }
  const schemaSource = await bundler.load(join(form.dir, 'schema.json'));
  const ui = await loadOptional(bundler, join(form.dir, 'uischema.json'));
  const vi = await loadOptional(bundler, join(form.dir, 'messages.vi.json'));
  const en = await loadOptional(bundler, join(form.dir, 'messages.en.json'));
  if (!ui) return [at(schemaSource, '', 'error', `form "${form.id}" has no uischema.json`)];

  const controls: Control[] = [];
  const usedKeys = new Set<string>();
  const needKey = (pointer: string, key: string, what: string, schemaTitle?: unknown): void => {
    usedKeys.add(key);
    if (en && !(key in (en.value as Obj)))
      problems.push(at(ui, pointer, 'error', `no "${key}" in messages.en.json (${what})`));
    if (vi && !(key in (vi.value as Obj)) && typeof schemaTitle !== 'string') {
      problems.push(at(ui, pointer, 'error', `no "${key}" in messages.vi.json and no schema title (${what})`));
    }
  };

  walkUi(ui.value, '', false, (el, pointer, ruled) => {
    if (isObj(el.rule) && isObj(el.rule.condition)) {
      const cond = el.rule.condition;
      if (typeof cond.scope === 'string' && !resolveScope(schema, cond.scope)) {
        problems.push(
          at(
            ui,
            `${pointer}/rule/condition/scope`,
            'error',
            `rule condition scope "${cond.scope}" points at nothing in schema.json`,
          ),
        );
      }
    }
    if (el.type === 'Control' && typeof el.scope === 'string') {
      const target = resolveScope(schema, el.scope);
      if (!target) {
        problems.push(at(ui, `${pointer}/scope`, 'error', `scope "${el.scope}" points at nothing in schema.json`));
        return;
      }
      const key =
        typeof el.i18n === 'string' ? el.i18n : typeof target.i18n === 'string' ? target.i18n : scopeKey(el.scope);
      controls.push({ pointer, scope: el.scope, key, ruled });
      if (el.label !== false) needKey(pointer, `${key}.label`, 'control label', target.title);
      const values = Array.isArray(target.enum)
        ? target.enum
        : Array.isArray(target.oneOf)
          ? target.oneOf.map((o) => (isObj(o) ? o.const : undefined))
          : [];
      for (const v of values) if (typeof v === 'string') needKey(pointer, `${key}.${v}`, `option "${v}"`, 'enum');
      usedKeys.add(`${key}.description`);
    } else if (typeof el.i18n === 'string') {
      needKey(pointer, `${el.i18n}.label`, `${String(el.type)} label`, el.label);
    }
  });

  for (const scope of requiredScopes(schema)) {
    const shown = controls.filter((c) => c.scope === scope || c.scope.startsWith(`${scope}/`));
    if (shown.length === 0) {
      const pointer = scope.slice(1).replace(/\/properties\/([^/]+)$/, '/required');
      problems.push(
        at(schemaSource, pointer, 'error', `required field "${scopeKey(scope)}" has no control in uischema.json`),
      );
    } else if (shown.every((c) => c.ruled) && shown.some((c) => c.scope === scope)) {
      const c = shown[0]!;
      problems.push(
        at(
          ui,
          c.pointer,
          'warning',
          `required field "${scopeKey(scope)}" is shown only under a rule: it may be hidden when needed`,
        ),
      );
    }
  }

  const paths = new Set<string>();
  const addPaths = (node: Obj, prefix: string): void => {
    for (const [name, sub] of Object.entries(isObj(node.properties) ? node.properties : {})) {
      paths.add(prefix + name);
      if (isObj(sub)) addPaths(sub, `${prefix}${name}.`);
    }
  };
  addPaths(schema, '');
  for (const messages of [vi, en]) {
    if (!messages || !isObj(messages.value)) continue;
    for (const key of Object.keys(messages.value)) {
      const owner = key.replace(/\.(label|description|error\.[^.]+)$/, '');
      const matched =
        usedKeys.has(key) ||
        paths.has(owner) ||
        [...usedKeys].some((k) => key.startsWith(`${k.replace(/\.[^.]*$/, '')}.`));
      if (!matched)
        problems.push(
          at(
            messages,
            `/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`,
            'warning',
            `message key "${key}" matches no control, layout or option`,
          ),
        );
    }
  }
  return problems;
}
