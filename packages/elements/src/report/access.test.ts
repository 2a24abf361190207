// access.ts over the one suppression rule of @hoso/reports: a report that arrives already suppressed (as
// `GET /reports` sends it to a provincial reader: counts of 1–4 persons as SUPPRESSED, -1) shows "< 5" in the table
// and its files, never "-1", whoever reads it; and the element's rule is reportAccess's.
import { expect, fixture, html } from '@open-wc/testing';
import { openCaseStore, type CaseRecord, type CaseStore } from '@hoso/case-store';
import {
  communeCountedIds,
  computeReport,
  defaultDefinitions,
  reportAccess,
  suppressReport,
  SUPPRESSED,
  type Report,
  type ReportCase,
} from '@hoso/reports';
import cases from '../../../reports/test/fixtures/cases.json';
import './hoso-report.js';
import type { HosoReport } from './hoso-report.js';
import type { HosoReportExportEvent } from './export.js';
import { accessFor, hidden, type ReportUser } from './access.js';

const NOW = '2027-01-10T09:00:00+07:00';
const B = '26737';
const except = communeCountedIds(defaultDefinitions());
/** What the server sends a reader who is not the commune's own staff. */
const serverLike = (list: ReportCase[], q: Parameters<typeof computeReport>[1]): Report =>
  suppressReport(computeReport(list, q), 5, { except });

let store: CaseStore;
const name = `hoso-report-access-${crypto.randomUUID()}`;
before(async () => {
  store = await openCaseStore({ name });
  for (const c of cases as unknown as CaseRecord[]) await store.putCase({ ...c, rev: 0 }, { expectedRev: 0 });
});
after(() => {
  store.close?.();
  indexedDB.deleteDatabase(name);
});

describe('report access over @hoso/reports', () => {
  it('is reportAccess: own staff of one commune unsuppressed, everyone else suppressed', () => {
    const officer = { roles: ['commune-officer'], communeCode: B };
    const readers: Array<[ReportUser, string | undefined]> = [
      [officer, B],
      [officer, '26734'],
      [officer, undefined],
      [{ roles: ['provincial-police'], communeCode: B }, B],
      [{ roles: ['regional-court'] }, B],
    ];
    for (const [user, commune] of readers)
      expect(accessFor(user, commune), `${user.roles[0]} ${commune}`).to.deep.equal(reportAccess(user, commune));
    expect(hidden({ names: true, suppress: false }, SUPPRESSED)).to.equal(true);
    expect(hidden({ names: true, suppress: false }, 3)).to.equal(false);
  });

  it('shows a report suppressed upstream as "< 5" in the table and the CSV, never -1', async () => {
    const el = await fixture<HosoReport>(
      html`<hoso-report
        lang="en"
        now=${NOW}
        .user=${{ roles: ['commune-officer'], communeCode: B }}
        .store=${store}
        .compute=${serverLike}
      ></hoso-report>`,
    );
    await el.updateComplete;
    await el.reportComplete;
    await el.updateComplete;
    const report = el.currentReport!;
    const marked = report.indicators.filter((i) => i.numerator === SUPPRESSED || i.denominator === SUPPRESSED);
    expect(marked.length).to.be.greaterThan(0);
    for (const i of marked) {
      const cells = [...el.shadowRoot!.querySelectorAll(`tr[data-indicator="${i.id}"] td`)].map((td) =>
        td.textContent!.replace(/\s+/g, ' ').trim(),
      );
      expect(cells.slice(0, 3), i.id).to.include('< 5');
    }
    expect(el.shadowRoot!.querySelector('table.r1')!.textContent).to.not.match(/(^|[^\d])-1([^\d]|$)/);
    const files: HosoReportExportEvent['detail'][] = [];
    el.addEventListener('hoso-report-export', (e) => {
      e.preventDefault();
      files.push(e.detail);
    });
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[data-export="csv"]')!.click();
    for (let i = 0; i < 50 && !files.length; i += 1) await new Promise((r) => setTimeout(r, 100));
    const csv = await files[0]!.blob.text();
    expect(csv).to.contain('< 5');
    expect(csv.split('\r\n').flatMap((l) => l.split(','))).to.not.include('-1');
  });
});
