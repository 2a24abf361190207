// The issued documents in <hoso-procedure>: each with its number and date, and a button that asks the host page to
// open it (hoso-document-open, out of the shadow root, with the case, procedure and document); vi and en; axe-clean.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { openCaseStore, type CaseStore } from '@hoso/case-store';
import type { Case } from '@hoso/workflow';
import { fixtures } from '../../../../schemas/generated/fixtures.js';
import scenario from '../../../../examples/scenarios/drug-user-management-residence-change.json';
import cases from './cases.json';
import { builtinProcedures } from '../procedure/content.js';
import { buildDocumentCase, type DocumentCaseSpec, type ExampleScenario } from './document-cases.js';
import type { HosoProcedure } from '../procedure/hoso-procedure.js';
import type { HosoDocumentOpenEvent } from './open-event.js';
import '../index.js';

const police = { id: 'police-1', name: 'Hoàng Văn Minh', roles: ['commune-police-head'], communeCode: '26734' };
const stores: CaseStore[] = [];

async function until<T>(fn: () => T | null | undefined, what: string): Promise<T> {
  const start = performance.now();
  for (;;) {
    const v = fn();
    if (v) return v;
    if (performance.now() - start > 5000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The drug-user-management example case (decision and transfer notice issued), stored, shown to the police head. */
async function mount(lang: 'vi' | 'en', edit?: (c: Case) => void): Promise<{ el: HosoProcedure; c: Case }> {
  const spec = (cases.cases as DocumentCaseSpec[]).find((s) => s.template === 'drug-user-management/transferNotice')!;
  const c = await buildDocumentCase(spec, {
    scenario: () => scenario as unknown as ExampleScenario,
    fixture: (form, file) => fixtures[form]?.find((f) => f.file === file)?.data,
    procedure: async (id) => (await builtinProcedures(id)).runtime,
  });
  edit?.(c);
  const store = await openCaseStore({ name: `issued-${crypto.randomUUID()}` });
  stores.push(store);
  await store.putCase(c as never, { expectedRev: 0 });
  const el = await fixture<HosoProcedure>(
    html`<hoso-procedure
      procedure="drug-user-management"
      case-id=${c.id}
      lang=${lang}
      now="2026-08-30T09:00:00+07:00"
      .user=${police}
      .store=${store}
    ></hoso-procedure>`,
  );
  await until(() => el.shadowRoot!.querySelector('.issued li'), 'the issued documents');
  return { el, c };
}
const items = (el: HosoProcedure): HTMLElement[] => [...el.shadowRoot!.querySelectorAll<HTMLElement>('.issued li')];
const line = (li: HTMLElement): string => li.textContent!.replace(/\s+/g, ' ').trim();

describe('<hoso-procedure> issued documents', () => {
  afterEach(() => {
    for (const s of stores.splice(0)) s.close();
  });

  it('lists each with its number and date and a button to view and print it', async () => {
    const { el } = await mount('vi', (c) => {
      c.documents[0] = { ...c.documents[0]!, number: '3/QĐ-CAX', date: '2026-08-08' };
      c.documents[1] = { ...c.documents[1]!, number: '9/TB-CAX' };
      delete c.documents[1]!.date;
    });
    const [decision, notice] = items(el);
    expect(decision!.dataset.document).to.equal('managementDecision');
    expect(line(decision!)).to.equal(
      '✓ Quyết định quản lý người sử dụng trái phép chất ma túy Số 3/QĐ-CAX · ngày 08/08/2026 Xem, in',
    );
    // Without its own date the list shows the day the document was recorded (29/08/2026, Vietnam time).
    expect(line(notice!)).to.contain('Số 9/TB-CAX · ngày 29/08/2026');
    const button = decision!.querySelector('button')!;
    expect(button.getAttribute('aria-label')).to.equal(
      'Xem, in: Quyết định quản lý người sử dụng trái phép chất ma túy',
    );
    await expect(el).to.be.accessible();
  });

  it('dispatches hoso-document-open out of the element with the case, procedure and document', async () => {
    const { el, c } = await mount('en');
    const button = items(el)[1]!.querySelector('button')!;
    expect(button.textContent!.trim()).to.equal('View, print');
    setTimeout(() => button.click());
    const event = (await oneEvent(document.body, 'hoso-document-open')) as unknown as HosoDocumentOpenEvent;
    expect(event.composed && event.bubbles).to.equal(true);
    expect(event.target).to.equal(el);
    expect([event.caseId, event.procedure, event.document]).to.deep.equal([
      c.id,
      'drug-user-management',
      'transferNotice',
    ]);
    expect(event.issued?.event).to.equal('NOTIFY_DESTINATION');
  });

  it('keyboard: Enter on the focused button opens the document', async () => {
    const { el } = await mount('vi');
    const button = items(el)[0]!.querySelector('button')!;
    button.focus();
    const seen = oneEvent(el, 'hoso-document-open');
    const { sendKeys } = await import('@web/test-runner-commands');
    await sendKeys({ press: 'Enter' });
    expect(((await seen) as unknown as HosoDocumentOpenEvent).document).to.equal('managementDecision');
  });
});
