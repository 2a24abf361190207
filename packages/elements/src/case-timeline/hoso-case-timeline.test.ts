// <hoso-case-timeline> on the real case store (IndexedDB) with cases built by the real procedure runtime.
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
import determinationMachine from '../../../../workflows/addiction-determination/machine.json';
import compulsoryMachine from '../../../../workflows/compulsory-rehab/machine.json';
import postRehabMachine from '../../../../workflows/post-rehab/machine.json';
import determinationScenario from '../../../../examples/scenarios/addiction-determination-voluntary-addicted.json';
import compulsoryScenario from '../../../../examples/scenarios/compulsory-rehab-adult-complaint-review.json';
import postRehabScenario from '../../../../examples/scenarios/post-rehab-compulsory-two-years.json';
import { HosoCaseOpenEvent } from '../events/case-open.js';
import './hoso-case-timeline.js';
import type { HosoCaseTimeline } from './hoso-case-timeline.js';

const runtime = {
  laws: [law2022, law202503, law202507, law2026],
  calendars: [cal2025, cal2026, cal2027],
  overlays: [],
  compileCondition: ajvConditions(),
} as unknown as ConstructorParameters<typeof Procedure>[1];
const bind = (m: unknown): Procedure => new Procedure(m as MachineDefinition, runtime);
const procedures: Record<string, Procedure> = {
  'addiction-determination': bind(determinationMachine),
  'compulsory-rehab': bind(compulsoryMachine),
  'post-rehab': bind(postRehabMachine),
};

interface Scenario {
  procedure: string;
  events: CaseEvent[];
}

/** Runs every event of a scenario (refusals leave the case as it was) for `person`; `shift` moves dates. */
async function runCase(
  scenario: Scenario,
  person: Record<string, unknown>,
  shift: (at: string) => string = (at) => at,
): Promise<Case> {
  const proc = procedures[scenario.procedure]!;
  let c = proc.createCase({ person, at: shift(scenario.events[0]!.at) });
  for (const event of scenario.events) {
    const r = await proc.apply(c, { ...event, at: shift(event.at) });
    if (r.ok) c = r.case;
  }
  return c;
}

// The determination of the scenario, moved to May 2026 so that it precedes the referral (June) as in life.
const toMay = (at: string) =>
  at.replace('2026-09-07', '2026-05-04').replace('2026-09-09', '2026-05-06').replace('2026-09-11', '2026-05-08');
const ID = '001090001111';
const NOW = '2028-11-02T10:00:00+07:00';
const person = (fullName: string, personalId = ID) => ({
  fullName,
  personalId,
  communeCode: '26734',
  birthDate: '1990-05-01',
});
const HOSTILE = '<img src=x onerror="window.__pwned=1">';

const names: string[] = [];
async function freshStore(): Promise<CaseStore> {
  const name = `hoso-case-timeline-${crypto.randomUUID()}`;
  names.push(name);
  return openCaseStore({ name });
}
const put = (store: CaseStore, c: Case) => store.putCase(c as unknown as CaseRecord, { expectedRev: 0 });

async function until(check: () => boolean, what: string, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const items = (el: HosoCaseTimeline) => [...el.shadowRoot!.querySelectorAll<HTMLLIElement>('ol.cases > li')];
const titles = (el: HosoCaseTimeline) => items(el).map((li) => li.querySelector('.case-title')!.textContent!.trim());

async function mount(store: CaseStore, personalId = ID, lang = 'vi'): Promise<HosoCaseTimeline> {
  const el = await fixture<HosoCaseTimeline>(
    html`<hoso-case-timeline
      lang=${lang}
      personal-id=${personalId}
      .store=${store}
      .procedures=${procedures}
      now=${NOW}
    ></hoso-case-timeline>`,
  );
  await until(() => items(el).length > 0 || !!el.shadowRoot!.querySelector('.empty'), 'the timeline to load');
  return el;
}

describe('<hoso-case-timeline>', () => {
  let store: CaseStore;
  let det: Case;
  let comp: Case;
  let post: Case;
  let stranger: Case;
  before(async () => {
    det = await runCase(determinationScenario as Scenario, person('Nguyễn Văn Cường'), toMay);
    comp = await runCase(compulsoryScenario as Scenario, person('Nguyễn Văn Cường'));
    post = await runCase(postRehabScenario as Scenario, person('Nguyễn Văn Cường'));
    stranger = await runCase(compulsoryScenario as Scenario, person('Lê Văn Khác', '001090002222'));
  });
  beforeEach(async () => {
    store = await freshStore();
    // Stored out of order: the timeline orders by when each case started.
    for (const c of [post, stranger, comp, det]) await put(store, c);
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

  it("orders one person's cases across three procedures: determination → referral → post-rehab", async () => {
    const el = await mount(store);
    expect(titles(el)).to.deep.equal([
      'Xác định tình trạng nghiện ma túy',
      'Đưa vào cơ sở cai nghiện bắt buộc',
      'Quản lý sau cai nghiện ma túy',
    ]);
    expect(items(el).map((li) => li.dataset['caseId'])).to.deep.equal([det.id, comp.id, post.id]);
    expect(el.shadowRoot!.querySelector('[role="heading"][aria-level="2"]')!.textContent).to.contain(
      'Nguyễn Văn Cường',
    );
    expect(el.shadowRoot!.textContent).not.to.contain('Lê Văn Khác');
  });

  it('shows each case: dates, steps from its audit with who acted, current step, status and documents', async () => {
    const el = await mount(store);
    const [d, c, p] = items(el);
    // Determination: 4 accepted events, the result issued, still active.
    const detSteps = [...d!.querySelectorAll('ol.steps > li')];
    expect(detSteps).to.have.length(det.audit.length).and.to.have.length(5);
    expect(detSteps[0]!.textContent).to.contain('04/05/2026 08:00').and.contain('Tiếp nhận đề nghị');
    expect(detSteps[0]!.textContent).to.contain('doctor-1');
    expect(d!.querySelector('.meta')!.textContent).to.contain('Hồ sơ 1/3').and.contain('Đang giải quyết');
    expect(d!.querySelector('ul.documents')!.textContent).to.contain('Phiếu kết quả xác định tình trạng nghiện');
    // Referral: the step sent from a nested state takes its title from the parent state's meta.
    const compText = c!.querySelector('ol.steps')!.textContent!;
    expect(compText).to.contain('Quản lý người bị đề nghị trong thời gian lập hồ sơ').and.contain('police-1');
    expect(c!.querySelectorAll('ol.steps > li')).to.have.length(comp.audit.length);
    expect(c!.querySelectorAll('ul.documents > li')).to.have.length(comp.documents.length);
    // Post-rehab: completed, so closed.
    expect(post.status).to.equal('closed');
    expect(p!.getAttribute('part')).to.contain('case-closed');
    expect(p!.querySelector('.meta')!.textContent).to.contain('Đã kết thúc');
  });

  it('follows a case added in another tab and opens a case from the keyboard', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <button id="before">before</button>
        <hoso-case-timeline personal-id=${ID} .store=${store} .procedures=${procedures} now=${NOW}></hoso-case-timeline>
      </div>`,
    );
    const el = wrapper.querySelector('hoso-case-timeline')!;
    await until(() => items(el).length === 3, 'the timeline to load');
    const other = await openCaseStore({ name: store.name });
    try {
      const later = await runCase(compulsoryScenario as Scenario, person('Nguyễn Văn Cường'), (at) =>
        at.replace(/^2026-/, '2027-'),
      );
      await put(other, later);
      await until(() => items(el).length === 4, 'the case written in the other tab');
      // Started in 2027: after the post-rehab case (October 2026).
      expect(items(el)[3]!.dataset['caseId']).to.equal(later.id);
    } finally {
      other.close();
    }
    const opened: HosoCaseOpenEvent[] = [];
    wrapper.addEventListener('hoso-case-open', (e) => opened.push(e));
    wrapper.querySelector<HTMLButtonElement>('#before')!.focus();
    await sendKeys({ press: 'Tab' });
    const focused = el.shadowRoot!.activeElement as HTMLButtonElement;
    expect(focused.textContent).to.equal('Mở hồ sơ Xác định tình trạng nghiện ma túy');
    await sendKeys({ press: 'Enter' });
    expect(opened.map((e) => [e.caseId, e.procedure])).to.deep.equal([[det.id, 'addiction-determination']]);
  });

  it('says when no person is chosen and when the person has no case', async () => {
    const none = await mount(store, '');
    expect(none.shadowRoot!.querySelector('.empty')!.textContent).to.contain('Chưa chọn người');
    const nobody = await mount(store, '079000000000', 'en');
    expect(nobody.shadowRoot!.querySelector('.empty')!.textContent).to.equal(
      'There are no cases of this person on this device.',
    );
    expect(nobody.matches(':state(empty)')).to.equal(true);
  });

  it('shows a hostile name as text', async () => {
    const id = '001090003333';
    await put(store, await runCase(compulsoryScenario as Scenario, person(HOSTILE, id)));
    const el = await mount(store, id);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[role="heading"]')!.textContent).to.contain(HOSTILE);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  for (const lang of ['vi', 'en']) {
    it(`is axe-clean in ${lang}`, async function () {
      this.timeout(30000); // axe on WebKitGTK under load
      const el = await mount(store, ID, lang);
      if (lang === 'en') {
        expect(titles(el)).to.deep.equal([
          'Addiction status determination',
          'Compulsory rehab referral',
          'Post-rehab management',
        ]);
        expect(items(el)[2]!.querySelector('.meta')!.textContent).to.contain('Case 3 of 3').and.contain('Closed');
      }
      await expect(el).to.be.accessible();
    });
  }
});
