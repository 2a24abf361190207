import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import './runtime.js';
import { rankWith, scopeEndsWith } from '@jsonforms/core';
import { HosoInvalidEvent } from './events/invalid-event.js';
import { renderers } from './renderers/index.js';
import { HosoTextControl } from './renderers/controls/text-control.js';
import type { HosoForm } from './hoso-form.js';
import { controlAt, renderForm, settle, shadow } from './test-utils/form-fixture.js';

const schema = {
  type: 'object',
  properties: {
    fullName: { type: 'string', title: 'Họ và tên', minLength: 2 },
    idNumber: { type: 'string', title: 'Số định danh', pattern: '^[0-9]{12}$' },
    note: { type: 'string', title: 'Ghi chú' },
  },
  required: ['fullName', 'idNumber'],
};

async function inForm(data: unknown = {}): Promise<{ formEl: HTMLFormElement; hoso: HosoForm }> {
  const formEl = await fixture<HTMLFormElement>(
    html`<form name="case">
      <hoso-form name="registration" .schema=${schema} .data=${data}></hoso-form>
      <button type="submit">Gửi</button>
      <button type="reset">Làm lại</button>
    </form>`,
  );
  const hoso = formEl.querySelector('hoso-form') as HosoForm;
  await settle(hoso);
  return { formEl, hoso };
}

describe('<hoso-form> form association', () => {
  it('submits its JSON value under its name with the enclosing form', async () => {
    const { formEl, hoso } = await inForm();
    let submitted: FormData | undefined;
    formEl.addEventListener('submit', (event) => {
      event.preventDefault();
      submitted = new FormData(formEl);
    });
    controlAt(hoso, 'fullName').focus();
    await sendKeys({ type: 'Lê An' });
    controlAt(hoso, 'idNumber').focus();
    await sendKeys({ type: '001203004567' });
    await settle(hoso);
    formEl.requestSubmit();
    expect(submitted, 'the form was submitted').to.not.equal(undefined);
    expect(JSON.parse(String(submitted?.get('registration')))).to.deep.equal({
      fullName: 'Lê An',
      idNumber: '001203004567',
    });
  });

  it('blocks submission while invalid, shows the summary focused, and its links focus the fields', async () => {
    const { formEl, hoso } = await inForm({ idNumber: '123' });
    let submits = 0;
    const invalid: HosoInvalidEvent[] = [];
    formEl.addEventListener('submit', (event) => {
      event.preventDefault();
      submits++;
    });
    hoso.addEventListener('hoso-invalid', (event) => invalid.push(event));
    formEl.requestSubmit();
    await settle(hoso);
    await settle(hoso);
    expect(submits).to.equal(0);
    expect(invalid).to.have.length(1);
    const summary = shadow(hoso).querySelector<HTMLElement>('.error-summary');
    expect(summary).to.not.equal(null);
    expect(shadow(hoso).activeElement).to.equal(summary);
    expect(summary?.textContent).to.contain('Có lỗi cần sửa');
    const links = [...(summary?.querySelectorAll('a') ?? [])];
    expect(links.map((a) => a.textContent?.trim())).to.deep.equal([
      'Họ và tên: Vui lòng nhập thông tin này',
      'Số định danh: Giá trị không đúng mẫu quy định',
    ]);
    // errors are shown on the fields too
    expect(controlAt(hoso, 'fullName').getAttribute('aria-invalid')).to.equal('true');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(shadow(hoso).activeElement).to.equal(links[1]);
    await sendKeys({ press: 'Enter' });
    expect(shadow(hoso).activeElement).to.equal(controlAt(hoso, 'idNumber'));
    await expect(hoso).to.be.accessible();
  });

  it('names the field of an error that is not on screen (a later wizard step) in the summary', async () => {
    const wizard = {
      type: 'Categorization',
      elements: [
        { type: 'Category', label: 'Bước 1', elements: [{ type: 'Control', scope: '#/properties/note' }] },
        {
          type: 'Category',
          label: 'Bước 2',
          elements: [
            { type: 'Control', scope: '#/properties/fullName' },
            { type: 'Control', scope: '#/properties/idNumber' },
          ],
        },
      ],
    };
    const hoso = await fixture<HosoForm>(
      html`<hoso-form
        .schema=${schema}
        .uischema=${wizard}
        .data=${{}}
        .messages=${{ en: { 'idNumber.label': 'Personal ID number' } }}
      ></hoso-form>`,
    );
    await settle(hoso);
    expect(hoso.validate()).to.equal(false);
    await settle(hoso);
    const items = () =>
      [...shadow(hoso).querySelectorAll('.error-summary li')].map((li) => li.textContent?.replace(/\s+/g, ' ').trim());
    expect(items()).to.deep.equal([
      'Họ và tên: Vui lòng nhập thông tin này',
      'Số định danh: Vui lòng nhập thông tin này',
    ]);
    hoso.lang = 'en';
    await settle(hoso);
    expect(hoso.validate()).to.equal(false);
    await settle(hoso);
    expect(items()?.[1]).to.match(/^Personal ID number: /);
  });

  it('checkValidity() answers without showing errors; validate() shows them', async () => {
    const { hoso } = await inForm();
    expect(hoso.checkValidity()).to.equal(false);
    await settle(hoso);
    expect(shadow(hoso).querySelector('.error-summary')).to.equal(null);
    expect(shadow(hoso).querySelector('.error')).to.equal(null);
    expect(hoso.validate()).to.equal(false);
    await settle(hoso);
    await settle(hoso);
    expect(shadow(hoso).querySelectorAll('.error')).to.have.length(2);
  });

  it('takes part in reset: data, fields and shown errors return to the start', async () => {
    const { formEl, hoso } = await inForm({ fullName: 'Ba' });
    controlAt(hoso, 'fullName').focus();
    await sendKeys({ type: 'o' });
    await sendKeys({ press: 'Tab' });
    await settle(hoso);
    expect(hoso.data).to.deep.equal({ fullName: 'Bao' });
    formEl.reset();
    await settle(hoso);
    expect(hoso.data).to.deep.equal({ fullName: 'Ba' });
    expect(controlAt(hoso, 'fullName').value).to.equal('Ba');
    expect(shadow(hoso).querySelector('.error')).to.equal(null);
  });

  it('restores a saved state and is read-only inside a disabled fieldset', async () => {
    const { hoso } = await inForm();
    hoso.formStateRestoreCallback(JSON.stringify({ fullName: 'Khôi phục' }));
    await settle(hoso);
    expect(controlAt(hoso, 'fullName').value).to.equal('Khôi phục');
    const wrapper = await fixture<HTMLFormElement>(
      html`<form>
        <fieldset disabled><hoso-form .schema=${schema} .data=${{ fullName: 'X' }}></hoso-form></fieldset>
      </form>`,
    );
    const locked = wrapper.querySelector('hoso-form') as HosoForm;
    await settle(locked);
    expect(controlAt(locked, 'fullName').hasAttribute('readonly')).to.equal(true);
  });
});

describe('<hoso-form> locale', () => {
  it('takes the language of the closest ancestor and follows its changes', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="en-GB">
        <section><hoso-form .schema=${schema}></hoso-form></section>
      </div>`,
    );
    const hoso = wrapper.querySelector('hoso-form') as HosoForm;
    await settle(hoso);
    hoso.validate();
    await settle(hoso);
    await settle(hoso);
    expect(shadow(hoso).querySelector('.error-summary h2')?.textContent).to.equal('There is a problem');
    expect(shadow(hoso).querySelector('.error')?.textContent).to.contain('This information is required');
    wrapper.setAttribute('lang', 'vi');
    await settle(hoso);
    expect(shadow(hoso).querySelector('.error')?.textContent).to.contain('Vui lòng nhập thông tin này');
  });

  it('defaults to Vietnamese with no lang anywhere', async () => {
    const hoso = await fixture<HosoForm>(html`<hoso-form .schema=${schema}></hoso-form>`);
    await settle(hoso);
    hoso.validate();
    await settle(hoso);
    expect(shadow(hoso).querySelector('.error')?.textContent).to.contain('Vui lòng nhập thông tin này');
  });

  it('lets two forms on one page speak different languages', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <hoso-form lang="vi" .schema=${schema}></hoso-form><hoso-form lang="en" .schema=${schema}></hoso-form>
      </div>`,
    );
    const [vi, en] = [...wrapper.querySelectorAll('hoso-form')] as HosoForm[];
    for (const f of [vi!, en!]) {
      await settle(f);
      f.validate();
      await settle(f);
    }
    expect(shadow(vi!).querySelector('.error-summary h2')?.textContent).to.equal('Có lỗi cần sửa');
    expect(shadow(en!).querySelector('.error-summary h2')?.textContent).to.equal('There is a problem');
  });
});

describe('<hoso-form> hostile content', () => {
  const evil = '<img src=x onerror="window.__hosoPwned=1"><script>window.__hosoPwned=1</script>';

  it('renders schema text, enum labels, data and messages as text, never markup', async () => {
    const form = await renderForm({
      schema: {
        type: 'object',
        title: evil,
        properties: {
          a: { type: 'string', title: evil, description: evil },
          b: { type: 'string', title: 'B', enum: [evil, 'ok', 'x', 'y', 'z'] },
          c: { type: 'string', title: 'C', oneOf: [{ const: 1, title: evil }] },
        },
        required: ['a'],
      },
      data: { a: evil, b: evil },
      messages: { vi: { 'a.error.required': evil } },
    });
    form.validate();
    await settle(form);
    await settle(form);
    const root = shadow(form);
    expect(root.querySelector('img, script')).to.equal(null);
    expect(controlAt(form, 'a').value).to.equal(evil);
    expect(root.textContent).to.contain('<img src=x');
    expect((window as { __hosoPwned?: number }).__hosoPwned).to.equal(undefined);
  });
});

describe('<hoso-form> rendering', () => {
  it('generates a UI schema when none is given and exposes control() by dotted path', async () => {
    const form = await renderForm({
      schema: {
        type: 'object',
        properties: { person: { type: 'object', properties: { phone: { type: 'string', title: 'Điện thoại' } } } },
      },
      data: { person: { phone: '0912345678' } },
    });
    expect(controlAt(form, 'person.phone').value).to.equal('0912345678');
  });

  it('re-renders only the typed control on a keystroke (per-path subscription)', async () => {
    const properties: Record<string, object> = {};
    for (let i = 0; i < 30; i++) properties[`f${i}`] = { type: 'string', title: `Trường ${i}` };
    const form = await renderForm({ schema: { type: 'object', properties } });
    const updates = new Map<string, number>();
    for (const el of shadow(form).querySelectorAll('hoso-text-control')) {
      const path = el.querySelector('input')?.dataset['path'] ?? '';
      const original = (el as unknown as { update: (c: unknown) => void }).update.bind(el);
      (el as unknown as { update: (c: unknown) => void }).update = (c: unknown) => {
        updates.set(path, (updates.get(path) ?? 0) + 1);
        original(c);
      };
    }
    controlAt(form, 'f7').focus();
    await sendKeys({ type: 'ab' });
    await settle(form);
    expect([...updates.keys()]).to.deep.equal(['f7']);
    expect(form.data).to.deep.equal({ f7: 'ab' });
  });
});

describe('<hoso-form> renderer registry', () => {
  class ShoutControl extends HosoTextControl {
    protected override hintText(): string {
      return 'VIẾT HOA';
    }
  }
  customElements.define('test-shout-control', ShoutControl);

  it('lets a page add a higher-ranked renderer, and switches when the registry changes', async () => {
    const form = await renderForm({
      schema: { type: 'object', properties: { code: { type: 'string', title: 'Mã' }, other: { type: 'string' } } },
    });
    expect(controlAt(form, 'code').closest('hoso-text-control')).to.not.equal(null);
    form.renderers = [...renderers, { tester: rankWith(10, scopeEndsWith('code')), tag: 'test-shout-control' }];
    await settle(form);
    await settle(form);
    expect(controlAt(form, 'code').closest('test-shout-control')).to.not.equal(null);
    expect(controlAt(form, 'other').closest('hoso-text-control')).to.not.equal(null);
    expect(shadow(form).textContent).to.contain('VIẾT HOA');
  });
});
