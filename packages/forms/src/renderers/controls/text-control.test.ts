import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { runControlContract } from '../../test-utils/control-contract.js';
import { controlAt, recordChanges, renderForm, settle, shadow } from '../../test-utils/form-fixture.js';

runControlContract({
  tag: 'hoso-text-control',
  schema: { type: 'string' },
  value: 'Nguyen Van An',
  shown: 'Nguyen Van An',
  enter: () => sendKeys({ type: 'Nguyen Van An' }),
});

describe('hoso-text-control', () => {
  const schema = {
    type: 'object',
    properties: {
      fullName: { type: 'string', title: 'Họ và tên', minLength: 3, description: 'Như trên căn cước' },
      email: { type: 'string', title: 'Thư điện tử', format: 'email' },
    },
    required: ['fullName'],
  };

  it('shows the description as a hint linked by aria-describedby', async () => {
    const form = await renderForm({ schema });
    const input = controlAt(form, 'fullName');
    const hint = shadow(form).getElementById(`${input.id}-hint`);
    expect(hint?.textContent).to.contain('Như trên căn cước');
    expect(input.getAttribute('aria-describedby')).to.equal(hint?.id);
  });

  it('types Vietnamese text key by key and shows the minLength error in Vietnamese after blur', async () => {
    const form = await renderForm({ schema });
    const changes = recordChanges(form);
    const input = controlAt(form, 'fullName');
    input.focus();
    await sendKeys({ type: 'Lê' });
    await settle(form);
    expect(form.data).to.deep.equal({ fullName: 'Lê' });
    expect(changes.length).to.be.greaterThan(1);
    expect(input.getAttribute('aria-invalid')).to.equal(null);
    await sendKeys({ press: 'Tab' });
    await settle(form);
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(shadow(form).getElementById(`${input.id}-error`)?.textContent).to.contain('Nhập ít nhất 3 ký tự');
  });

  it('reports a bad email format with the translated format message, never ajv English', async () => {
    const form = await renderForm({ schema, data: { fullName: 'Lê Văn' } });
    const input = controlAt(form, 'email');
    input.focus();
    await sendKeys({ type: 'khong-phai-email' });
    await sendKeys({ press: 'Tab' });
    await settle(form);
    const error = shadow(form).getElementById(`${input.id}-error`)?.textContent ?? '';
    expect(error).to.contain('Địa chỉ thư điện tử không hợp lệ');
    expect(error).to.not.match(/must/);
    expect(input.getAttribute('inputmode')).to.equal('email');
  });

  it('removes the property when the input is emptied', async () => {
    const form = await renderForm({ schema, data: { fullName: 'An' } });
    const input = controlAt(form, 'fullName');
    input.focus();
    await sendKeys({ press: 'End' });
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Backspace' });
    await settle(form);
    expect(form.data).to.deep.equal({});
  });

  it('uses a custom per-field error message from the messages file', async () => {
    const form = await renderForm({
      schema,
      messages: { vi: { 'fullName.error.minLength': 'Họ tên quá ngắn' } },
    });
    const input = controlAt(form, 'fullName');
    input.focus();
    await sendKeys({ type: 'A' });
    await sendKeys({ press: 'Tab' });
    await settle(form);
    expect(shadow(form).getElementById(`${input.id}-error`)?.textContent?.trim()).to.equal('Họ tên quá ngắn');
  });
});
