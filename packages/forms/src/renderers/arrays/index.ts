/** Array renderers (array of objects or of primitive values, with add/remove/reorder). */
import type { RendererEntry } from '../../dispatch.js';
import { arrayControl } from './array-control.js';

export const arrays: readonly RendererEntry[] = [arrayControl];
