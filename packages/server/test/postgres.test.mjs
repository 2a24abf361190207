/**
 * The same API scenarios (suite.mjs) against a real PostgreSQL server: a throwaway cluster (initdb + pg_ctl
 * on a free loopback port) when Debian's binaries are installed; skipped with the reason otherwise.
 */
import { before, after, test } from 'node:test';
import { apiSuite } from './suite.mjs';
import { adapterSuite } from './adapter-suite.mjs';
import { filesSuite } from './files-suite.mjs';
import { startPostgres, testServer } from './support.mjs';

const pg = await startPostgres();

if (pg.skip) {
  test('PostgreSQL server', { skip: pg.skip }, () => {});
} else {
  let s;
  before(
    async (t) => {
      s = await testServer(t, { databaseUrl: pg.url, maxUploadBytes: 64 * 1024 });
    },
    { timeout: 300_000 },
  );
  after(() => pg.stop());
  apiSuite(() => s);
  adapterSuite(() => s);
  filesSuite(() => s);
}
