import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { runControlContract } from '../../test-utils/control-contract.js';
import { controlAt, renderForm, settle } from '../../test-utils/form-fixture.js';

runControlContract({
  tag: 'hoso-boolean-control',
  schema: { type: 'boolean' },
  value: true,
  shown: 'true',
  enter: () => sendKeys({ press: ' ' }),
  read: (control) =>
    (control as HTMLInputElement).type === 'checkbox'
      ? String((control as HTMLInputElement).checked)
      : (control as HTMLInputElement).value,
});

describe('hoso-boolean-control', () => {
  const schema = { type: 'object', properties: { agree: { type: 'boolean', title: 'Tôi cam đoan' } } };

  it('toggles true and false with the Space key', async () => {
    const form = await renderForm({ schema });
    const box = controlAt(form, 'agree');
    expect(box.type).to.equal('checkbox');
    box.focus();
    await sendKeys({ press: ' ' });
    await settle(form);
    expect(form.data).to.deep.equal({ agree: true });
    await sendKeys({ press: ' ' });
    await settle(form);
    expect(form.data).to.deep.equal({ agree: false });
  });

  it('shows Có/Không in a read-only form', async () => {
    const form = await renderForm({ schema, data: { agree: true }, readonly: true });
    expect(controlAt(form, 'agree').value).to.equal('Có');
  });
});
