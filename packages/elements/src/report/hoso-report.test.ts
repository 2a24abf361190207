// <hoso-report> over a real IndexedDB case store holding the indicator fixture cases of @hoso/reports (made by the
// real runtime from the example scenarios), computed by the real engine in the browser.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { openCaseStore, type CaseRecord, type CaseStore } from '@hoso/case-store';
import { computeReport, type Report, type ReportCase } from '@hoso/reports';
import cases from '../../../reports/test/fixtures/cases.json';
import './hoso-report.js';
import type { HosoReport } from './hoso-report.js';
import type { HosoReportExportEvent } from './export.js';

const NOW = '2027-01-10T09:00:00+07:00';
const A = '26734';
const B = '26737';

const names: string[] = [];
let store: CaseStore;
before(async () => {
  const name = `hoso-report-${crypto.randomUUID()}`;
  names.push(name);
  store = await openCaseStore({ name });
  for (const c of cases as unknown as CaseRecord[]) await store.putCase({ ...c, rev: 0 }, { expectedRev: 0 });
});
after(async () => {
  store.close?.();
  for (const n of names) indexedDB.deleteDatabase(n);
});

type User = { roles: string[]; communeCode?: string };
const officerB: User = { roles: ['commune-officer'], communeCode: B };
const police: User = { roles: ['provincial-police-director'] };
const chair: User = { roles: ['provincial-pc-chair'] };

async function mount(user: User, lang = 'vi'): Promise<HosoReport> {
  const el = await fixture<HosoReport>(
    html`<hoso-report lang=${lang} now=${NOW} .user=${user} .store=${store}></hoso-report>`,
  );
  await settle(el);
  return el;
}

async function settle(el: HosoReport): Promise<void> {
  await el.updateComplete;
  await el.reportComplete;
  await el.updateComplete;
}

const percent = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const root = (el: HosoReport): ShadowRoot => el.shadowRoot!;
const row = (el: HosoReport, id: string): HTMLTableRowElement =>
  root(el).querySelector<HTMLTableRowElement>(`tr[data-indicator="${id}"]`)!;
const cellTexts = (tr: HTMLTableRowElement): string[] =>
  [...tr.querySelectorAll('td')].map((td) => td.textContent!.replace(/\s+/g, ' ').trim());

async function choose(el: HosoReport, id: string, value: string): Promise<void> {
  const select = root(el).querySelector<HTMLSelectElement>(`#${id}`)!;
  select.value = value;
  select.dispatchEvent(new Event('change'));
  await settle(el);
}

describe('<hoso-report>', () => {
  it('computes the last complete half-year before now from the cases in IndexedDB, for the officer’s commune', async () => {
    const el = await mount(officerB);
    const report = el.currentReport!;
    expect(report.query).to.deep.equal({ from: '2026-07-01', to: '2026-12-31', communes: [B], members: true });
    // The same engine over the same cases, straight from the fixture file: the element read them all from IndexedDB.
    const direct: Report = computeReport(cases as unknown as ReportCase[], report.query);
    expect(report.casesRead).to.equal(cases.length);
    const r1 = root(el).querySelector('table.r1')!;
    expect(r1.querySelector('caption')!.textContent).to.contain('Kết quả thực hiện chỉ tiêu, 6 tháng cuối năm 2026');
    expect(r1.querySelectorAll('thead th[scope="col"]')).to.have.length(7);
    expect(r1.querySelector('thead')!.textContent).to.contain('Kỳ trước').and.contain('6 tháng đầu năm 2026');
    const before = computeReport(cases as unknown as ReportCase[], {
      from: '2026-01-01',
      to: '2026-06-30',
      communes: [B],
    });
    expect(r1.querySelectorAll('tbody th[scope="row"]')).to.have.length(direct.indicators.length);
    for (const ind of direct.indicators) {
      const [, num, den, value, previous, met] = cellTexts(row(el, ind.id));
      const old = before.indicators.find((i) => i.id === ind.id)!;
      const oldText =
        old.value === null ? '—' : old.kind === 'ratio' ? `${percent.format(old.value)}%` : String(old.value);
      expect(previous, `${ind.id} previous`).to.equal(oldText);
      expect(num, ind.id).to.equal(String(ind.numerator));
      expect(den, ind.id).to.equal(ind.denominator === null ? '—' : String(ind.denominator));
      if (ind.kind === 'ratio' && ind.value !== null) expect(value, ind.id).to.equal(`${percent.format(ind.value)}%`);
      expect(met, ind.id).to.equal(ind.met === null ? 'Không đánh giá' : ind.met ? '✔ Đạt' : '✘ Không đạt');
    }
    expect(root(el).querySelector('[role="status"]')!.textContent).to.contain(`${cases.length} hồ sơ`);
    const notes = [...root(el).querySelectorAll('.notes li')].map((li) => li.id);
    expect(notes).to.deep.equal(direct.indicators.filter((i) => i.assumption).map((i) => `note-${i.id}`));
  });

  it('recomputes when the period or the unit changes', async () => {
    const el = await mount(police);
    expect(el.currentReport!.query.communes).to.equal(undefined);
    const h2 = el.currentReport!.indicators.find((i) => i.id === 'I2')!;
    await choose(el, 'period-half', '1');
    expect(el.currentReport!.query).to.include({ from: '2026-01-01', to: '2026-06-30' });
    const h1 = el.currentReport!.indicators.find((i) => i.id === 'I2')!;
    expect(h1.denominator).to.not.equal(h2.denominator);
    expect(root(el).querySelector('caption')!.textContent).to.contain('6 tháng đầu năm 2026');
    await choose(el, 'period-kind', 'year');
    expect(el.currentReport!.query).to.include({ from: '2026-01-01', to: '2026-12-31' });
    await choose(el, 'unit', A);
    expect(el.currentReport!.query.communes).to.deep.equal([A]);
    expect(root(el).querySelector('caption')!.textContent).to.contain(A);
    await choose(el, 'period-kind', 'quarter');
    await choose(el, 'period-quarter', '4');
    expect(el.currentReport!.query).to.include({ from: '2026-10-01', to: '2026-12-31' });
    await choose(el, 'period-kind', 'range');
    const to = root(el).querySelector<HTMLInputElement>('#period-to')!;
    to.value = '2026-01-01';
    to.dispatchEvent(new Event('change'));
    await settle(el);
    expect(root(el).querySelector('[role="alert"]')!.textContent).to.contain('Khoảng thời gian không hợp lệ');
  });

  it('compares the targets of a chosen plan, and reports on a plan’s whole period', async () => {
    const el = await mount(police);
    await choose(el, 'plan', 'hanoi-2024');
    expect(el.currentReport!.query).to.include({ from: '2026-07-01', to: '2026-12-31', plan: 'hanoi-2024' });
    expect(el.currentReport!.definitions.plan?.id).to.equal('hanoi-2024');
    expect(root(el).querySelector('caption')!.textContent).to.contain('96/KH-UBND');
    await choose(el, 'period-kind', 'plan');
    await choose(el, 'period-plan', 'dong-nai-2023-2025');
    expect(el.currentReport!.query).to.include({ from: '2023-01-01', to: '2025-12-31', plan: 'dong-nai-2023-2025' });
  });

  it('says so in an alert when the cases cannot be read', async () => {
    const failing = new Proxy(store, {
      get: (target, key) =>
        key === 'listCases' ? () => Promise.reject(new Error('disk full')) : (Reflect.get(target, key) as unknown),
    });
    const el = await fixture<HosoReport>(
      html`<hoso-report lang="en" now=${NOW} .user=${police} .store=${failing}></hoso-report>`,
    );
    await settle(el);
    const alert = root(el).querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('The report could not be computed').and.contain('disk full');
    expect(root(el).querySelector('table.r1')).to.equal(null);
  });

  it('follows the store: a case saved after the report is shown recomputes it', async () => {
    const name = `hoso-report-live-${crypto.randomUUID()}`;
    names.push(name);
    const live = await openCaseStore({ name });
    for (const c of cases as unknown as CaseRecord[]) await live.putCase({ ...c, rev: 0 }, { expectedRev: 0 });
    const el = await fixture<HosoReport>(
      html`<hoso-report lang="vi" now=${NOW} .user=${officerB} .store=${live}></hoso-report>`,
    );
    await settle(el);
    const before = el.currentReport!.indicators.find((i) => i.id === 'I2')!.denominator!;
    const source = (cases as unknown as CaseRecord[]).find((c) => c.id === 'vr-3')!;
    const person = { ...source.person, fullName: 'Người Mới Lưu', personalId: '079095009999' };
    await live.putCase({ ...structuredClone(source), id: 'vr-new', person, rev: 0 }, { expectedRev: 0 });
    for (let i = 0; i < 50 && el.currentReport!.indicators.find((x) => x.id === 'I2')!.denominator === before; i += 1)
      await new Promise((r) => setTimeout(r, 50));
    await settle(el);
    expect(el.currentReport!.indicators.find((i) => i.id === 'I2')!.denominator).to.equal(before + 1);
    expect(cellTexts(row(el, 'I2'))[2]).to.equal(String(before + 1));
    live.close?.();
  });

  it('keeps the commune’s own staff on their commune, as the server does', async () => {
    const el = await mount(officerB);
    const units = [...root(el).querySelectorAll<HTMLOptionElement>('#unit option')].map((o) => o.value);
    expect(units).to.deep.equal([B]);
    const p = await mount(police);
    const all = [...root(p).querySelectorAll<HTMLOptionElement>('#unit option')].map((o) => o.value);
    expect(all[0]).to.equal('');
    expect(all).to.include.members([A, B]);
    // The portal's role switcher: the police on the province, then a commune officer of A.
    p.user = { roles: ['commune-officer'], communeCode: A };
    await settle(p);
    expect(p.currentReport!.query)
      .to.include({ members: true })
      .and.to.deep.include({ communes: [A] });
  });

  it('asks the report server when given an endpoint, and says what went wrong', async () => {
    const el = await fixture<HosoReport>(
      html`<hoso-report lang="en" now=${NOW} .user=${police} endpoint="/no-such-server/api"></hoso-report>`,
    );
    await settle(el);
    const alert = root(el).querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('The report could not be computed');
    expect(alert.textContent).to.contain('/no-such-server/api/reports?from=2026-07-01&to=2026-12-31&members=true');
    expect(alert.textContent).to.contain('HTTP 404');
  });

  it('opens the persons behind a number with the keyboard, closes with Escape and returns focus', async () => {
    const el = await mount(officerB);
    const button = row(el, 'I2').querySelector<HTMLButtonElement>('button.drill[data-side="denominator"]')!;
    button.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const dialog = root(el).querySelector('dialog')!;
    expect(dialog.open).to.equal(true);
    const listed = [...dialog.querySelectorAll('tbody th')].map((th) => th.textContent!.trim());
    const members = el.currentReport!.indicators.find((i) => i.id === 'I2')!.members!.denominator;
    expect(listed).to.have.members(members.map((m) => m.fullName!));
    expect(listed).to.include('Phạm Văn Cường');
    expect(listed.length).to.be.greaterThan(0);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(dialog.open).to.equal(false);
    expect(root(el).activeElement?.getAttribute('data-side')).to.equal('denominator');
  });

  it('shows counts only, under-5 suppressed, to a role outside the commune’s staff; names to the provincial police', async () => {
    const el = await mount(chair);
    expect(el.currentReport!.query.members).to.equal(undefined);
    expect(root(el).querySelectorAll('button.drill')).to.have.length(0);
    const perCommune = ['I7', 'I18']; // communes counted, not persons: never suppressed
    const small = el.currentReport!.indicators.filter(
      (i) => i.numerator >= 1 && i.numerator <= 4 && !perCommune.includes(i.id),
    );
    expect(small.length).to.be.greaterThan(0);
    for (const i of small) expect(cellTexts(row(el, i.id))[1], i.id).to.equal('< 5');
    for (const id of perCommune) {
      const i = el.currentReport!.indicators.find((x) => x.id === id)!;
      expect(i.numerator, id).to.be.within(1, 4);
      expect(cellTexts(row(el, id)).slice(1, 3), id).to.deep.equal([String(i.numerator), String(i.denominator)]);
    }
    const zero = el.currentReport!.indicators.find((i) => i.numerator === 0)!;
    expect(cellTexts(row(el, zero.id))[1]).to.equal('0');
    expect(root(el).textContent).to.not.contain('Phạm Văn Cường');
    expect(root(el).querySelector('.notes')!.textContent).to.contain('số dưới 5 người không hiển thị');
    const p = await mount(police);
    expect(p.currentReport!.query.members).to.equal(true);
    expect(cellTexts(row(p, small[0]!.id))[1]).to.equal('< 5');
    expect(root(p).querySelectorAll('button.drill').length).to.be.greaterThan(0);
    const own = await mount(officerB);
    const i2 = own.currentReport!.indicators.find((i) => i.id === 'I2')!;
    expect(i2.numerator).to.be.within(1, 4);
    expect(cellTexts(row(own, 'I2'))[1]).to.equal(String(i2.numerator));
  });

  it('shows each chart as a table and its marks are focusable with their value', async () => {
    const el = await mount(officerB);
    const fig = root(el).querySelector('#chart-trend')!;
    const toggle = fig.querySelector<HTMLButtonElement>('button.toggle')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const table = fig.querySelector('table')!;
    expect(table.querySelectorAll('tbody tr')).to.have.length(el.currentReport!.flows.length);
    const marks = [...fig.querySelectorAll<SVGGElement>('g.mark')];
    expect(marks.map((m) => m.getAttribute('tabindex'))).to.deep.equal(marks.map((_, i) => (i ? '-1' : '0')));
    marks[0]!.focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(root(el).activeElement).to.equal(marks[1]);
    expect(marks[1]!.getAttribute('aria-label')).to.match(/, Quý IV\/2026: (\d+|< 5)$/);
    await sendKeys({ press: 'End' });
    expect(root(el).activeElement).to.equal(marks[marks.length - 1]);
    expect(marks.filter((m) => m.getAttribute('tabindex') === '0')).to.deep.equal([marks[marks.length - 1]]);
  });

  for (const lang of ['vi', 'en']) {
    it(`is accessible (axe) in ${lang}, charts expanded`, async function () {
      this.timeout(40000); // axe over the table, five charts and their tables, under load
      const el = await mount(officerB, lang);
      for (const b of root(el).querySelectorAll<HTMLButtonElement>('button.toggle')) b.click();
      await el.updateComplete;
      expect(root(el).querySelector('caption')!.textContent).to.contain(
        lang === 'vi' ? 'chỉ tiêu' : 'Target attainment',
      );
      await expect(el).to.be.accessible();
    });
  }

  it('exports CSV and XLSX files named by unit and period with the numbers of the table', async () => {
    const el = await mount(officerB);
    const files: HosoReportExportEvent['detail'][] = [];
    el.addEventListener('hoso-report-export', (e) => {
      e.preventDefault();
      files.push(e.detail);
    });
    const exported = async (format: string): Promise<void> => {
      const before = files.length;
      root(el).querySelector<HTMLButtonElement>(`button[data-export="${format}"]`)!.click();
      for (let i = 0; i < 50 && files.length === before; i += 1) await new Promise((r) => setTimeout(r, 100));
    };
    await exported('csv');
    await exported('xlsx');
    expect(files.map((f) => f.filename)).to.deep.equal([
      `bao-cao_${B}_2026-07-01_2026-12-31.csv`,
      `bao-cao_${B}_2026-07-01_2026-12-31.xlsx`,
    ]);
    const records = (await files[0]!.blob.text()).split('\r\n').map((l) => l.split(','));
    for (const ind of el.currentReport!.indicators) {
      const [, num, den] = cellTexts(row(el, ind.id));
      const record = records.find((r) => r[0] === ind.id);
      expect(record, ind.id).to.not.equal(undefined);
      expect(record, ind.id).to.include(num);
      if (den !== '—') expect(record, ind.id).to.include(den);
    }
    const xlsx = new Uint8Array(await files[1]!.blob.arrayBuffer());
    expect(String.fromCharCode(xlsx[0]!, xlsx[1]!)).to.equal('PK');
    expect(root(el).querySelector('.exports [role="status"]')!.textContent).to.contain('.xlsx');
  });

  it('offers files to a reader who sees counts only: counts under 5 read "< 5", no percent over them', async () => {
    const el = await mount(chair, 'en');
    const files: HosoReportExportEvent['detail'][] = [];
    el.addEventListener('hoso-report-export', (e) => {
      e.preventDefault();
      files.push(e.detail);
    });
    root(el).querySelector<HTMLButtonElement>('button[data-export="csv"]')!.click();
    for (let i = 0; i < 50 && !files.length; i += 1) await new Promise((r) => setTimeout(r, 100));
    expect(files).to.have.length(1);
    // Fields without commas (the title is the only quoted one): split after the closing quote of the title.
    const records = (await files[0]!.blob.text()).split('\r\n').map((l) => l.replace(/"[^"]*"/g, 'TITLE').split(','));
    const perCommune = ['I7', 'I18'];
    const small = el.currentReport!.indicators.filter(
      (i) =>
        !perCommune.includes(i.id) &&
        ((i.numerator >= 1 && i.numerator <= 4) || ((i.denominator ?? 0) >= 1 && (i.denominator ?? 0) <= 4)),
    );
    expect(small.length).to.be.greaterThan(0);
    for (const i of small) {
      const r = records.find((x) => x[0] === i.id)!;
      expect(r.slice(3, 5), i.id).to.include('< 5');
      expect(r.slice(5, 7), `${i.id}: no percent, no verdict`).to.deep.equal(['', '']);
    }
    for (const r of records.filter((x) => /^I\d/.test(x[0]!) && !perCommune.includes(x[0]!)))
      for (const f of r.slice(3, 5)) expect(['1', '2', '3', '4'], r.join(',')).to.not.include(f);
    expect(root(el).querySelector('button[data-print]')).to.not.equal(null);
  });
});
