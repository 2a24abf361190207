/** Array renderers (array of objects with add/remove/reorder). Owned by the layouts engineer. */
import type { RendererEntry } from '../../dispatch.js';

export const arrays: readonly RendererEntry[] = [];
