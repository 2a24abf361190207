/**
 * Per-element locale for @hoso/elements, the same rule as `<hoso-form>`: `lang` on the element or its closest
 * ancestor (crossing shadow roots), `vi` when none, `en*` → `en`. No page-global setting: two elements on one
 * page may speak two languages. `LangController` re-renders its host when that `lang` changes.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The languages the elements ship complete. `vi` is the default. */
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

/**
 * Tracks the language of its host. It watches the host's own `lang` and the element the language comes from
 * (or `<html>`), and asks the host to update when either changes; `lang` is read at render time.
 */
export class LangController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  #observer: MutationObserver | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  get lang(): Lang {
    return resolveLang(this.#host);
  }

  hostConnected(): void {
    this.#observe();
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
  }

  #observe(): void {
    this.#observer?.disconnect();
    this.#observer = new MutationObserver(() => {
      this.#observe();
      this.#host.requestUpdate();
    });
    const options = { attributes: true, attributeFilter: ['lang'] };
    this.#observer.observe(this.#host, options);
    const source = langSource(this.#host);
    if (source && source !== this.#host) this.#observer.observe(source, options);
    if (source !== document.documentElement) this.#observer.observe(document.documentElement, options);
  }
}
