// Axis scales of the <hoso-report> charts: round maxima, whole steps for counts of persons.
import { expect } from '@open-wc/testing';
import { niceScale } from './chart-frame.js';

describe('chart scales', () => {
  it('counts of persons get whole ticks, even for tiny numbers', () => {
    expect(niceScale(1, 4, true)).to.deep.equal({ max: 1, ticks: [0, 1] });
    expect(niceScale(2, 4, true)).to.deep.equal({ max: 2, ticks: [0, 1, 2] });
    expect(niceScale(7, 4, true)).to.deep.equal({ max: 8, ticks: [0, 2, 4, 6, 8] });
    expect(niceScale(1234, 4, true).ticks.every(Number.isInteger)).to.equal(true);
  });

  it('rates get a round maximum at or above the largest value, and an empty chart still has an axis', () => {
    expect(niceScale(87.5).max).to.equal(100);
    expect(niceScale(87.5).ticks).to.deep.equal([0, 25, 50, 75, 100]);
    expect(niceScale(0)).to.deep.equal({ max: 1, ticks: [0, 1] });
  });
});
