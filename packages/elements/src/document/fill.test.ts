// Filling placeholders: the Decree 30 date forms, Vietnam dates of instants, labels, lists, and clear errors.
import { expect } from '@open-wc/testing';
import { fill, formatDate, formatLongDate, placeholders, plain, TemplateSyntaxError } from './fill.js';

describe('document placeholders', () => {
  it('writes dates as Decree 30 does: days below 10 and months below 3 with a leading zero', () => {
    expect(formatLongDate('2026-02-05')).to.equal('ngày 05 tháng 02 năm 2026');
    expect(formatLongDate('2026-07-15')).to.equal('ngày 15 tháng 7 năm 2026');
    expect(formatLongDate('2026-12-09')).to.equal('ngày 09 tháng 12 năm 2026');
    expect(formatDate('2026-07-05')).to.equal('05/07/2026');
  });

  it('takes the Vietnam calendar date of an instant (UTC+7)', () => {
    expect(formatDate('2026-12-31T18:30:00Z')).to.equal('01/01/2027');
    expect(formatDate('2026-07-13T09:00:00.000+07:00')).to.equal('13/07/2026');
    expect(formatDate('not a date')).to.equal(undefined);
  });

  it('fills paths, labels and lists, and marks what is missing without throwing', () => {
    const missing = new Set<string>();
    const scope = { person: { fullName: 'Nguyễn Văn A', sex: 'female' }, data: { content: ['a', 'b'] } };
    const labels = { sex: { female: 'Nữ' }, c: { a: 'tư vấn', b: 'xét nghiệm' } };
    const out = fill(
      '{person.fullName} ({person.sex|label:sex}): {data.content|label:c}; {data.none} {person.fullName|upper}',
      scope,
      labels,
      missing,
    );
    expect(plain(out)).to.equal('Nguyễn Văn A (Nữ): tư vấn, xét nghiệm; …… NGUYỄN VĂN A');
    expect([...missing]).to.deep.equal(['data.none']);
    expect(out.find((s) => s.missing)).to.deep.equal({ text: '……', missing: 'data.none' });
  });

  it('says where a template is wrong', () => {
    expect(() => placeholders('Số {data.x', 'number')).to.throw(
      TemplateSyntaxError,
      'number: "{" at 3 is never closed',
    );
    expect(() => placeholders('{a b}', 'title')).to.throw(TemplateSyntaxError, 'title: "{a b}" is not a placeholder');
    expect(() => fill('{person.x|bold}', { person: { x: 1 } }, {}, new Set(), 'body[2]')).to.throw(
      TemplateSyntaxError,
      'body[2] {person.x|bold}: unknown format "bold"',
    );
    expect(() => fill('{person.x|label:nope}', { person: { x: 1 } }, {}, new Set(), 'body[0]')).to.throw(
      'no labels "nope"',
    );
  });
});
