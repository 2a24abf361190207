/** Layout renderers: vertical, horizontal, group, object, categorization (wizard), and labels. */
import type { RendererEntry } from '../../dispatch.js';
import { labels } from '../labels/index.js';
import { categorizationWizard } from './categorization-wizard.js';
import { groupLayout } from './group-layout.js';
import { horizontalLayout } from './horizontal-layout.js';
import { objectRenderer } from './object-renderer.js';
import { verticalLayout } from './vertical-layout.js';

export const layouts: readonly RendererEntry[] = [
  verticalLayout,
  horizontalLayout,
  groupLayout,
  objectRenderer,
  categorizationWizard,
  ...labels,
];
