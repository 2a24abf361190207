/**
 * The wizard's model, apart from its element: which categories are shown (rules evaluated by JSON
 * Forms), which one a requested `step` lands on when it names a hidden category, and which fields of
 * the shown step are invalid.
 */
import {
  getControlPath,
  mapStateToLayoutProps,
  type Categorization,
  type Category,
  type JsonSchema,
  type LayoutProps,
} from '@jsonforms/core';
import type { FieldInfo, FormStore } from '../../store.js';

export interface StepInfo {
  /** Index among all categories of the UI schema (the `step` value). */
  readonly index: number;
  readonly category: Category;
  readonly props: LayoutProps;
}

/** Every category with its rule-derived props (visible, enabled, translated label). */
export function stepInfos(
  store: FormStore,
  uischema: Categorization,
  schema: JsonSchema,
  path: string,
  enabled: boolean | undefined,
): StepInfo[] {
  return (uischema.elements as Category[]).map((category, index) => ({
    index,
    category,
    props: mapStateToLayoutProps(store.state, {
      uischema: category,
      schema,
      path,
      ...(enabled === undefined ? {} : { enabled }),
    }),
  }));
}

/**
 * The category a requested step shows: itself when visible, else the next visible one after it, else
 * the closest visible one before it; `undefined` when no category is visible.
 */
export function landOn(steps: readonly StepInfo[], requested: number): StepInfo | undefined {
  const visible = steps.filter((s) => s.props.visible);
  const at = Math.max(0, Math.min(requested, steps.length - 1));
  return visible.find((s) => s.index >= at) ?? visible.filter((s) => s.index < at).pop();
}

/** The visible neighbour of `current` in direction `by`, skipping hidden categories (jsonforms#1777). */
export function neighbour(steps: readonly StepInfo[], current: number, by: -1 | 1): StepInfo | undefined {
  for (let i = current + by; i >= 0 && i < steps.length; i += by) {
    const step = steps[i];
    if (step?.props.visible) return step;
  }
  return undefined;
}

export interface StepError {
  readonly path: string;
  readonly field: FieldInfo;
  readonly target: HTMLElement;
  readonly text: string;
}

/**
 * The rendered fields inside `panel` (the shown step; hidden fields render nothing and are skipped),
 * and the step's errors in document order: those of its fields, and those on an enclosing object the
 * step fills in (`required` of a missing `applicant` while the step shows `applicant.role`), linked to
 * the first such field.
 */
export function fieldsIn(store: FormStore, panel: Element): { paths: string[]; errors: StepError[] } {
  const paths: string[] = [];
  const errors: StepError[] = [];
  for (const [path, field] of store.fields) {
    const target = field.element();
    if (!target || !panel.contains(target)) continue;
    paths.push(path);
    if ((target as Partial<HTMLInputElement>).disabled === true) continue; // cannot be fixed here: not blocking
    const error = field.error();
    if (error) errors.push({ path, field, target, text: `${field.label()}: ${error}` });
  }
  const own = new Set(paths);
  const { translate, translateError } = store.state.jsonforms.i18n ?? {};
  const seen = new Set<string>();
  for (const error of store.errors) {
    const path = String(getControlPath(error));
    if (!path || own.has(path) || seen.has(path)) continue;
    // A missing object's fields show their own errors (missing-objects.ts): list those, not the object again.
    if (errors.some((e) => e.path.startsWith(`${path}.`))) continue;
    const inner = paths.find((p) => p.startsWith(`${path}.`));
    const field = inner === undefined ? undefined : store.fields.get(inner);
    const target = field?.element();
    if (!field || !target || inner === undefined) continue;
    seen.add(path);
    const text = translate && translateError ? translateError(error, translate) : String(error.message);
    errors.push({ path: inner, field, target, text: `${field.label()}: ${text}` });
  }
  errors.sort((a, b) =>
    a.target === b.target
      ? a.path.length - b.path.length
      : a.target.compareDocumentPosition(b.target) & Node.DOCUMENT_POSITION_FOLLOWING
        ? -1
        : 1,
  );
  return { paths, errors };
}
