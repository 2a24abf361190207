/**
 * Per-element locale resolution: `lang` on the element or its closest ancestor, crossing shadow roots.
 * No page-global state: two forms on one page may speak two languages. Dependency-free, so other packages
 * (`@hoso/elements`) import it through `@hoso/forms/lang` without loading the form renderers.
 */

/** The languages hoso ships complete. `vi` is the default. */
export type Lang = 'vi' | 'en';

/** Maps any BCP 47 tag to a supported language: `en*` → `en`, everything else → `vi`. */
export function normalizeLang(tag: string | null | undefined): Lang {
  return tag && /^en\b/i.test(tag.trim()) ? 'en' : 'vi';
}

/** The element carrying the `lang` that applies to `el` (itself or an ancestor), or undefined. */
export function langSource(el: Element): Element | undefined {
  let node: Node | null = el;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return node;
    node = node.parentNode instanceof ShadowRoot ? node.parentNode.host : node.parentNode;
  }
  return undefined;
}

/** The language for `el`: its own or closest ancestor's `lang`, `vi` when none. */
export function resolveLang(el: Element): Lang {
  return normalizeLang(langSource(el)?.getAttribute('lang'));
}
