// <hoso-case-list> on the real case store (IndexedDB) with cases built by the real procedure runtime.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { openCaseStore, type CaseRecord, type CaseStore } from '@hoso/case-store';
import { Procedure, type Case, type CaseEvent, type MachineDefinition } from '@hoso/workflow';
import { ajvConditions } from '@hoso/workflow/ajv';
import law2022 from '../../../../workflows/law/2022-01-01.json';
import law202503 from '../../../../workflows/law/2025-03-01.json';
import law202507 from '../../../../workflows/law/2025-07-01.json';
import law2026 from '../../../../workflows/law/2026-07-01.json';
import cal2025 from '../../../../workflows/calendars/vn/2025.json';
import cal2026 from '../../../../workflows/calendars/vn/2026.json';
import cal2027 from '../../../../workflows/calendars/vn/2027.json';
import voluntaryMachine from '../../../../workflows/voluntary-rehab/machine.json';
import determinationMachine from '../../../../workflows/addiction-determination/machine.json';
import compulsoryMachine from '../../../../workflows/compulsory-rehab/machine.json';
import voluntaryScenario from '../../../../examples/scenarios/voluntary-rehab-adult-community.json';
import determinationScenario from '../../../../examples/scenarios/addiction-determination-voluntary-addicted.json';
import compulsoryScenario from '../../../../examples/scenarios/compulsory-rehab-adult-complaint-review.json';
import { HosoCaseOpenEvent } from '../events/case-open.js';
import './hoso-case-list.js';
import type { HosoCaseList } from './hoso-case-list.js';

const runtime = {
  laws: [law2022, law202503, law202507, law2026],
  calendars: [cal2025, cal2026, cal2027],
  overlays: [],
  compileCondition: ajvConditions(),
} as unknown as ConstructorParameters<typeof Procedure>[1];
const bind = (m: unknown): Procedure => new Procedure(m as MachineDefinition, runtime);
const procedures: Record<string, Procedure> = {
  'voluntary-rehab': bind(voluntaryMachine),
  'addiction-determination': bind(determinationMachine),
  'compulsory-rehab': bind(compulsoryMachine),
};

interface Scenario {
  procedure: string;
  events: CaseEvent[];
}

/** Runs the first `count` accepted events of a scenario for a new person and returns the case. */
async function runCase(scenario: Scenario, person: Record<string, unknown>, count: number): Promise<Case> {
  const proc = procedures[scenario.procedure]!;
  let c = proc.createCase({ person, at: scenario.events[0]!.at });
  let accepted = 0;
  for (const event of scenario.events) {
    if (accepted === count) break;
    const r = await proc.apply(c, event);
    if (r.ok) {
      c = r.case;
      accepted += 1;
    }
  }
  expect(accepted, `${scenario.procedure}: accepted events`).to.equal(count);
  return c;
}

const COMMUNE = '26734';
const OTHER = '00004';
const NOW = '2026-07-14T10:00:00+07:00';
const person = (fullName: string, personalId: string, communeCode = COMMUNE) => ({
  fullName,
  personalId,
  communeCode,
  birthDate: '1990-05-01',
});
const HOSTILE = '<img src=x onerror="window.__pwned=1">';

const names: string[] = [];
async function freshStore(): Promise<CaseStore> {
  const name = `hoso-case-list-${crypto.randomUUID()}`;
  names.push(name);
  return openCaseStore({ name });
}
const put = (store: CaseStore, c: Case) => store.putCase(c as unknown as CaseRecord, { expectedRev: 0 });

/** Five cases in the user's commune, one elsewhere; statuses at NOW are in the comments. Built once. */
let built: Promise<Record<string, Case>> | undefined;
const build = async (): Promise<Record<string, Case>> => ({
  // REGISTER 13/07 → decision due Thu 16/07: on time, 2 working days left.
  a: await runCase(voluntaryScenario as Scenario, person('Nguyễn Văn A', '079090001234'), 2),
  // OPEN_DOSSIER 11/06 → dossier due 18/06: overdue (the longest).
  b: await runCase(compulsoryScenario as Scenario, person('Trần Thị Bình', '001190000111'), 1),
  // ACCEPT 22/06 → court session due 07/07: overdue.
  c: await runCase(compulsoryScenario as Scenario, person('Đặng Văn Đức', '001190000222'), 5),
  // RECEIVE_REQUEST: no running time limit.
  d: await runCase(determinationScenario as Scenario, person('Phạm Văn Cường', '079095001111'), 1),
  // NOTIFY_RESULT 10/07 → registration due Fri 17/07: on time, 3 working days left.
  e: await runCase(voluntaryScenario as Scenario, person(HOSTILE, '036185000333'), 1),
  // Another commune: never shown.
  g: await runCase(voluntaryScenario as Scenario, person('Nguyễn Văn An', '079090009999', OTHER), 2),
});

async function seed(store: CaseStore): Promise<Record<string, Case>> {
  const cases = await (built ??= build());
  await Promise.all(Object.values(cases).map((c) => put(store, c)));
  return cases;
}

async function until(check: () => boolean, what: string, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const rows = (el: HosoCaseList) => [...el.shadowRoot!.querySelectorAll<HTMLTableRowElement>('tbody tr')];
const rowNames = (el: HosoCaseList) => rows(el).map((r) => r.querySelector('th')!.textContent!.trim());
const rowIds = (el: HosoCaseList) => rows(el).map((r) => r.dataset['caseId']);
const count = (el: HosoCaseList) => el.shadowRoot!.querySelector('[role="status"]')!.textContent!.trim();

async function mount(store: CaseStore, lang = 'vi'): Promise<HosoCaseList> {
  const el = await fixture<HosoCaseList>(
    html`<hoso-case-list
      lang=${lang}
      .store=${store}
      .user=${{ id: 'u1', name: 'Lê Thị Cán Bộ', roles: ['commune-officer'], communeCode: COMMUNE }}
      .procedures=${procedures}
      now=${NOW}
    ></hoso-case-list>`,
  );
  await until(() => rows(el).length > 0 || !!el.shadowRoot!.querySelector('.empty'), 'the list to load');
  await el.updateComplete;
  return el;
}

async function search(el: HosoCaseList, text: string): Promise<void> {
  const input = el.shadowRoot!.querySelector<HTMLInputElement>('#search')!;
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await el.updateComplete;
}

describe('<hoso-case-list>', () => {
  let store: CaseStore;
  let cases: Record<string, Case>;
  beforeEach(async () => {
    store = await freshStore();
    cases = await seed(store);
  });
  afterEach(() => store.close());
  after(async () => {
    await Promise.all(
      names.map(
        (n) =>
          new Promise((resolve) => {
            const req = indexedDB.deleteDatabase(n);
            req.onsuccess = req.onerror = req.onblocked = () => resolve(undefined);
          }),
      ),
    );
  });

  it("shows only the user's commune, overdue first, then by due date, with working days", async () => {
    const el = await mount(store);
    expect(rowIds(el)).to.deep.equal([cases.b!.id, cases.c!.id, cases.a!.id, cases.e!.id, cases.d!.id]);
    expect(count(el)).to.equal('5 hồ sơ');
    const header = el.shadowRoot!.querySelector('th[aria-sort]')!;
    expect(header.getAttribute('aria-sort')).to.equal('ascending');
    expect(header.textContent).to.contain('Thời hạn tiếp theo');
    const [b, , a, e, d] = rows(el);
    expect(b!.textContent).to.contain('18/06/2026').and.contain('Quá hạn');
    expect(b!.getAttribute('part')).to.contain('row-overdue');
    expect(a!.textContent).to.contain('16/07/2026').and.contain('Trong hạn').and.contain('còn 2 ngày làm việc');
    expect(a!.textContent).to.contain('Cai nghiện ma túy tự nguyện').and.contain('Đã đăng ký, chờ quyết định');
    expect(e!.textContent).to.contain('17/07/2026').and.contain('còn 3 ngày làm việc');
    expect(d!.textContent).to.contain('Không có thời hạn đang chạy');
    expect(el.shadowRoot!.textContent).not.to.contain('Nguyễn Văn An');
  });

  it('searches names without diacritics, with đ as d, and personal IDs by prefix', async () => {
    const el = await mount(store);
    await search(el, 'nguyen van a');
    expect(rowNames(el)).to.deep.equal(['Nguyễn Văn A']);
    expect(count(el)).to.equal('Tìm thấy 1 trong 5 hồ sơ');
    await search(el, 'NGUYỄN   văn a');
    expect(rowNames(el)).to.deep.equal(['Nguyễn Văn A']);
    await search(el, 'dang duc');
    expect(rowNames(el)).to.deep.equal(['Đặng Văn Đức']);
    await search(el, 'Đặng Văn Đức'.normalize('NFD'));
    expect(rowNames(el)).to.deep.equal(['Đặng Văn Đức']);
    await search(el, '0011900');
    expect(rowNames(el)).to.deep.equal(['Trần Thị Bình', 'Đặng Văn Đức']);
    await search(el, '001190000222');
    expect(rowNames(el)).to.deep.equal(['Đặng Văn Đức']);
    await search(el, 'xyz');
    expect(rows(el)).to.have.length(0);
    expect(el.shadowRoot!.querySelector('.empty')!.textContent).to.contain('Không có hồ sơ nào phù hợp');
  });

  it('sorts by a column header button and filters by procedure and status', async () => {
    const el = await mount(store);
    const sortBy = async (key: string) => {
      el.shadowRoot!.querySelector<HTMLButtonElement>(`button[data-sort="${key}"]`)!.click();
      await el.updateComplete;
    };
    await sortBy('name');
    const byName = el.shadowRoot!.querySelector('button[data-sort="name"]')!.closest('th')!;
    expect(byName.getAttribute('aria-sort')).to.equal('ascending');
    expect(rowNames(el).slice(1)).to.deep.equal(['Đặng Văn Đức', 'Nguyễn Văn A', 'Phạm Văn Cường', 'Trần Thị Bình']);
    await sortBy('name');
    expect(byName.getAttribute('aria-sort')).to.equal('descending');
    expect(rowNames(el)[0]).to.equal('Trần Thị Bình');
    const select = async (id: string, value: string) => {
      const s = el.shadowRoot!.querySelector<HTMLSelectElement>(`#${id}`)!;
      s.value = value;
      s.dispatchEvent(new Event('change'));
      await el.updateComplete;
    };
    await sortBy('deadline');
    await select('status', 'overdue');
    expect(rowIds(el)).to.deep.equal([cases.b!.id, cases.c!.id]);
    await select('status', '');
    await select('procedure', 'voluntary-rehab');
    expect(rowIds(el)).to.deep.equal([cases.a!.id, cases.e!.id]);
  });

  it('follows writes made in another tab (a second store connection)', async () => {
    const el = await mount(store);
    const other = await openCaseStore({ name: store.name });
    try {
      const f = await runCase(compulsoryScenario as Scenario, person('Võ Thị Hạnh', '001190000333'), 1);
      await put(other, f);
      await until(() => rows(el).length === 6, 'the case written in the other tab');
      expect(rowNames(el)).to.include('Võ Thị Hạnh');
      expect(count(el)).to.equal('6 hồ sơ');
      await other.deleteCase(cases.b!.id);
      await until(() => rows(el).length === 5, 'the case deleted in the other tab');
      expect(rowNames(el)).not.to.include('Trần Thị Bình');
    } finally {
      other.close();
    }
  });

  it('works by keyboard: Tab to the search, on to a row, Enter opens the case', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <button id="before">before</button>
        <hoso-case-list
          .store=${store}
          .user=${{ id: 'u1', name: 'B', roles: [], communeCode: COMMUNE }}
          .procedures=${procedures}
          now=${NOW}
        ></hoso-case-list>
      </div>`,
    );
    const el = wrapper.querySelector('hoso-case-list')!;
    await until(() => rows(el).length === 5, 'the list to load');
    const opened: HosoCaseOpenEvent[] = [];
    wrapper.addEventListener('hoso-case-open', (e) => opened.push(e));
    wrapper.querySelector<HTMLButtonElement>('#before')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.id).to.equal('search');
    for (let i = 0; i < 20 && !el.shadowRoot!.activeElement?.matches('.open'); i += 1) await sendKeys({ press: 'Tab' });
    const focused = el.shadowRoot!.activeElement as HTMLElement;
    expect(focused.textContent!.trim()).to.equal('Trần Thị Bình');
    await sendKeys({ press: 'Enter' });
    expect(opened).to.have.length(1);
    expect(opened[0]).to.be.instanceOf(HosoCaseOpenEvent);
    expect(opened[0]!.caseId).to.equal(cases.b!.id);
    expect(opened[0]!.procedure).to.equal('compulsory-rehab');
  });

  it('shows hostile names as text', async () => {
    const el = await mount(store);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(rowNames(el)).to.include(HOSTILE);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('shows a loading state, then an empty state, and a store error as an alert', async () => {
    const empty = await freshStore();
    let release = (): void => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = new Proxy(empty, {
      get(target, key, receiver) {
        if (key === 'listCases') return async (q: object) => (await gate, target.listCases(q));
        const v = Reflect.get(target, key, receiver) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
    const el = await fixture<HosoCaseList>(html`<hoso-case-list .store=${slow} now=${NOW}></hoso-case-list>`);
    expect(count(el)).to.equal('Đang tải danh sách hồ sơ…');
    expect(el.matches(':state(loading)')).to.equal(true);
    release();
    await until(() => !!el.shadowRoot!.querySelector('.empty'), 'the empty state');
    expect(el.shadowRoot!.querySelector('.empty')!.textContent).to.contain('Chưa có hồ sơ nào');
    expect(el.matches(':state(empty)') && !el.matches(':state(loading)')).to.equal(true);
    empty.close();

    const broken = new Proxy(store, {
      get(target, key) {
        if (key === 'listCases') return () => Promise.reject(new Error('database blocked'));
        const v = Reflect.get(target, key) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
    const failed = await fixture<HosoCaseList>(html`<hoso-case-list lang="en" .store=${broken}></hoso-case-list>`);
    await until(() => !!failed.shadowRoot!.querySelector('[role="alert"]'), 'the error');
    expect(failed.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.equal(
      'The cases could not be read: database blocked',
    );
  });

  it('lists 1,000 cases a page at a time; search and sort cover every page', async () => {
    const base = cases.a!;
    const many = Array.from({ length: 1000 }, (_, i) => ({
      ...structuredClone(base),
      id: `bulk-${String(i).padStart(4, '0')}`,
      person: person(`Người Thử ${i}`, `0990${String(i).padStart(8, '0')}`),
    }));
    await Promise.all(many.map((c) => put(store, c)));
    const el = await mount(store);
    expect(count(el)).to.equal('1.005 hồ sơ');
    expect(rows(el)).to.have.length(50);
    // Overdue cases still lead the first page.
    expect(rowIds(el).slice(0, 2)).to.deep.equal([cases.b!.id, cases.c!.id]);
    const nav = el.shadowRoot!.querySelector('nav')!;
    expect(nav.textContent).to.contain('Trang 1/21');
    const [prev, next] = nav.querySelectorAll('button');
    expect(prev!.disabled).to.equal(true);
    next!.click();
    await el.updateComplete;
    expect(nav.textContent).to.contain('Trang 2/21');
    expect(rows(el)).to.have.length(50);
    expect(rowIds(el)).not.to.include(cases.b!.id);
    await search(el, 'nguoi thu 999');
    expect(rowNames(el)).to.deep.equal(['Người Thử 999']);
    expect(el.shadowRoot!.querySelector('nav')).to.equal(null);
    await search(el, '09900000099');
    expect(rowNames(el)).to.have.length(10);
  });

  it('says when `now` is not an instant and falls back to the clock', async () => {
    const el = await fixture<HosoCaseList>(
      html`<hoso-case-list
        lang="en"
        .store=${store}
        .user=${{ id: 'u1', name: 'B', roles: [], communeCode: COMMUNE }}
        .procedures=${procedures}
        now="14/07/2026"
      ></hoso-case-list>`,
    );
    await until(() => rows(el).length === 5, 'the list to load');
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent)
      .to.contain('The now attribute is not a valid instant')
      .and.contain('"14/07/2026"');
    // By the clock (after July 2026) every running limit of the seed has passed.
    expect(rows(el).filter((r) => r.getAttribute('part')!.includes('row-overdue'))).to.have.length(4);
  });

  it('shows stored facts of a case whose procedure is not given, and a case it cannot read', async () => {
    await put(store, {
      ...cases.a!,
      id: 'broken',
      snapshot: {} as Case['snapshot'],
      person: person('Hỏng Dữ Liệu', '1'),
    });
    const el = await fixture<HosoCaseList>(
      html`<hoso-case-list
        .store=${store}
        .user=${{ id: 'u1', name: 'B', roles: [], communeCode: COMMUNE }}
        .procedures=${{ 'voluntary-rehab': procedures['voluntary-rehab']! }}
        now=${NOW}
      ></hoso-case-list>`,
    );
    await until(() => rows(el).length === 6, 'the list to load');
    // Overdue first still holds from the stored due dates; the procedure id and state name stand in for titles.
    expect(rowIds(el).slice(0, 2)).to.deep.equal([cases.b!.id, cases.c!.id]);
    const b = rows(el)[0]!;
    expect(b.textContent).to.contain('compulsory-rehab').and.contain('proceedings.dossier_preparation');
    expect(b.textContent).to.contain('18/06/2026').and.contain('Quá hạn');
    const broken = rows(el).find((r) => r.dataset['caseId'] === 'broken')!;
    expect(broken.textContent).to.contain('Không đọc được hồ sơ này');
  });

  for (const lang of ['vi', 'en']) {
    it(`is axe-clean in ${lang}`, async function () {
      this.timeout(30000); // axe on WebKitGTK under load
      const el = await mount(store, lang);
      if (lang === 'en') {
        expect(count(el)).to.equal('5 cases');
        expect(rows(el)[2]!.textContent).to.contain('2 working days left');
      }
      await expect(el).to.be.accessible();
    });
  }

  it('follows the lang of its closest ancestor', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="en">
        <hoso-case-list
          .store=${store}
          .user=${{ id: 'u1', name: 'B', roles: [], communeCode: COMMUNE }}
          .procedures=${procedures}
          now=${NOW}
        ></hoso-case-list>
      </div>`,
    );
    const el = wrapper.querySelector('hoso-case-list')!;
    await until(() => rows(el).length === 5, 'the list to load');
    expect(count(el)).to.equal('5 cases');
    wrapper.setAttribute('lang', 'vi');
    await until(() => count(el) === '5 hồ sơ', 'Vietnamese');
  });
});
