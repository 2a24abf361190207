/** Label renderers (UI schema `Label`: static text). */
import type { RendererEntry } from '../../dispatch.js';
import { labelRenderer } from './label-renderer.js';

export const labels: readonly RendererEntry[] = [labelRenderer];
