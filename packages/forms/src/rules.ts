/**
 * Which data paths a UI schema element's rule reads, so the element subscribes to exactly those.
 *
 * Condition scopes resolve like JSON Forms resolves them (`composeWithUi` against the element's
 * parent path), through AND/OR trees. A condition without scope reads the parent path itself.
 */
import { composeWithUi, type Condition, type UISchemaElement } from '@jsonforms/core';

export function ruleDependencies(uischema: UISchemaElement, parentPath: string): string[] {
  const condition = uischema.rule?.condition;
  if (!condition) return [];
  const out: string[] = [];
  const walk = (c: Condition): void => {
    const nested = (c as { conditions?: unknown }).conditions;
    if (Array.isArray(nested)) {
      for (const child of nested as Condition[]) walk(child);
      return;
    }
    const scope = (c as { scope?: unknown }).scope;
    out.push(typeof scope === 'string' ? composeWithUi({ scope }, parentPath) : parentPath);
  };
  walk(condition);
  return out;
}
