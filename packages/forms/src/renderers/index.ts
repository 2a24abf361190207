/**
 * The default renderer registry. A portal extends or overrides it:
 * `form.renderers = [...renderers, { tester: rankWith(5, myTester), tag: 'my-control' }]`.
 */
import type { RendererEntry } from '../dispatch.js';
import { arrays } from './arrays/index.js';
import { controls } from './controls/index.js';
import { layouts } from './layouts/index.js';

export const renderers: readonly RendererEntry[] = [...controls, ...layouts, ...arrays];
