/**
 * What a person sees after an event that keeps the case at its step (RECORD_SERVICE, ASSESS_NEEDS, RECEIVE_NOTICE):
 * a "Recorded …" status message (role=status) and the case's records — the services table (date, type label,
 * provider; oldest first), the latest needs assessment, the notice received — in Vietnamese and English, axe-clean.
 */
import { expect } from '@open-wc/testing';
import { openCaseStore, type CaseStore } from '@hoso/case-store';
import type { HosoForm } from '@hoso/forms';
import registration from '../../../../schemas/voluntary-rehab/registration/fixtures/valid-community.json';
import service from '../../../../schemas/voluntary-rehab/service/fixtures/valid.json';
import supervision from '../../../../schemas/voluntary-rehab/service/fixtures/valid-supervision.json';
import needs from '../../../../schemas/voluntary-rehab/needs/fixtures/valid.json';
import notice from '../../../../schemas/post-rehab/completion-notice/fixtures/valid.json';
import type { HosoProcedure } from './hoso-procedure.js';
import type { HosoCaseSavedEvent } from '../events/procedure-events.js';
import '../index.js';
import { mountProcedure, q, untilWithin } from './test-utils/procedure-fixture.js';

const NOW = '2026-07-06T09:00:00+07:00';

const until = untilWithin(15000);

const text = (el: Element | null): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

const mount = (store: CaseStore, procedure: string, lang: string): Promise<HosoProcedure> =>
  mountProcedure({ store, procedure, lang, now: NOW, within: 15000 });

async function send(el: HosoProcedure, event: string, data: unknown): Promise<void> {
  (await until(() => q<HTMLButtonElement>(el, `button[data-event="${event}"]`), `the ${event} button`)).click();
  const form = await until(() => q<HosoForm>(el, 'hoso-form'), `the ${event} form`);
  await form.updateComplete;
  form.data = structuredClone(data);
  await form.updateComplete;
  q(el, 'button[data-action="continue"]')!.click();
  await until(() => q(el, 'dl.answers'), 'the check-your-answers page');
  const saved: HosoCaseSavedEvent[] = [];
  el.addEventListener('hoso-case-saved', (e) => saved.push(e));
  (await until(() => q<HTMLButtonElement>(el, 'button[data-action="submit"]'), 'the send button')).click();
  await until(() => saved.length, `${event} saved`);
  await el.updateComplete;
}

const rows = (el: HosoProcedure): string[][] =>
  [...el.shadowRoot!.querySelectorAll('[part="records"] table tbody tr')].map((tr) =>
    [...tr.querySelectorAll('td')].map((td) => text(td)),
  );

describe('<hoso-procedure> shows what was recorded', () => {
  let store: CaseStore;
  beforeEach(async () => {
    store = await openCaseStore({ name: `records-view-${crypto.randomUUID()}` });
  });
  afterEach(() => store.close());

  it('services (vi): a status message after each, then the table lists them oldest first', async () => {
    const el = await mount(store, 'voluntary-rehab', 'vi');
    await send(el, 'REGISTER', registration);
    expect(q(el, '[part="records"]'), 'nothing on record yet').to.equal(null);
    expect(text(q(el, '[role="status"]'))).to.not.contain('Đã ghi nhận');

    await send(el, 'RECORD_SERVICE', service);
    expect(text(q(el, '[role="status"]'))).to.contain('Đã ghi nhận: Ghi nhận dịch vụ');
    await until(() => rows(el)[0]?.[1] === 'Tư vấn, hỗ trợ tâm lý', 'the service type label');
    expect(rows(el)).to.deep.equal([['12/05/2026', 'Tư vấn, hỗ trợ tâm lý', 'Trạm Y tế xã Tân Định']]);
    expect(text(q(el, '[part="records"] caption'))).to.equal('Dịch vụ hỗ trợ đã cung cấp');
    expect([...el.shadowRoot!.querySelectorAll('[part="records"] th')].map(text)).to.deep.equal([
      'Ngày',
      'Dịch vụ',
      'Nơi cung cấp',
    ]);

    await send(el, 'RECORD_SERVICE', supervision);
    await until(() => rows(el).length === 2, 'the second service');
    expect(rows(el)[0]![2]).to.equal('Trạm Y tế xã Tân Định');
    expect(rows(el)[1]![1]).to.equal('Quản lý, giám sát, giúp đỡ');
    expect(q(el, '[data-state]')!.dataset['state'], 'still at its step').to.equal('awaiting_decision');
    await expect(el).to.be.accessible();
  });

  it('needs assessment (en): "Recorded …", the latest assessment with its options in English', async () => {
    const el = await mount(store, 'voluntary-rehab', 'en');
    await send(el, 'REGISTER', registration);
    await send(el, 'ASSESS_NEEDS', needs);
    expect(text(q(el, '[role="status"]'))).to.contain('Recorded: Assess');
    const section = await until(() => q(el, '[data-record="needs"]'), 'the needs assessment');
    expect(text(q(el, '#records-h'))).to.equal('On record');
    expect(text(section)).to.contain('Vocational training, A job');
    await send(el, 'ASSESS_NEEDS', { needs: [], assessedOn: '2026-10-20' });
    await until(() => text(q(el, '[data-record="needs"]')).includes('20/10/2026'), 'the latest assessment');
    expect(text(q(el, '[data-record="needs"]'))).to.not.contain('Vocational training');
    await send(el, 'RECORD_SERVICE', service);
    await until(() => rows(el)[0]?.[1] === 'Counselling', 'the service type in English');
    await expect(el).to.be.accessible();
  });

  it('post-rehab: the notice of completion received is on the case page', async () => {
    const el = await mount(store, 'post-rehab', 'vi');
    await send(el, 'RECEIVE_NOTICE', notice);
    const section = await until(() => q(el, '[data-record="completionNotice"]'), 'the notice received');
    expect(text(section)).to.contain('215/TB-CSCN');
    expect(text(section)).to.contain('03/11/2026');
    expect(text(q(el, '[part="records"] h4'))).to.equal('Thông báo đã nhận');
    await expect(el).to.be.accessible();
  });
});
