/**
 * Per-element locale for @hoso/elements, the same rule as `<hoso-form>`: `lang` on the element or its closest
 * ancestor (crossing shadow roots), `vi` when none, `en*` → `en`. No page-global setting: two elements on one
 * page may speak two languages. `LangController` re-renders its host when that `lang` changes.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export { normalizeLang, langSource, resolveLang, type Lang } from '@hoso/forms/lang';
import { langSource, resolveLang, type Lang } from '@hoso/forms/lang';

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
