/** Layout renderers (vertical, horizontal, group, categorization, label). Owned by the layouts engineer. */
import type { RendererEntry } from '../../dispatch.js';
import { verticalLayout } from './vertical-layout.js';

export const layouts: readonly RendererEntry[] = [verticalLayout];
