/** Control renderers, one per file with its tester. */
import type { RendererEntry } from '../../dispatch.js';
import { textControl } from './text-control.js';

export const controls: readonly RendererEntry[] = [textControl];
