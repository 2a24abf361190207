import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { runControlContract } from '../../test-utils/control-contract.js';
import { controlAt, renderForm, settle, shadow } from '../../test-utils/form-fixture.js';
import { formatDate, parseDate } from './date-parse.js';

runControlContract({
  tag: 'hoso-date-control',
  schema: { type: 'string', format: 'date' },
  value: '2026-09-05',
  shown: '05/09/2026',
  enter: () => sendKeys({ type: '05/09/2026' }),
});

describe('hoso-date-control', () => {
  const schema = { type: 'object', properties: { dob: { type: 'string', format: 'date', title: 'Ngày sinh' } } };

  it('parses dd/mm/yyyy variants and rejects impossible dates', () => {
    expect(parseDate('5/9/2026')).to.equal('2026-09-05');
    expect(parseDate('05.09.2026')).to.equal('2026-09-05');
    expect(parseDate('2026-09-05')).to.equal('2026-09-05');
    expect(parseDate('31/02/2026')).to.equal(undefined);
    expect(parseDate('29/02/2028')).to.equal('2028-02-29');
    expect(formatDate('2028-02-29')).to.equal('29/02/2028');
  });

  it('stores ISO, shows dd/mm/yyyy again after blur, with the format hint', async () => {
    const form = await renderForm({ schema });
    const input = controlAt(form, 'dob');
    expect(shadow(form).getElementById(`${input.id}-hint`)?.textContent).to.contain('ngày/tháng/năm');
    input.focus();
    await sendKeys({ type: '5/9/2026' });
    await settle(form);
    expect(form.data).to.deep.equal({ dob: '2026-09-05' });
    expect(input.value).to.equal('5/9/2026');
    await sendKeys({ press: 'Tab' });
    await settle(form);
    expect(input.value).to.equal('05/09/2026');
  });

  it('keeps an impossible date as typed and shows the Vietnamese date error', async () => {
    const form = await renderForm({ schema });
    const input = controlAt(form, 'dob');
    input.focus();
    await sendKeys({ type: '31/02/2026' });
    await sendKeys({ press: 'Tab' });
    await settle(form);
    expect(input.value).to.equal('31/02/2026');
    expect(shadow(form).getElementById(`${input.id}-error`)?.textContent).to.contain('Ngày không hợp lệ');
  });
});
