import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { runControlContract } from '../../test-utils/control-contract.js';
import { controlAt, labelTextOf, renderForm, settle, shadow } from '../../test-utils/form-fixture.js';

const checkedLabel = (control: HTMLElement): string => {
  const group = control.closest('fieldset');
  const checked = group?.querySelector<HTMLInputElement>('input:checked');
  return checked ? (group?.querySelector(`label[for="${checked.id}"]`)?.textContent ?? '') : '';
};

runControlContract({
  tag: 'hoso-enum-control',
  schema: { type: 'string', enum: ['a', 'b', 'c', 'd', 'e'] },
  value: 'a',
  shown: 'a',
  enter: () => sendKeys({ press: 'ArrowDown' }),
  read: (control) =>
    control instanceof HTMLSelectElement
      ? (control.selectedOptions[0]?.textContent ?? '')
      : (control as HTMLInputElement).value,
});

runControlContract({
  tag: 'hoso-enum-control',
  schema: {
    type: 'string',
    oneOf: [
      { const: 'nam', title: 'Nam' },
      { const: 'nu', title: 'Nữ' },
    ],
  },
  value: 'nam',
  shown: 'Nam',
  enter: () => sendKeys({ press: ' ' }),
  read: (control) =>
    (control as HTMLInputElement).type === 'radio' ? checkedLabel(control) : (control as HTMLInputElement).value,
});

describe('hoso-enum-control', () => {
  const sexSchema = {
    type: 'object',
    properties: {
      sex: {
        type: 'string',
        title: 'Giới tính',
        oneOf: [
          { const: 'nam', title: 'Nam' },
          { const: 'nu', title: 'Nữ' },
        ],
      },
    },
  };

  it('renders few options as radios in a fieldset with a legend; arrows move the choice', async () => {
    const form = await renderForm({ schema: sexSchema });
    const first = controlAt(form, 'sex');
    expect(first.type).to.equal('radio');
    expect(first.closest('fieldset')?.querySelector('legend')?.textContent).to.contain('Giới tính');
    first.focus();
    await sendKeys({ press: ' ' });
    await settle(form);
    expect(form.data).to.deep.equal({ sex: 'nam' });
    await sendKeys({ press: 'ArrowDown' });
    await settle(form);
    expect(form.data).to.deep.equal({ sex: 'nu' });
  });

  it('translates option labels with <key>.<value> messages in English', async () => {
    const form = await renderForm({
      schema: sexSchema,
      lang: 'en',
      messages: { en: { 'sex.label': 'Sex', 'sex.nam': 'Male', 'sex.nu': 'Female' } },
    });
    const labels = [...shadow(form).querySelectorAll('.choice label')].map((l) => l.textContent?.trim());
    expect(labels).to.deep.equal(['Male', 'Female']);
    expect(labelTextOf(form, controlAt(form, 'sex'))).to.contain('Sex');
  });

  it('uses a select when asked, and the empty option clears the value', async () => {
    const form = await renderForm({
      schema: sexSchema,
      uischema: { type: 'Control', scope: '#/properties/sex', options: { format: 'select' } },
      data: { sex: 'nu' },
    });
    const select = controlAt<HTMLSelectElement>(form, 'sex');
    expect(select.tagName).to.equal('SELECT');
    expect(select.selectedOptions[0]?.textContent).to.equal('Nữ');
    select.value = '';
    select.dispatchEvent(new Event('change'));
    await settle(form);
    expect(form.data).to.deep.equal({});
    expect(select.options[0]?.textContent).to.equal('— Chọn —');
  });

  it('renders hostile enum labels as text', async () => {
    const form = await renderForm({
      schema: {
        type: 'object',
        properties: { k: { type: 'string', title: 'K', enum: ['<img src=x onerror=alert(1)>', '<b>b</b>'] } },
      },
    });
    expect(shadow(form).querySelector('img, b')).to.equal(null);
    expect(shadow(form).textContent).to.contain('<img src=x onerror=alert(1)>');
  });
});
