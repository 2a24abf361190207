import { expect } from '@open-wc/testing';
import { DEFAULT_BACKOFF, backoffDelay, backoffOptions } from './backoff.js';
import { outboxErrorMessage, OUTBOX_STATUS_TEXT } from './messages.js';
import type { OutboxItem } from '../types.js';

describe('backoffDelay', () => {
  const o = { baseMs: 100, maxMs: 1000, factor: 2, jitter: 0 };

  it('grows by factor from baseMs and stops at maxMs', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, o))).to.deep.equal([100, 200, 400, 800, 1000, 1000]);
    expect(backoffDelay(5000, o)).to.equal(1000);
  });

  it('takes up to jitter × delay off at random, never more', () => {
    const j = { ...o, jitter: 0.5 };
    expect(backoffDelay(3, j, () => 0)).to.equal(400);
    expect(backoffDelay(3, j, () => 0.999999)).to.equal(200);
    const seen = new Set(Array.from({ length: 50 }, () => backoffDelay(3, j)));
    for (const d of seen) expect(d).to.be.within(200, 400);
    expect(seen.size).to.be.greaterThan(5);
  });

  it('fills in defaults and names the wrong field', () => {
    expect(backoffOptions()).to.deep.equal(DEFAULT_BACKOFF);
    expect(backoffOptions({ baseMs: 5 })).to.include({ baseMs: 5, maxMs: DEFAULT_BACKOFF.maxMs });
    expect(() => backoffOptions({ factor: 0.5 })).to.throw(RangeError, /backoff\.factor/);
    expect(() => backoffOptions({ baseMs: 10, maxMs: 5 })).to.throw(RangeError, /backoff\.maxMs/);
    expect(() => backoffOptions({ baseMs: Number.NaN })).to.throw(RangeError, /backoff\.baseMs/);
  });
});

describe('outbox messages', () => {
  const item = (over: Partial<OutboxItem>): OutboxItem => ({
    id: 'k',
    caseId: 'c',
    kind: 'event',
    payload: {},
    status: 'pending',
    attempts: 1,
    createdAt: '2026-11-23T00:00:00Z',
    ...over,
  });

  it('has every status and every message in Vietnamese and English, and they differ', () => {
    for (const text of Object.values(OUTBOX_STATUS_TEXT)) {
      expect(text.vi).to.not.equal(text.en);
      expect(text.vi.length * text.en.length).to.be.greaterThan(0);
    }
  });

  it("shows the server's own message for a refusal, else one for the error code", () => {
    const message = { vi: 'Hồ sơ đã đóng.', en: 'The case is closed.' };
    expect(
      outboxErrorMessage({
        ...item({ status: 'failed', lastError: 'case-closed' }),
        refusal: { ok: false, code: 'case-closed', message },
      }),
    ).to.deep.equal(message);
    expect(outboxErrorMessage(item({ lastError: 'http-503' }))?.en).to.match(/server has a problem/);
    expect(outboxErrorMessage(item({ lastError: 'timeout' }))?.vi).to.match(/không trả lời kịp/);
    expect(outboxErrorMessage(item({ status: 'failed', lastError: 'http-418' }))?.en).to.match(/refused/);
    expect(outboxErrorMessage(item({}))).to.equal(undefined);
  });
});
