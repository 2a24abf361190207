/**
 * `<hoso-procedure>` against the real generated content (voluntary-rehab machine, registration form with
 * precompiled validators) and a real IndexedDB store: start a case, autosave, resume after the element is
 * gone, check-your-answers with change links, submit, a second tab, a store that cannot write.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { openCaseStore, StorageFullError, type CaseStore, type Draft } from '@hoso/case-store';
import type { HosoForm } from '@hoso/forms';
import valid from '../../../../schemas/voluntary-rehab/registration/fixtures/valid-community.json';
import decision from '../../../../schemas/voluntary-rehab/decision/fixtures/valid.json';
import type { HosoProcedure } from './hoso-procedure.js';
import type { HosoCaseSavedEvent } from '../events/procedure-events.js';
import '../index.js';
import { q, untilWithin } from './test-utils/procedure-fixture.js';

const NOW = '2026-07-06T09:00:00+07:00';
const officer = { id: 'u-1', name: 'Trần Thị Bình', roles: ['commune-officer'], communeCode: '26734' };
const chair = { id: 'u-2', name: 'Lê Văn Chủ', roles: ['commune-pc-chair'], communeCode: '26734' };

let store: CaseStore;
const stores: CaseStore[] = [];
const newStore = async (name: string): Promise<CaseStore> => {
  const s = await openCaseStore({ name });
  stores.push(s);
  return s;
};

const until = untilWithin(5000);

const formOf = (el: HosoProcedure): HosoForm | null => q<HosoForm>(el, 'hoso-form');

async function mount(
  s: CaseStore,
  user = officer,
  attrs: { caseId?: string; lang?: string } = {},
): Promise<HosoProcedure> {
  const el = await fixture<HosoProcedure>(
    html`<hoso-procedure
      procedure="voluntary-rehab"
      case-id=${attrs.caseId ?? ''}
      lang=${attrs.lang ?? 'vi'}
      now=${NOW}
      .user=${user}
      .store=${s}
    ></hoso-procedure>`,
  );
  await until(() => q(el, '.header h2'), 'the procedure to load');
  return el;
}

async function openRegister(el: HosoProcedure): Promise<HosoForm> {
  q(el, 'button[data-event="REGISTER"]')!.click();
  const form = await until(() => formOf(el), 'the registration form');
  await form.updateComplete;
  return form;
}

describe('<hoso-procedure>', () => {
  beforeEach(async () => {
    store = await newStore(`proc-${crypto.randomUUID()}`);
  });
  afterEach(() => {
    for (const s of stores.splice(0)) s.close();
  });

  it('starts a new case: header, step list, the actions of the officer’s roles; axe-clean in vi and en', async () => {
    const el = await mount(store);
    expect(q(el, '.header h2')!.textContent).to.equal('Cai nghiện ma túy tự nguyện');
    expect([...el.shadowRoot!.querySelectorAll('[data-event]')].map((b) => b.getAttribute('data-event'))).to.include(
      'REGISTER',
    );
    await expect(el).to.be.accessible();
    el.lang = 'en';
    await el.updateComplete;
    expect(q(el, '.header h2')!.textContent).to.equal('Voluntary drug rehab');
    await expect(el).to.be.accessible();
  });

  it('saves what is typed shortly after, and a new element on the same store resumes the step with the values', async () => {
    const el = await mount(store);
    const form = await openRegister(el);
    const name = form.control('person.fullName')!;
    name.focus();
    await sendKeys({ type: 'Nguyễn Văn Tư' });
    // Typing ends; the draft saved shortly after holds all of it.
    const draft = await until(async () => {
      const [d] = await store.listDrafts({ procedure: 'voluntary-rehab' });
      return (d?.data as { person?: { fullName?: string } })?.person?.fullName === 'Nguyễn Văn Tư' && d;
    }, 'the autosaved draft');
    const saved = draft as Draft;
    expect((saved.data as { person: { fullName: string } }).person.fullName).to.equal('Nguyễn Văn Tư');
    el.remove();

    const again = await mount(store);
    const resumed = await until(() => formOf(again), 'the resumed form');
    await resumed.updateComplete;
    expect((resumed.data as { person: { fullName: string } }).person.fullName).to.equal('Nguyễn Văn Tư');
    expect(q(again, '[role="status"]')!.textContent).to.match(/khôi phục bản nháp/);
  });

  it('shows the answers to check, a change link returns to the field, and send stores the case', async () => {
    const el = await mount(store);
    const form = await openRegister(el);
    form.data = structuredClone(valid);
    await form.updateComplete;
    q(el, 'button[data-action="continue"]')!.click();
    const answers = await until(() => q(el, 'dl.answers'), 'the check-your-answers page');
    expect(answers.textContent).to.contain('Nguyễn Văn A');
    expect(answers.textContent).to.contain('01/05/1990');
    expect(q(el, '#active-h')).to.equal(el.shadowRoot!.activeElement);
    await expect(el).to.be.accessible();

    const row = q(el, 'dl.answers [data-path="person.fullName"]')!;
    row.querySelector('button')!.click();
    const back = await until(() => formOf(el), 'the form again');
    await until(
      () => back.shadowRoot!.activeElement?.getAttribute('data-path') === 'person.fullName',
      'focus on the field',
    );

    q(el, 'button[data-action="continue"]')!.click();
    await until(() => q(el, 'button[data-action="submit"]'), 'the send button');
    const saved: HosoCaseSavedEvent[] = [];
    el.addEventListener('hoso-case-saved', (e) => saved.push(e));
    q(el, 'button[data-action="submit"]')!.click();
    await until(() => saved.length, 'hoso-case-saved');
    const c = saved[0]!.caseRecord;
    expect(c.state).to.equal('awaiting_decision');
    expect(el.caseId).to.equal(c.id);
    const stored = await store.getCase(c.id);
    expect(stored!.rev).to.equal(1);
    expect(stored!.person['fullName']).to.equal('Nguyễn Văn A');
    expect(await store.listDrafts({ procedure: 'voluntary-rehab' })).to.have.length(0);
    // The officer cannot decide; the chairman can.
    expect(q(el, '[data-event="DECIDE"]')).to.equal(null);
    el.user = chair;
    await el.updateComplete;
    expect(q(el, '[data-event="DECIDE"]')).to.not.equal(null);
    expect(q(el, '.deadline')).to.not.equal(null);
  });

  it('two tabs on one case: the second hears the first, its typing conflicts visibly, and nothing is overwritten', async () => {
    const el = await mount(store);
    const form = await openRegister(el);
    form.data = structuredClone(valid);
    q(el, 'button[data-action="continue"]')!.click();
    (await until(() => q<HTMLButtonElement>(el, 'button[data-action="submit"]'), 'send')).click();
    const caseId = await until(() => el.caseId, 'the case id');
    el.remove();

    // Two tabs = two connections to the same database, each with its own element.
    const tab1 = await mount(store, chair, { caseId });
    const tab2 = await mount(await newStore(store.name), chair, { caseId });
    q(tab1, 'button[data-event="DECIDE"]')!.click();
    q(tab2, 'button[data-event="DECIDE"]')!.click();
    const f1 = await until(() => formOf(tab1), 'tab 1 form');
    const f2 = await until(() => formOf(tab2), 'tab 2 form');
    await f1.updateComplete;
    await f2.updateComplete;
    f1.control('number')!.focus();
    await sendKeys({ type: '12/QĐ-UBND' });
    await until(() => q(tab1, '.save-status[data-status="saved"]'), 'tab 1 saved its draft');
    // Tab 2 types into the same draft: its save is refused by revision, and it is told.
    f2.control('number')!.focus();
    await sendKeys({ type: '99' });
    const alert = await until(() => q(tab2, '[role="alert"][data-kind="conflict"]'), 'the conflict alert in tab 2');
    expect(alert.textContent).to.match(/thẻ hoặc cửa sổ khác/);
    expect((await store.getDraft(`${caseId}/DECIDE`))!.data).to.deep.include({ number: '12/QĐ-UBND' });
    await expect(tab2).to.be.accessible();
    // Tab 2 keeps its copy as a new draft: both copies exist, neither lost.
    (alert.querySelector('button.secondary') as HTMLElement).click();
    await until(() => /bản nháp mới/.test(q(tab2, '[role="status"]')!.textContent ?? ''), 'kept-as-draft notice');
    await until(
      async () =>
        (await store.listDrafts({ caseId })).some(
          (d) => d.id.includes('~') && (d.data as { number?: string }).number === '99',
        ),
      'the copy stored',
    );

    // Tab 1 decides: tab 2 hears it and shows the new step; its stale decision cannot be applied.
    f1.data = { ...structuredClone(decision), number: '12/QĐ-UBND' };
    q(tab1, 'button[data-action="continue"]')!.click();
    (await until(() => q<HTMLButtonElement>(tab1, 'button[data-action="submit"]'), 'send in tab 1')).click();
    await until(async () => (await store.getCase(caseId))!.rev === 2, 'the decision stored');
    await until(() => /thẻ khác/.test(q(tab2, '[role="status"]')!.textContent ?? ''), 'the remote-change notice');
    f2.data = structuredClone(decision);
    q(tab2, 'button[data-action="continue"]')!.click();
    (await until(() => q<HTMLButtonElement>(tab2, 'button[data-action="submit"]'), 'send in tab 2')).click();
    await until(
      () => q(tab2, '[role="alert"][data-kind="refused"], [role="alert"][data-kind="conflict"]'),
      'tab 2 refused',
    );
    const stored = (await store.getCase(caseId))!;
    expect(stored.rev).to.equal(2);
    expect(stored.state).to.equal('awaiting_contract');
    expect((stored.data as { decision: { number: string } }).decision.number).to.equal('12/QĐ-UBND');
  });

  it('when the store cannot write, it says so, keeps the typing and offers to export the draft', async () => {
    const full: CaseStore = Object.create(store, {
      saveDraft: { value: () => Promise.reject(new StorageFullError()) },
    });
    const el = await mount(full);
    const form = await openRegister(el);
    form.control('person.fullName')!.focus();
    await sendKeys({ type: 'Phạm Thị Dung' });
    const alert = await until(() => q(el, '[role="alert"]'), 'the storage alert');
    expect(alert.getAttribute('data-kind')).to.equal('storage');
    expect((formOf(el)!.data as { person: { fullName: string } }).person.fullName).to.equal('Phạm Thị Dung');
    expect(q(el, 'button[data-action="export"]')).to.not.equal(null);
  });
});
