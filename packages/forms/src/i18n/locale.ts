/**
 * Per-element locale resolution: `lang` on the element or its closest ancestor, crossing shadow roots.
 * No page-global state: two forms on one page may speak two languages.
 */
import { en } from './en.js';
import type { Terms } from './terms.js';
import { vi } from './vi.js';

/** The languages `<hoso-form>` ships complete. `vi` is the default. */
export type Lang = 'vi' | 'en';

/** Form-specific strings per language, flat `key → text` (see ARCHITECTURE.md for the key convention). */
export type Messages = Partial<Record<Lang, Readonly<Record<string, string>>>>;

const TERMS: Readonly<Record<Lang, Terms>> = { vi, en };

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

/** Built-in terms for a language. */
export function termsFor(lang: Lang): Terms {
  return TERMS[lang];
}
