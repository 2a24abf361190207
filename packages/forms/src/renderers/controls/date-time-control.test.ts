import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { runControlContract } from '../../test-utils/control-contract.js';
import { formatDateTime, localOffset, parseDateTime } from './date-parse.js';

const offset = localOffset(new Date(2026, 8, 5, 14, 30));

runControlContract({
  tag: 'hoso-date-time-control',
  schema: { type: 'string', format: 'date-time' },
  value: `2026-09-05T14:30:00${offset}`,
  shown: '05/09/2026 14:30',
  enter: () => sendKeys({ type: '05/09/2026 14:30' }),
});

describe('hoso-date-time-control helpers', () => {
  it('round-trips the wall time as written, whatever the offset', () => {
    expect(formatDateTime('2026-01-02T08:00:00+07:00')).to.equal('02/01/2026 08:00');
    expect(parseDateTime('2/1/2026 8:00')).to.match(/^2026-01-02T08:00:00[+-]\d\d:\d\d$/);
    expect(parseDateTime('2/1/2026')).to.equal(undefined);
  });
});
