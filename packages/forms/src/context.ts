/**
 * The context `<hoso-form>` provides to its renderers: the form's `FormStore`.
 *
 * Provided once and never replaced (no `subscribe: true` broadcast): renderers subscribe to the store
 * for the data paths they depend on, so a keystroke wakes only the controls it concerns.
 */
import { createContext } from '@lit/context';
import type { FormStore } from './store.js';

export const storeContext = createContext<FormStore>(Symbol('hoso-form-store'));
