/**
 * Recording service entries through `<hoso-procedure>` (a `collect` data key, issue #8): each RECORD_SERVICE opens
 * an empty form (never the list already recorded), the answers to check show the one entry typed, and the case keeps
 * every entry, oldest first, in a real IndexedDB store; the needs assessment shows its options in both languages.
 */
import { expect } from '@open-wc/testing';
import { openCaseStore, type CaseRecord, type CaseStore } from '@hoso/case-store';

/** The stored case fields these tests read. */
type Stored = CaseRecord & { data: Record<string, unknown>; audit: { event: string }[] };
import type { HosoForm } from '@hoso/forms';
import registration from '../../../../schemas/voluntary-rehab/registration/fixtures/valid-community.json';
import service from '../../../../schemas/voluntary-rehab/service/fixtures/valid.json';
import supervision from '../../../../schemas/voluntary-rehab/service/fixtures/valid-supervision.json';
import needs from '../../../../schemas/voluntary-rehab/needs/fixtures/valid.json';
import type { HosoProcedure } from './hoso-procedure.js';
import type { HosoCaseSavedEvent } from '../events/procedure-events.js';
import '../index.js';
import { mountProcedure, q, untilWithin } from './test-utils/procedure-fixture.js';

const NOW = '2026-07-06T09:00:00+07:00';

const until = untilWithin(15000);

const mount = (store: CaseStore, lang = 'vi', caseId = ''): Promise<HosoProcedure> =>
  mountProcedure({ store, lang, caseId, now: NOW, within: 15000 });

/** Opens the event's form, sets its data, checks the answers and sends it; returns the saved case. */
async function send(el: HosoProcedure, event: string, data: unknown, check?: (answers: HTMLElement) => void) {
  (await until(() => q<HTMLButtonElement>(el, `button[data-event="${event}"]`), `the ${event} button`)).click();
  const form = await until(() => q<HosoForm>(el, 'hoso-form'), `the ${event} form`);
  await form.updateComplete;
  const opened = structuredClone(form.data);
  form.data = structuredClone(data);
  await form.updateComplete;
  q(el, 'button[data-action="continue"]')!.click();
  const answers = await until(() => q<HTMLElement>(el, 'dl.answers'), 'the check-your-answers page');
  check?.(answers);
  const saved: HosoCaseSavedEvent[] = [];
  el.addEventListener('hoso-case-saved', (e) => saved.push(e));
  (await until(() => q<HTMLButtonElement>(el, 'button[data-action="submit"]'), 'the send button')).click();
  await until(() => saved.length, `${event} saved`);
  return { opened, caseRecord: saved[0]!.caseRecord };
}

describe('<hoso-procedure> recording service entries (collect)', () => {
  let store: CaseStore;
  beforeEach(async () => {
    store = await openCaseStore({ name: `records-${crypto.randomUUID()}` });
  });
  afterEach(() => store.close());

  it('each service entry starts from an empty form and is appended to the case, oldest first', async () => {
    const el = await mount(store);
    const registered = await send(el, 'REGISTER', registration);
    expect(registered.caseRecord.state).to.equal('awaiting_decision');

    const first = await send(el, 'RECORD_SERVICE', service, (answers) => {
      expect(answers.textContent).to.contain('Tư vấn, hỗ trợ tâm lý');
      expect(answers.textContent).to.contain('Trạm Y tế xã Tân Định');
      expect(answers.textContent).to.contain('12/05/2026');
    });
    expect(first.opened, 'the first entry starts empty').to.deep.equal({});
    expect(first.caseRecord.data['services']).to.deep.equal([service]);

    const second = await send(el, 'RECORD_SERVICE', supervision, (answers) => {
      expect(answers.textContent).to.contain('Quản lý, giám sát, giúp đỡ');
      expect(answers.textContent, 'only the entry being recorded is shown').to.not.contain('Trạm Y tế xã Tân Định');
    });
    expect(second.opened, 'the second entry starts empty, not with the list').to.deep.equal({});
    expect(second.caseRecord.state).to.equal('awaiting_decision');

    const stored = await store.getCase<Stored>(second.caseRecord.id);
    expect(stored!.data['services']).to.deep.equal([service, supervision]);
    expect(stored!.audit.map((a) => a.event)).to.deep.equal(['REGISTER', 'RECORD_SERVICE', 'RECORD_SERVICE']);
  });

  it('the needs assessment, in English, shows the options chosen and keeps the latest assessment', async () => {
    const el = await mount(store, 'en');
    const { caseRecord } = await send(el, 'REGISTER', registration);
    await send(el, 'ASSESS_NEEDS', needs, (answers) => {
      expect(answers.textContent).to.contain('Vocational training, A job');
      expect(answers.textContent).to.contain('Eligible');
    });
    await expect(el).to.be.accessible();
    const again = await send(el, 'ASSESS_NEEDS', { needs: [], assessedOn: '2026-10-20' });
    expect(again.opened, 'a new assessment starts empty').to.deep.equal({});
    const stored = await store.getCase<Stored>(caseRecord.id);
    expect(stored!.data['needs']).to.deep.equal({ needs: [], assessedOn: '2026-10-20' });
  });
});
