/**
 * `@hoso/forms`: importing it registers `<hoso-form>` and the default renderers.
 * For run-time schema compilation (previews, arbitrary schemas) import `@hoso/forms/runtime` instead.
 */
export { HosoForm } from './hoso-form.js';
export { renderers } from './renderers/index.js';
export { controls } from './renderers/controls/index.js';
export { layouts } from './renderers/layouts/index.js';
export { labels } from './renderers/labels/index.js';
export { arrays } from './renderers/arrays/index.js';
export { dispatch, pickRenderer, type RendererEntry, type DispatchProps } from './dispatch.js';
export { HosoControlElement, type ControlProps } from './base/control-element.js';
export { HosoLayoutElement } from './base/layout-element.js';
export { defineElement } from './base/define.js';
export { FormStore, type ValidationMode, type FieldInfo } from './store.js';
export { storeContext } from './context.js';
export { ruleDependencies } from './rules.js';
export * from './events/index.js';
export * from './i18n/index.js';
export { schemaKey, createPrecompiledAjv, MissingValidatorError } from './validation/index.js';
export type { AjvLike, ValidateFunction } from './validation/index.js';
