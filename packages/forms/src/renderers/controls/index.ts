/** Control renderers, one per file with its tester. */
import type { RendererEntry } from '../../dispatch.js';
import { booleanControl } from './boolean-control.js';
import { dateControl } from './date-control.js';
import { dateTimeControl } from './date-time-control.js';
import { enumControl } from './enum-control.js';
import { multiSelectControl } from './multi-select-control.js';
import { numberControl } from './number-control.js';
import { textControl } from './text-control.js';
import { textareaControl } from './textarea-control.js';
import { timeControl } from './time-control.js';

export const controls: readonly RendererEntry[] = [
  textControl,
  textareaControl,
  numberControl,
  booleanControl,
  enumControl,
  multiSelectControl,
  dateControl,
  dateTimeControl,
  timeControl,
];
