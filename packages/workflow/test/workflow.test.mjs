// The shared suites (same cases as the browser run), against the built package in Node.
import { describe, test } from 'node:test';
import { env } from './env.mjs';
import { deadlineSuite, definitionSuite, lawSuite, pathSuite, refusalSuite, runtimeSuite } from './shared/suites.mjs';

const register = (title, cases) =>
  describe(title, () => {
    for (const c of cases) test(c.name, c.run);
  });

register('deadlines', deadlineSuite(env));
register('law versions', lawSuite(env));
register('refusals', refusalSuite(env));
register('runtime', runtimeSuite(env));
register('definitions', definitionSuite(env));
const { paths, cases } = pathSuite(env);
describe('every path of the sample procedure', () => {
  test('the graph has paths to every state', () => {
    const reached = new Set(paths.map((p) => env.lib.stateName(p.state.value)));
    for (const s of Object.keys(env.machine.states)) if (!reached.has(s)) throw new Error(`no path reaches ${s}`);
  });
  for (const c of cases) test(c.name, c.run);
});
