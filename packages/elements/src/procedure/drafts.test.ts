/**
 * Drafts in `<hoso-procedure>` beyond typing: a draft saved by an older version of its form is migrated when it
 * opens (declared ops, real `migrateDraft`), and what could not be carried over is shown for a person to re-check;
 * a draft exported to a file is imported back into the form.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { exportDraft, openCaseStore, type CaseStore, type Draft } from '@hoso/case-store';
import type { HosoForm } from '@hoso/forms';
import type { HosoProcedure } from './hoso-procedure.js';
import { builtinProcedures, type LoadedProcedure, type ProcedureSource } from './content.js';
import '../index.js';

const NOW = '2026-07-06T09:00:00+07:00';
const officer = { id: 'u-1', roles: ['commune-officer'], communeCode: '26734' };
const FORM = 'voluntary-rehab/registration';

async function until<T>(
  fn: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  what: string,
): Promise<T> {
  const start = performance.now();
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (performance.now() - start > 5000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The built-in voluntary-rehab procedure, whose registration form is now at version 2. */
const version2: ProcedureSource = async (id) => {
  const real = await builtinProcedures(id);
  const migrated: LoadedProcedure = {
    ...real,
    async form(formId) {
      const f = await real.form(formId);
      if (formId !== FORM) return f;
      return {
        ...f,
        version: 2,
        migrations: [
          {
            from: 1,
            to: 2,
            ops: [
              { op: 'remove', path: '/person/occupation' },
              { op: 'set', path: '/person/nationality', value: 'VN', ifMissing: true },
            ],
          },
        ],
      };
    },
  };
  return migrated;
};

describe('<hoso-procedure> drafts', () => {
  let store: CaseStore;
  beforeEach(async () => {
    store = await openCaseStore({ name: `drafts-${crypto.randomUUID()}` });
  });
  afterEach(() => store.close());

  const mount = async (source?: ProcedureSource): Promise<HosoProcedure> => {
    const el = await fixture<HosoProcedure>(
      html`<hoso-procedure
        procedure="voluntary-rehab"
        now=${NOW}
        .user=${officer}
        .store=${store}
        .source=${source ?? builtinProcedures}
      ></hoso-procedure>`,
    );
    await until(() => el.shadowRoot!.querySelector('.header h2'), 'the procedure');
    return el;
  };

  it('migrates a draft of the older form version and lists what a person must re-check', async () => {
    const old: Draft = {
      id: `new/voluntary-rehab/${crypto.randomUUID()}/REGISTER`,
      procedure: 'voluntary-rehab',
      form: FORM,
      formVersion: '1',
      step: 1,
      data: { person: { fullName: 'Đỗ Thị Hạnh', occupation: 'Thợ may' } },
      rev: 0,
      updatedAt: '2026-07-01T08:00:00.000Z',
    };
    await store.saveDraft(old, { expectedRev: 0 });
    const el = await mount(version2);
    const form = await until(() => el.shadowRoot!.querySelector<HosoForm>('hoso-form'), 'the resumed form');
    await form.updateComplete;
    const data = form.data as { person: Record<string, unknown> };
    expect(data.person['fullName']).to.equal('Đỗ Thị Hạnh');
    expect(data.person['nationality']).to.equal('VN');
    expect(data.person).to.not.have.property('occupation');
    expect(form.step).to.equal(1);
    const flagged = el.shadowRoot!.querySelector('[data-kind="flagged"]')!;
    expect(flagged.textContent).to.contain('Nghề nghiệp');
    expect(flagged.textContent).to.contain('Thợ may');
    await expect(el).to.be.accessible();
  });

  it('imports a draft exported to a file, into the form', async () => {
    const el = await mount();
    const draft: Draft = {
      id: `new/voluntary-rehab/${crypto.randomUUID()}/REGISTER`,
      procedure: 'voluntary-rehab',
      form: FORM,
      formVersion: '1',
      step: 0,
      data: { person: { fullName: 'Vũ Minh Khôi' } },
      rev: 3,
      updatedAt: '2026-07-02T08:00:00.000Z',
    };
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="file"]')!;
    const transfer = new DataTransfer();
    transfer.items.add(new File([exportDraft(draft)], 'nhap.json', { type: 'application/json' }));
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    const form = await until(() => el.shadowRoot!.querySelector<HosoForm>('hoso-form'), 'the imported form');
    await form.updateComplete;
    expect((form.data as { person: { fullName: string } }).person.fullName).to.equal('Vũ Minh Khôi');
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.match(/Đã nhập bản nháp/);
    const stored = await store.listDrafts({ procedure: 'voluntary-rehab' });
    expect(stored.map((d) => (d.data as { person: { fullName: string } }).person.fullName)).to.include('Vũ Minh Khôi');
  });
});
