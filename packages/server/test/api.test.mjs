/** The API against PGlite (embedded PostgreSQL), in every run: see suite.mjs and adapter-suite.mjs for the scenarios. */
import { before } from 'node:test';
import { apiSuite } from './suite.mjs';
import { adapterSuite } from './adapter-suite.mjs';
import { filesSuite } from './files-suite.mjs';
import { testServer } from './support.mjs';

let s;
before(
  async (t) => {
    s = await testServer(t, { maxUploadBytes: 64 * 1024 });
  },
  { timeout: 300_000 },
);

apiSuite(() => s);
adapterSuite(() => s);
filesSuite(() => s);
