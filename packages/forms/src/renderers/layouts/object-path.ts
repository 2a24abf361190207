/**
 * The data object a UI schema layout fills in: the longest common parent path of the controls inside it
 * (`manager.fullName`, `manager.position` → `manager`). A Group over a nested object uses it to show the
 * object's own errors (a missing required object, an object-level `if`/`dependentRequired` …), which no control
 * has. Undefined when the layout's controls share no parent below the form's root.
 */
import { composePaths, toDataPath, type UISchemaElement } from '@jsonforms/core';

const cache = new WeakMap<UISchemaElement, Map<string, string | undefined>>();

/** The data paths of the controls in a UI schema element (layouts walked), composed on `base`. */
export function controlPaths(element: UISchemaElement, base: string, out: string[] = []): string[] {
  const scope = (element as { scope?: unknown }).scope;
  if (element.type === 'Control' && typeof scope === 'string') {
    out.push(composePaths(base, toDataPath(scope)));
    return out;
  }
  const elements = (element as { elements?: unknown }).elements;
  if (Array.isArray(elements)) for (const child of elements as UISchemaElement[]) controlPaths(child, base, out);
  return out;
}

/** The index of the category (of the first Categorization in `root`) holding a control for `path`, if any. */
export function categoryOf(root: UISchemaElement, path: string): number | undefined {
  if (root.type === 'Categorization') {
    const categories = (root as { elements?: UISchemaElement[] }).elements ?? [];
    const holds = (p: string): boolean => p === path || path.startsWith(`${p}.`) || p.startsWith(`${path}.`);
    const index = categories.findIndex((c) => controlPaths(c, '').some(holds));
    return index < 0 ? undefined : index;
  }
  for (const child of (root as { elements?: UISchemaElement[] }).elements ?? []) {
    const found = categoryOf(child, path);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The common parent data path of the controls in `layout` (rendered at `base`), or undefined. */
export function layoutObjectPath(layout: UISchemaElement, base: string): string | undefined {
  let perBase = cache.get(layout);
  if (!perBase) cache.set(layout, (perBase = new Map()));
  if (perBase.has(base)) return perBase.get(base);
  const paths: string[] = [];
  controlPaths(layout, base, paths);
  let common: string[] | undefined;
  for (const path of paths) {
    const parent = path.split('.').slice(0, -1);
    if (!common) {
      common = parent;
      continue;
    }
    let n = 0;
    while (n < common.length && n < parent.length && common[n] === parent[n]) n++;
    common = common.slice(0, n);
  }
  const result = common?.length ? common.join('.') : undefined;
  perBase.set(base, result);
  return result;
}
