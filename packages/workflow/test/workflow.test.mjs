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
register('every path of the sample procedure', pathSuite(env).cases);
