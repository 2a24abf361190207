import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { runControlContract } from '../../test-utils/control-contract.js';
import { controlAt, renderForm, settle } from '../../test-utils/form-fixture.js';
import { formatTime, localOffset, parseClock } from './date-parse.js';

runControlContract({
  tag: 'hoso-time-control',
  schema: { type: 'string', format: 'time' },
  value: `14:30:00${localOffset(new Date())}`,
  shown: '14:30',
  enter: () => sendKeys({ type: '14:30' }),
});

describe('hoso-time-control', () => {
  it('parses hh:mm, 14h30 and rejects 24:00', () => {
    expect(parseClock('14h30')).to.deep.equal({ h: 14, m: 30, s: 0 });
    expect(parseClock('9:05')).to.deep.equal({ h: 9, m: 5, s: 0 });
    expect(parseClock('24:00')).to.equal(undefined);
    expect(formatTime('09:05:00+07:00')).to.equal('09:05');
  });

  it('stores hh:mm:ss without offset for iso-time', async () => {
    const form = await renderForm({
      schema: { type: 'object', properties: { at: { type: 'string', format: 'iso-time', title: 'Giờ' } } },
      uischema: { type: 'Control', scope: '#/properties/at', options: { format: 'time' } },
    });
    const input = controlAt(form, 'at');
    input.focus();
    await sendKeys({ type: '7h05' });
    await settle(form);
    expect(form.data).to.deep.equal({ at: '07:05:00' });
  });
});
