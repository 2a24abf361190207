import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../runtime.js';
import type { HosoForm } from '../../hoso-form.js';
import { HosoStepChangeEvent } from '../../events/step-change-event.js';
import { settled } from '../arrays/array-control.js';

const schema = {
  type: 'object',
  properties: {
    fullName: { type: 'string', title: 'Họ và tên', minLength: 2 },
    alias: { type: 'string', title: 'Có bí danh? (ghi "có")' },
    otherName: { type: 'string', title: 'Bí danh' },
    phone: { type: 'string', title: 'Số điện thoại', pattern: '^[0-9]{10}$' },
    note: { type: 'string', title: 'Ghi chú' },
  },
  required: ['fullName', 'phone'],
};
const uischema = {
  type: 'Categorization',
  elements: [
    {
      type: 'Category',
      label: 'Nhân thân',
      i18n: 'step.person',
      elements: [
        { type: 'Control', scope: '#/properties/fullName' },
        { type: 'Control', scope: '#/properties/alias' },
      ],
    },
    {
      type: 'Category',
      label: 'Bí danh',
      rule: { effect: 'SHOW', condition: { scope: '#/properties/alias', schema: { const: 'có' } } },
      elements: [{ type: 'Control', scope: '#/properties/otherName' }],
    },
    { type: 'Category', label: 'Liên hệ', elements: [{ type: 'Control', scope: '#/properties/phone' }] },
    { type: 'Category', label: 'Ghi chú', elements: [{ type: 'Control', scope: '#/properties/note' }] },
  ],
};

const settle = async (form: HosoForm): Promise<void> => {
  for (let i = 0; i < 3; i++) {
    await form.updateComplete;
    await settled(form.shadowRoot!.querySelector('.form')!);
  }
};
const active = (form: HosoForm): Element | null => form.shadowRoot!.activeElement;
const heading = (form: HosoForm): string =>
  form.shadowRoot!.querySelector('.wizard-heading')?.textContent?.trim() ?? '';
const stepList = (form: HosoForm): string[] =>
  [...form.shadowRoot!.querySelectorAll('.wizard-steps li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
const current = (form: HosoForm): string =>
  form.shadowRoot!.querySelector('.wizard-steps li[aria-current="step"]')?.textContent?.replace(/\s+/g, ' ').trim() ??
  '';

async function render(data: unknown = {}, lang = 'vi'): Promise<{ form: HosoForm; events: HosoStepChangeEvent[] }> {
  const form = await fixture<HosoForm>(
    html`<hoso-form lang=${lang} .schema=${schema} .uischema=${uischema} .data=${data}></hoso-form>`,
  );
  const events: HosoStepChangeEvent[] = [];
  form.addEventListener('hoso-step-change', (e) => events.push(e));
  await settle(form);
  return { form, events };
}

async function typeInto(form: HosoForm, path: string, text: string): Promise<void> {
  const input = form.control(path) as HTMLInputElement;
  input.focus();
  input.select();
  await sendKeys({ type: text });
  await settle(form);
}

describe('hoso-categorization-wizard', () => {
  it('renders an ordered step list with aria-current, the first step and only Next; axe-clean', async () => {
    const { form } = await render();
    const list = form.shadowRoot!.querySelector('ol.wizard-steps')!;
    expect(list.getAttribute('aria-label')).to.equal('Các bước');
    expect(stepList(form)).to.deep.equal(['1 Nhân thân', '2 Liên hệ', '3 Ghi chú']); // hidden category left out
    expect(current(form)).to.equal('1 Nhân thân');
    expect(heading(form)).to.equal('Nhân thân');
    expect(form.shadowRoot!.querySelector('.wizard-progress')?.textContent).to.equal('Bước 1 trên 3');
    expect(form.control('fullName')).to.exist;
    expect(form.control('phone')).to.equal(null);
    expect(form.shadowRoot!.querySelector('button.back')).to.equal(null);
    expect(form.shadowRoot!.querySelector('button.next')?.textContent?.trim()).to.equal('Tiếp theo');
    await expect(form).to.be.accessible();
  });

  it('speaks English with lang="en"', async () => {
    const { form } = await render({ fullName: 'An' }, 'en');
    expect(form.shadowRoot!.querySelector('ol.wizard-steps')!.getAttribute('aria-label')).to.equal('Steps');
    expect(form.shadowRoot!.querySelector('button.next')?.textContent?.trim()).to.equal('Next');
    expect(form.shadowRoot!.querySelector('.wizard-progress')?.textContent).to.equal('Step 1 of 3');
  });

  it('does not leave an invalid step: shows only its errors, focuses the in-step summary', async () => {
    const { form, events } = await render({ fullName: 'A' });
    const next = form.shadowRoot!.querySelector<HTMLButtonElement>('button.next')!;
    next.focus();
    await sendKeys({ press: 'Enter' });
    await settle(form);
    expect(form.step).to.equal(0);
    expect(events).to.have.length(0);
    expect(heading(form)).to.equal('Nhân thân');
    const summary = form.shadowRoot!.querySelector('.step-errors')!;
    expect(active(form)).to.equal(summary);
    const links = [...summary.querySelectorAll('a')];
    expect(links.map((a) => a.dataset['errorPath'])).to.deep.equal(['fullName']); // not `phone` of a later step
    expect(links[0]!.textContent).to.contain('Nhập ít nhất 2 ký tự');
    expect(form.control('fullName')!.getAttribute('aria-invalid')).to.equal('true');
    links[0]!.click();
    expect(active(form)).to.equal(form.control('fullName'));
    await expect(form).to.be.accessible();
  });

  it('moves with the keyboard only, skips hidden categories, focuses the step heading and fires hoso-step-change', async () => {
    const { form, events } = await render();
    form.control('fullName')!.focus();
    await sendKeys({ type: 'Lan' });
    await sendKeys({ press: 'Tab' }); // alias
    await sendKeys({ press: 'Tab' }); // Next
    expect(active(form)?.classList.contains('next')).to.be.true;
    await sendKeys({ press: 'Enter' });
    await settle(form);
    expect(heading(form)).to.equal('Liên hệ'); // "Bí danh" is hidden and skipped
    expect(form.step).to.equal(2);
    expect(form.getAttribute('step')).to.equal('2');
    expect(current(form)).to.equal('2 Liên hệ');
    expect(active(form)?.classList.contains('wizard-heading')).to.be.true;
    expect(events.map((e) => [e.step, e.previous, e.label])).to.deep.equal([[2, 0, 'Liên hệ']]);

    await sendKeys({ press: 'Tab' }); // phone
    expect(active(form)).to.equal(form.control('phone'));
    await sendKeys({ press: 'Tab' }); // Back
    expect(active(form)?.classList.contains('back')).to.be.true;
    await sendKeys({ press: ' ' });
    await settle(form);
    expect(heading(form)).to.equal('Nhân thân'); // Back skips the hidden one too
    expect(form.step).to.equal(0);
    expect((form.control('fullName') as HTMLInputElement).value).to.equal('Lan'); // data kept across steps
    expect(events.map((e) => e.step)).to.deep.equal([2, 0]);
    expect(form.shadowRoot!.querySelectorAll('.wizard-steps button')).to.have.length(0); // nothing passed yet
  });

  it('goes back to a passed step from the step list', async () => {
    const { form } = await render({ fullName: 'Lan', phone: '0901234567' });
    form.step = 3;
    await settle(form);
    const passed = [...form.shadowRoot!.querySelectorAll<HTMLButtonElement>('.wizard-steps li button')];
    expect(passed.map((b) => b.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal(['1 Nhân thân', '2 Liên hệ']);
    passed[1]!.focus();
    await sendKeys({ press: 'Enter' });
    await settle(form);
    expect(heading(form)).to.equal('Liên hệ');
    expect(form.step).to.equal(2);
    await expect(form).to.be.accessible();
  });

  it('shows a category once its rule holds, and Next goes through it', async () => {
    const { form } = await render({ fullName: 'Lan' });
    await typeInto(form, 'alias', 'có');
    expect(stepList(form)).to.deep.equal(['1 Nhân thân', '2 Bí danh', '3 Liên hệ', '4 Ghi chú']);
    form.shadowRoot!.querySelector<HTMLButtonElement>('button.next')!.click();
    await settle(form);
    expect(heading(form)).to.equal('Bí danh');
    expect(form.step).to.equal(1);
    expect(form.control('otherName')).to.exist;
  });

  it('follows the programmatic step property, landing on the next visible category', async () => {
    const { form, events } = await render({ fullName: 'Lan' });
    form.step = 3;
    await settle(form);
    expect(heading(form)).to.equal('Ghi chú');
    expect(form.shadowRoot!.querySelector('button.next')).to.equal(null); // last step
    expect(form.control('note')).to.exist;
    form.step = 1; // hidden: lands on "Liên hệ"
    await settle(form);
    expect(heading(form)).to.equal('Liên hệ');
    expect(form.step).to.equal(2);
    expect(events.map((e) => [e.step, e.previous])).to.deep.equal([
      [3, 0],
      [2, 3],
    ]);
  });

  it('disables the fields of a category whose DISABLE rule holds (OR of two conditions)', async () => {
    const disabling = {
      type: 'Categorization',
      elements: [
        {
          type: 'Category',
          label: 'Nhân thân',
          elements: [
            { type: 'Control', scope: '#/properties/fullName' },
            { type: 'Control', scope: '#/properties/alias' },
          ],
        },
        {
          type: 'Category',
          label: 'Liên hệ',
          rule: {
            effect: 'DISABLE',
            condition: {
              type: 'OR',
              conditions: [
                { scope: '#/properties/alias', schema: { const: 'khóa' } },
                { scope: '#/properties/fullName', schema: { const: 'Ẩn Danh' } },
              ],
            },
          },
          elements: [
            { type: 'Group', label: 'Điện thoại', elements: [{ type: 'Control', scope: '#/properties/phone' }] },
          ],
        },
      ],
    };
    const form = await fixture<HosoForm>(
      html`<hoso-form .schema=${schema} .uischema=${disabling} .data=${{ fullName: 'Lan' }}></hoso-form>`,
    );
    await settle(form);
    await typeInto(form, 'alias', 'khóa');
    form.shadowRoot!.querySelector<HTMLButtonElement>('button.next')!.click();
    await settle(form);
    expect(heading(form)).to.equal('Liên hệ');
    expect((form.control('phone') as HTMLInputElement).disabled).to.be.true;
    form.step = 0;
    await settle(form);
    await typeInto(form, 'alias', 'mở');
    form.step = 1;
    await settle(form);
    expect((form.control('phone') as HTMLInputElement).disabled).to.be.false;
  });

  it('lets a read-only form be reviewed step by step even with errors', async () => {
    const form = await fixture<HosoForm>(
      html`<hoso-form readonly .schema=${schema} .uischema=${uischema} .data=${{ fullName: 'A' }}></hoso-form>`,
    );
    await settle(form);
    form.shadowRoot!.querySelector<HTMLButtonElement>('button.next')!.click();
    await settle(form);
    expect(heading(form)).to.equal('Liên hệ');
    expect((form.control('phone') as HTMLInputElement).readOnly).to.be.true;
    await expect(form).to.be.accessible();
  });

  it('a summary link to a field on another step shows that step and focuses the field; the summary follows fixes', async () => {
    const { form } = await render({ fullName: 'Lê An' });
    expect(form.validate()).to.equal(false);
    await settle(form);
    await settle(form);
    const links = (): HTMLAnchorElement[] => [
      ...form.shadowRoot!.querySelectorAll<HTMLAnchorElement>('.error-summary a'),
    ];
    expect(links().map((a) => a.textContent?.trim())).to.deep.equal(['Số điện thoại: Vui lòng nhập thông tin này']);
    links()[0]!.focus();
    await sendKeys({ press: 'Enter' });
    await settle(form);
    expect(form.step).to.equal(2);
    expect(heading(form)).to.equal('Liên hệ');
    expect(active(form)).to.equal(form.control('phone'));
    await sendKeys({ type: '09123' });
    await settle(form);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await settle(form);
    // still failing, with its new message
    expect(links().map((a) => a.textContent?.trim())).to.deep.equal(['Số điện thoại: Giá trị không đúng mẫu quy định']);
    await sendKeys({ type: '45678' });
    await settle(form);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await settle(form);
    expect(form.shadowRoot!.querySelector('.error-summary')).to.equal(null);
    await expect(form).to.be.accessible();
  });
});
