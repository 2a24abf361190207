// The shared suites (same tables and assertions as the Node run), against the sources in a browser.
import * as graph from '@xstate/graph';
import * as lib from '../../src/index.js';
import * as ajv from '../../src/ajv-conditions.js';
import { deadlineSuite, definitionSuite, lawSuite, pathSuite, refusalSuite, runtimeSuite } from '../shared/suites.mjs';
import type { SuiteEnv, TestCase } from '../shared/suites.mjs';
import { featureSuite } from '../shared/features.mjs';
import deadlines from '../cases/deadlines.json';
import lawTable from '../cases/law-selection.json';
import refusals from '../cases/refusals.json';
import law2022 from '../../../../workflows/law/2022-01-01.json';
import law202503 from '../../../../workflows/law/2025-03-01.json';
import law202507 from '../../../../workflows/law/2025-07-01.json';
import law2026 from '../../../../workflows/law/2026-07-01.json';
import cal2025 from '../../../../workflows/calendars/vn/2025.json';
import cal2026 from '../../../../workflows/calendars/vn/2026.json';
import cal2027 from '../../../../workflows/calendars/vn/2027.json';
import overlay79 from '../../../../workflows/overlays/79.json';
import machine from '../../../../workflows/sample/machine.json';

const env: SuiteEnv = {
  lib,
  ajv,
  graph,
  laws: [law2022, law202503, law202507, law2026],
  calendars: [cal2025, cal2026, cal2027],
  overlays: [overlay79],
  machine,
  tables: { deadlines, laws: lawTable, refusals },
};

function register(title: string, cases: TestCase[]): void {
  describe(title, () => {
    for (const c of cases) it(c.name, c.run);
  });
}

register('deadlines', deadlineSuite(env));
register('law versions', lawSuite(env));
register('refusals', refusalSuite(env));
register('runtime', runtimeSuite(env));
register('definitions', definitionSuite(env));
register('every path of the sample procedure', pathSuite(env).cases);
register('runtime features (lawRange, deadlines from data, sender, readable refusals)', featureSuite(env));

it('runs on Web Crypto in the browser', async () => {
  const h = await lib.sha256('abc');
  if (h !== 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad') throw new Error(`sha256: ${h}`);
});
