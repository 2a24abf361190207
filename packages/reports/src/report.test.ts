/**
 * The engine in a real browser, over a real IndexedDB: the fixture cases (made by the runtime, see
 * test/fixtures/make-cases.mjs) are stored with @hoso/case-store, listed back, and the report computed from what
 * the store returns must give the numbers computed by hand in test/fixtures/expected.json — the same numbers the
 * Node tests and the server check.
 */
import { expect } from '@open-wc/testing';
import { openCaseStore, type CaseRecord, type CaseStore } from '@hoso/case-store';
import { computeReport } from './index.js';
import type { ReportCase, ReportQuery } from './types.js';
import cases from '../test/fixtures/cases.json';
import expected from '../test/fixtures/expected.json';

interface Want {
  numerator: number;
  denominator: number | null;
  value: number | null;
  met?: boolean | null;
  why: string;
}
interface ExpectedQuery {
  name: string;
  query: ReportQuery;
  persons?: number;
  casesRead?: number;
  indicators: Record<string, Want>;
  flows?: unknown[];
}

describe('@hoso/reports in the browser, over IndexedDB', () => {
  let store: CaseStore;
  const name = `hoso-reports-${crypto.randomUUID()}`;
  let stored: ReportCase[] = [];

  before(async () => {
    store = await openCaseStore({ name });
    for (const c of cases as unknown as CaseRecord[]) await store.putCase({ ...c, rev: 0 }, { expectedRev: 0 });
    stored = (await store.listCases()) as unknown as ReportCase[];
  });
  after(() => {
    store.close?.();
    indexedDB.deleteDatabase(name);
  });

  it('lists every fixture case back from the store', () => {
    expect(stored.map((c) => c.id).sort()).to.deep.equal((cases as Array<{ id: string }>).map((c) => c.id).sort());
  });

  for (const q of (expected as unknown as { queries: ExpectedQuery[] }).queries) {
    it(`${q.name}: the numbers computed by hand`, () => {
      const r = computeReport(stored, q.query);
      for (const [id, want] of Object.entries(q.indicators)) {
        const got = r.indicators.find((i) => i.id === id);
        expect(got, id).to.exist;
        expect([got!.numerator, got!.denominator, got!.value], `${id}: ${want.why}`).to.deep.equal([
          want.numerator,
          want.denominator,
          want.value,
        ]);
        if (want.met !== undefined) expect(got!.met, `${id} met`).to.equal(want.met);
      }
      if (q.persons !== undefined) expect(r.persons).to.equal(q.persons);
      if (q.casesRead !== undefined) expect(r.casesRead).to.equal(q.casesRead);
      if (q.flows) expect(r.flows).to.deep.equal(q.flows);
    });
  }

  it('one commune of the store (listCases by commune) is a unit of its own', async () => {
    const inA = (await store.listCases({ communeCode: '26734' })) as unknown as ReportCase[];
    expect(inA.map((c) => c.id).sort()).to.deep.equal(['um-2', 'vr-4', 'vr-9']);
    const r = computeReport(stored, { from: '2026-07-01', to: '2026-12-31', communes: ['26734'], members: true });
    const i2 = r.indicators.find((i) => i.id === 'I2')!;
    // P1 registered in B but lives in A since 28/08; P2 registered in A but moved to D on 06/03.
    expect(i2.members!.denominator.map((p) => p.fullName).sort()).to.deep.equal(['Lê Thị Hoa', 'Đỗ Văn Dũng']);
  });
});
