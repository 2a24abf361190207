import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { runControlContract } from '../../test-utils/control-contract.js';
import { controlAt, renderForm, settle, shadow } from '../../test-utils/form-fixture.js';
import { parseNumber } from './number-control.js';

runControlContract({
  tag: 'hoso-number-control',
  schema: { type: 'number' },
  value: 1.5,
  shown: '1,5',
  enter: () => sendKeys({ type: '1,5' }),
});

describe('hoso-number-control', () => {
  const schema = {
    type: 'object',
    properties: { age: { type: 'integer', title: 'Tuổi', minimum: 12 } },
  };

  it('parses both decimal marks and rejects non-numbers', () => {
    expect(parseNumber('1,5')).to.equal(1.5);
    expect(parseNumber(' 2.25 ')).to.equal(2.25);
    expect(parseNumber('-3')).to.equal(-3);
    expect(parseNumber('1 000')).to.equal(1000);
    expect(parseNumber('12a')).to.equal(undefined);
    expect(parseNumber('1,2,3')).to.equal(undefined);
  });

  it('stores an integer and shows the Vietnamese minimum error with a formatted limit', async () => {
    const form = await renderForm({ schema });
    const input = controlAt(form, 'age');
    expect(input.getAttribute('inputmode')).to.equal('numeric');
    input.focus();
    await sendKeys({ type: '9' });
    await sendKeys({ press: 'Tab' });
    await settle(form);
    expect(form.data).to.deep.equal({ age: 9 });
    expect(shadow(form).getElementById(`${input.id}-error`)?.textContent).to.contain(
      'Giá trị phải lớn hơn hoặc bằng 12',
    );
  });

  it('keeps text that is not a number visible and reports a type error', async () => {
    const form = await renderForm({ schema });
    const input = controlAt(form, 'age');
    input.focus();
    await sendKeys({ type: 'mười' });
    await sendKeys({ press: 'Tab' });
    await settle(form);
    expect(input.value).to.equal('mười');
    expect(shadow(form).getElementById(`${input.id}-error`)?.textContent).to.contain('Vui lòng nhập một số nguyên');
  });

  it('shows the English decimal mark in an English form', async () => {
    const form = await renderForm({
      schema: { type: 'object', properties: { w: { type: 'number', title: 'Cân nặng' } } },
      data: { w: 52.5 },
      lang: 'en',
    });
    expect(controlAt(form, 'w').value).to.equal('52.5');
  });
});
