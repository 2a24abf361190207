// Report periods and access rules of <hoso-report>: pure functions, checked on the boundaries a reader would hit.
import { expect } from '@open-wc/testing';
import { accessFor, hidden } from './access.js';
import { defaultChoice, periodRange, previousPeriod, vietnamDay, type PeriodChoice } from './period.js';

const base = (patch: Partial<PeriodChoice>): PeriodChoice => ({ ...defaultChoice('2026-08-01'), ...patch });

describe('report periods', () => {
  it('defaults to the last complete half-year before today', () => {
    expect(periodRange(defaultChoice('2026-06-30'))).to.deep.equal({ from: '2025-07-01', to: '2025-12-31' });
    expect(periodRange(defaultChoice('2026-07-01'))).to.deep.equal({ from: '2026-01-01', to: '2026-06-30' });
    expect(periodRange(defaultChoice('2027-01-01'))).to.deep.equal({ from: '2026-07-01', to: '2026-12-31' });
  });

  it('reads "now" in Viet Nam time', () => {
    expect(vietnamDay('2026-06-30T17:30:00Z')).to.equal('2026-07-01');
    expect(vietnamDay('2026-06-30T16:59:59Z')).to.equal('2026-06-30');
    expect(vietnamDay('not a date')).to.equal(undefined);
  });

  it('turns quarters, years and ranges into days, and refuses a bad range or a plan without a period', () => {
    expect(periodRange(base({ kind: 'quarter', year: 2028, quarter: 1 }))).to.deep.equal({
      from: '2028-01-01',
      to: '2028-03-31',
    });
    expect(periodRange(base({ kind: 'quarter', year: 2026, quarter: 3 }))).to.deep.equal({
      from: '2026-07-01',
      to: '2026-09-30',
    });
    expect(periodRange(base({ kind: 'year', year: 2025 }))).to.deep.equal({ from: '2025-01-01', to: '2025-12-31' });
    expect(periodRange(base({ kind: 'range', from: '2026-03-05', to: '2026-04-01' }))).to.deep.equal({
      from: '2026-03-05',
      to: '2026-04-01',
    });
    expect(periodRange(base({ kind: 'range', from: '2026-04-02', to: '2026-04-01' }))).to.deep.equal({
      error: 'badRange',
    });
    expect(periodRange(base({ kind: 'range', from: '2026-02-30', to: '2026-04-01' }))).to.deep.equal({
      error: 'badRange',
    });
    expect(periodRange(base({ kind: 'plan' }), { id: 'p', title: { vi: 'p', en: 'p' } })).to.deep.equal({
      error: 'noPlanPeriod',
    });
  });
});

describe('the previous period', () => {
  it('is the half, year or quarter before, or as many days just before a range', () => {
    expect(previousPeriod('half', '2026-07-01', '2026-12-31')).to.deep.equal({ from: '2026-01-01', to: '2026-06-30' });
    expect(previousPeriod('half', '2026-01-01', '2026-06-30')).to.deep.equal({ from: '2025-07-01', to: '2025-12-31' });
    expect(previousPeriod('year', '2026-01-01', '2026-12-31')).to.deep.equal({ from: '2025-01-01', to: '2025-12-31' });
    expect(previousPeriod('quarter', '2028-04-01', '2028-06-30')).to.deep.equal({
      from: '2028-01-01',
      to: '2028-03-31',
    });
    expect(previousPeriod('range', '2026-03-01', '2026-03-10')).to.deep.equal({ from: '2026-02-19', to: '2026-02-28' });
  });
});

describe('report access', () => {
  it('gives names and full numbers to the commune’s own staff on their commune only', () => {
    const officer = { roles: ['commune-police-head'], communeCode: '26734' };
    expect(accessFor(officer, '26734')).to.deep.equal({ names: true, suppress: false });
    expect(accessFor(officer, '26737')).to.deep.equal({ names: false, suppress: true });
    expect(accessFor(officer, undefined)).to.deep.equal({ names: false, suppress: true });
  });

  it('gives names to the provincial police, counts only to others, and hides 1–4 outside the commune', () => {
    expect(accessFor({ roles: ['provincial-police-director'] }, undefined)).to.deep.equal({
      names: true,
      suppress: true,
    });
    const other = accessFor({ roles: ['regional-court'] }, '26734');
    expect(other).to.deep.equal({ names: false, suppress: true });
    expect([0, 1, 4, 5, null].map((n) => hidden(other, n))).to.deep.equal([false, true, true, false, false]);
  });
});
