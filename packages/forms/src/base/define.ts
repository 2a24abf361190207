/** Registers a custom element once; a second bundle defining the same tag leaves the first in place. */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, ctor);
}
