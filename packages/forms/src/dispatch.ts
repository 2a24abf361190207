/**
 * Renderer registry and dispatch: picks the highest-ranked renderer for a UI schema element.
 *
 * The registry is a plain array of `{ tester, tag }`; a portal extends or overrides it by passing its
 * own array to `<hoso-form>.renderers` (e.g. `[...renderers, { tester: rankWith(10, isMyControl), tag: 'my-control' }]`).
 * `dispatch()` is a Lit directive: it creates the renderer element once, keeps it across re-renders
 * while the chosen tag stays the same, and sets its four properties (`uischema`, `schema`, `path`, `enabled`).
 */
import type { JsonSchema, RankedTester, UISchemaElement } from '@jsonforms/core';
import { nothing } from 'lit';
import { Directive, directive, PartType, type PartInfo } from 'lit/directive.js';
import type { FormStore } from './store.js';

/** One registered renderer: a tester colocated with its element, and the element's tag. */
export interface RendererEntry {
  readonly tester: RankedTester;
  readonly tag: string;
}

/** The properties every renderer element receives from its parent. */
export interface DispatchProps {
  readonly uischema: UISchemaElement;
  /** The schema `uischema.scope` resolves against (the parent's schema). */
  readonly schema: JsonSchema;
  /** The parent's data path (dotted, `''` at the root); the element composes its own from its scope. */
  readonly path: string;
  /** The parent's enabled state; `undefined` means enabled. */
  readonly enabled?: boolean | undefined;
}

/** The highest-ranked entry for a UI schema element, or undefined when no tester applies. */
export function pickRenderer(
  entries: readonly RendererEntry[],
  uischema: UISchemaElement,
  schema: JsonSchema,
  store: FormStore,
): RendererEntry | undefined {
  let best: RendererEntry | undefined;
  let bestRank = -1;
  const context = { rootSchema: store.core.schema, config: store.config };
  for (const entry of entries) {
    const rank = entry.tester(uischema, schema, context);
    if (rank > bestRank) {
      best = entry;
      bestRank = rank;
    }
  }
  return bestRank >= 0 ? best : undefined;
}

/**
 * Tester results per UI schema element object, across re-creations of its renderer (a group shown
 * again by a rule, a wizard step revisited): testers resolve schemas and are the costliest part of
 * dispatch, and their answer only depends on the element, the schema and the registry.
 */
const chosen = new WeakMap<
  UISchemaElement,
  { schema: JsonSchema; renderers: readonly RendererEntry[]; entry: RendererEntry | undefined }
>();

function choose(store: FormStore, uischema: UISchemaElement, schema: JsonSchema): RendererEntry | undefined {
  const memo = chosen.get(uischema);
  if (memo && memo.schema === schema && memo.renderers === store.renderers) return memo.entry;
  const entry = pickRenderer(store.renderers, uischema, schema, store);
  chosen.set(uischema, { schema, renderers: store.renderers, entry });
  return entry;
}

class DispatchDirective extends Directive {
  #element: (HTMLElement & { -readonly [K in keyof DispatchProps]?: DispatchProps[K] }) | undefined;
  #tag: string | undefined;
  #tested: { uischema: UISchemaElement; schema: JsonSchema; renderers: readonly RendererEntry[] } | undefined;

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.CHILD) throw new Error('dispatch() must be used in a child position');
  }

  render(store: FormStore, props: DispatchProps): unknown {
    const t = this.#tested;
    if (!t || t.uischema !== props.uischema || t.schema !== props.schema || t.renderers !== store.renderers) {
      const entry = choose(store, props.uischema, props.schema);
      this.#tested = { uischema: props.uischema, schema: props.schema, renderers: store.renderers };
      if (!entry) {
        console.error(
          `<hoso-form>: no renderer for UI schema element of type "${props.uischema.type}"` +
            ` at data path "${props.path}"`,
          props.uischema,
        );
        this.#element = undefined;
        this.#tag = undefined;
        return nothing;
      }
      if (entry.tag !== this.#tag) {
        this.#tag = entry.tag;
        this.#element = document.createElement(entry.tag);
      }
    }
    const el = this.#element;
    if (!el) return nothing;
    el.uischema = props.uischema;
    el.schema = props.schema;
    el.path = props.path;
    el.enabled = props.enabled;
    return el;
  }
}

/** Renders the best renderer element for `props.uischema`. Use in a child position of a Lit template. */
export const dispatch = directive(DispatchDirective);
