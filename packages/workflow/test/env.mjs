// Node side of the shared suites: the built package (dist) and the content read from disk.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as lib from '../dist/index.js';
import * as ajv from '../dist/ajv-conditions.js';
import * as graph from '@xstate/graph';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const json = (p) => JSON.parse(readFileSync(root + p, 'utf8'));
const dir = (p) =>
  readdirSync(root + p)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => json(`${p}/${f}`));

export const env = {
  lib,
  ajv,
  graph,
  laws: dir('workflows/law'),
  calendars: dir('workflows/calendars/vn'),
  overlays: dir('workflows/overlays'),
  machine: json('workflows/sample/machine.json'),
  tables: {
    deadlines: json('packages/workflow/test/cases/deadlines.json'),
    laws: json('packages/workflow/test/cases/law-selection.json'),
    refusals: json('packages/workflow/test/cases/refusals.json'),
  },
};
export { root };
