import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { runControlContract } from '../../test-utils/control-contract.js';
import { controlAt, renderForm, settle } from '../../test-utils/form-fixture.js';

runControlContract({
  tag: 'hoso-textarea-control',
  schema: { type: 'string' },
  options: { multi: true },
  value: 'Dong mot',
  shown: 'Dong mot',
  enter: () => sendKeys({ type: 'Dong mot' }),
});

describe('hoso-textarea-control', () => {
  it('renders a textarea and keeps line breaks typed with Enter', async () => {
    const form = await renderForm({
      schema: { type: 'object', properties: { note: { type: 'string', title: 'Ghi chú' } } },
      uischema: { type: 'Control', scope: '#/properties/note', options: { multi: true } },
    });
    const area = controlAt<HTMLTextAreaElement>(form, 'note');
    expect(area.tagName).to.equal('TEXTAREA');
    area.focus();
    await sendKeys({ type: 'a' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ type: 'b' });
    await settle(form);
    expect(form.data).to.deep.equal({ note: 'a\nb' });
  });
});
