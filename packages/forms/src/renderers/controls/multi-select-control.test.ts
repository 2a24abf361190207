import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { runControlContract } from '../../test-utils/control-contract.js';
import { controlAt, renderForm, settle, shadow } from '../../test-utils/form-fixture.js';

runControlContract({
  tag: 'hoso-multi-select-control',
  schema: { type: 'array', items: { type: 'string', enum: ['heroin', 'ma-tuy-da', 'khac'] }, uniqueItems: true },
  value: ['heroin'],
  shown: 'heroin',
  enter: () => sendKeys({ press: ' ' }),
  read: (control) => {
    if ((control as HTMLInputElement).type !== 'checkbox') return (control as HTMLInputElement).value;
    const group = control.closest('fieldset');
    return [...(group?.querySelectorAll<HTMLInputElement>('input:checked') ?? [])]
      .map((box) => group?.querySelector(`label[for="${box.id}"]`)?.textContent ?? '')
      .join(', ');
  },
});

describe('hoso-multi-select-control', () => {
  const schema = {
    type: 'object',
    properties: {
      kinds: {
        type: 'array',
        title: 'Loại chất',
        minItems: 2,
        items: {
          oneOf: [
            { const: 1, title: 'Một' },
            { const: 2, title: 'Hai' },
            { const: 3, title: 'Ba' },
          ],
        },
      },
    },
  };

  it('keeps option order in the data whatever the click order', async () => {
    const form = await renderForm({ schema });
    const boxes = [...shadow(form).querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
    boxes[2]?.focus();
    await sendKeys({ press: ' ' });
    boxes[0]?.focus();
    await sendKeys({ press: ' ' });
    await settle(form);
    expect(form.data).to.deep.equal({ kinds: [1, 3] });
  });

  it('shows minItems in Vietnamese after blur', async () => {
    const form = await renderForm({ schema });
    const first = controlAt(form, 'kinds');
    first.focus();
    await sendKeys({ press: ' ' });
    await sendKeys({ press: 'Tab' });
    await settle(form);
    expect(shadow(form).querySelector('.error')?.textContent).to.contain('ít nhất 2 mục');
  });

  it('lists the chosen labels in a read-only form', async () => {
    const form = await renderForm({ schema, data: { kinds: [1, 2] }, readonly: true });
    expect(controlAt(form, 'kinds').value).to.equal('Một và Hai');
  });
});
