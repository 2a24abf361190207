/**
 * A draft for a step the case has left (after a sync conflict, docs/decisions/0008-sync-conflicts.md): a case stored
 * in a real IndexedDB store past its decision, and the losing device's DECIDE draft. `<hoso-procedure>` does not open
 * it as a form nor show an error: the case page lists it under a notice (vi/en, axe-clean); "View" shows its answers
 * read-only; "Delete" asks first, "Keep it" keeps it, and confirming removes it from the store.
 */
import { expect } from '@open-wc/testing';
import { openCaseStore, type CaseRecord, type CaseStore, type Draft } from '@hoso/case-store';
import type { Case } from '@hoso/workflow';
import registration from '../../../../schemas/voluntary-rehab/registration/fixtures/valid-community.json';
import decision from '../../../../schemas/voluntary-rehab/decision/fixtures/valid.json';
import type { HosoProcedure } from './hoso-procedure.js';
import { builtinProcedures } from './content.js';
import '../index.js';
import { mountProcedure, q, untilWithin } from './test-utils/procedure-fixture.js';

const NOW = '2026-07-16T09:00:00+07:00';

const until = untilWithin(10000);

const text = (el: Element | null): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** A voluntary-rehab case registered and decided (by whoever the procedure lets), stored on the device. */
async function decidedCase(store: CaseStore): Promise<Case> {
  const { runtime } = await builtinProcedures('voluntary-rehab');
  let c = runtime.createCase({ id: crypto.randomUUID(), person: {}, at: '2026-07-13T09:00:00+07:00' });
  const steps: Array<[string, unknown, string]> = [
    ['REGISTER', registration, '2026-07-13T09:00:00+07:00'],
    ['DECIDE', decision, '2026-07-15T09:00:00+07:00'],
  ];
  for (const [type, data, at] of steps) {
    const roles = runtime.view(c, { now: at }).allowedEvents.find((e) => e.type === type)?.roles ?? [];
    const result = await runtime.apply(c, { type, at, by: { id: 'u-2', roles }, data });
    if (!result.ok) throw new Error(`${type} refused: ${result.refusal.message.en}`);
    c = result.case;
  }
  expect(c.state).to.equal('awaiting_contract');
  await store.putCase(c as unknown as CaseRecord, { expectedRev: 0 });
  return c;
}

/** The losing device's decision, typed for DECIDE while the case was still awaiting it. */
async function losingDraft(store: CaseStore, caseId: string): Promise<Draft> {
  return store.saveDraft(
    {
      id: `${caseId}/DECIDE`,
      caseId,
      procedure: 'voluntary-rehab',
      form: 'voluntary-rehab/decision',
      formVersion: '1',
      step: 0,
      data: { ...decision, number: '34/QĐ-UBND', signerName: 'Lê Thị Hoa' },
      rev: 0,
      updatedAt: '2026-07-15T02:30:00.000Z',
    },
    { expectedRev: 0 },
  );
}

const mount = (store: CaseStore, caseId: string, lang: string): Promise<HosoProcedure> =>
  mountProcedure({ store, caseId, lang, now: NOW, within: 10000 });

describe('<hoso-procedure> drafts for a step the case has left', () => {
  let store: CaseStore;
  beforeEach(async () => {
    store = await openCaseStore({ name: `stale-${crypto.randomUUID()}` });
  });
  afterEach(() => store.close());

  it('(en) lists the draft under a notice instead of an error; View shows its answers; Delete asks, then removes it', async () => {
    const c = await decidedCase(store);
    const draft = await losingDraft(store, c.id);
    const el = await mount(store, c.id, 'en');
    const notice = await until(() => q(el, '[data-kind="stale-drafts"]'), 'the notice');
    expect(text(notice.querySelector('h3'))).to.equal('Drafts for a step the case has left');
    const item = notice.querySelector<HTMLElement>(`li[data-draft="${draft.id}"]`)!;
    expect(text(item.querySelector('p'))).to.match(/^Issue the voluntary rehab decision, saved \d/);
    expect(q(el, 'hoso-form'), 'no form opened for the step the case has left').to.equal(null);
    expect(q(el, '[role="alert"]'), 'no error').to.equal(null);
    expect(q(el, 'button[data-event="RECORD_SERVICE"]'), "the actions of the case's own step are offered").to.not.equal(
      null,
    );
    await expect(el).to.be.accessible();

    const view = item.querySelector<HTMLButtonElement>('[data-action="view"]')!;
    view.click();
    const answers = await until(() => item.querySelector('[data-draft-answers]'), 'the answers');
    expect(view.getAttribute('aria-expanded')).to.equal('true');
    expect(text(answers.querySelector('[data-path="number"] dd'))).to.equal('34/QĐ-UBND');
    expect(text(answers)).to.contain('Lê Thị Hoa');
    expect(answers.querySelector('button'), 'read-only: no Change links').to.equal(null);
    await expect(el).to.be.accessible();

    item.querySelector<HTMLButtonElement>('[data-action="delete"]')!.click();
    const confirm = await until(() => item.querySelector<HTMLElement>('[data-confirm]'), 'the confirmation');
    expect(text(confirm)).to.contain('cannot be recovered');
    expect(el.shadowRoot!.activeElement?.getAttribute('data-action')).to.equal('confirm');
    expect(await store.getDraft(draft.id), 'asking deletes nothing').to.not.equal(undefined);
    confirm.querySelector<HTMLButtonElement>('[data-action="confirm"]')!.click();
    await until(async () => !(await store.getDraft(draft.id)), 'the draft to be deleted');
    await until(() => !q(el, '[data-kind="stale-drafts"]'), 'the notice to go');
    expect(text(q(el, '.work [role="status"]'))).to.contain('Deleted the draft “Issue the voluntary rehab decision”');
  });

  it('(vi) the notice in Vietnamese; "Giữ lại" keeps the draft; a reload lists it again', async () => {
    const c = await decidedCase(store);
    const draft = await losingDraft(store, c.id);
    let el = await mount(store, c.id, 'vi');
    const notice = await until(() => q(el, '[data-kind="stale-drafts"]'), 'the notice');
    expect(text(notice.querySelector('h3'))).to.equal('Bản nháp của bước hồ sơ đã qua');
    expect(text(notice.querySelector('li p'))).to.match(/^Ra quyết định cai nghiện tự nguyện, lưu lúc /);
    notice.querySelector<HTMLButtonElement>('[data-action="delete"]')!.click();
    const keep = await until(() => notice.querySelector<HTMLButtonElement>('[data-action="keep"]'), 'Giữ lại');
    expect(text(keep)).to.equal('Giữ lại');
    keep.click();
    await until(() => !notice.querySelector('[data-confirm]'), 'the question to close');
    expect(el.shadowRoot!.activeElement?.getAttribute('data-action')).to.equal('delete');
    await expect(el).to.be.accessible();
    el.remove();
    el = await mount(store, c.id, 'vi');
    await until(() => q(el, `[data-kind="stale-drafts"] li[data-draft="${draft.id}"]`), 'the draft listed again');
    expect((await store.getDraft(draft.id))?.data).to.deep.include({ number: '34/QĐ-UBND' });
  });
});
