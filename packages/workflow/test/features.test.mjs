// The runtime-feature suite (lawRange, deadlines from data, sender, readable refusals) against dist in Node.
import { describe, test } from 'node:test';
import { env } from './env.mjs';
import { featureSuite } from './shared/features.mjs';

describe('runtime features', () => {
  for (const c of featureSuite(env)) test(c.name, c.run);
});
