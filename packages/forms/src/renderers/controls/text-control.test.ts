import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../runtime.js';
import type { HosoForm } from '../../hoso-form.js';
import { HosoChangeEvent } from '../../events/change-event.js';

const schema = {
  type: 'object',
  properties: { fullName: { type: 'string', title: 'Họ và tên', minLength: 3, description: 'Như trên CCCD' } },
  required: ['fullName'],
};

describe('hoso-text-control', () => {
  it('renders a labelled input and writes typed text into the data', async () => {
    const form = await fixture<HosoForm>(html`<hoso-form .schema=${schema} .data=${{}}></hoso-form>`);
    const input = form.control('fullName') as HTMLInputElement;
    expect(input).to.exist;
    const label = form.shadowRoot!.querySelector(`label[for="${input.id}"]`);
    expect(label?.textContent).to.contain('Họ và tên');
    let last: unknown;
    form.addEventListener('change', (e) => {
      if (e instanceof HosoChangeEvent) last = e.data;
    });
    input.focus();
    await sendKeys({ type: 'An' });
    expect(last).to.deep.equal({ fullName: 'An' });
    expect(input.getAttribute('aria-invalid')).to.equal(null);
    input.blur();
    await form.updateComplete;
    await new Promise((r) => setTimeout(r));
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    const error = form.shadowRoot!.getElementById(`${input.id}-error`);
    expect(error?.textContent).to.contain('Nhập ít nhất 3 ký tự');
    expect(input.getAttribute('aria-describedby')).to.contain(`${input.id}-error`);
    await expect(form).to.be.accessible();
  });
});
