// The case list's search folding: what a Vietnamese officer types against how names are stored.
import { expect } from '@open-wc/testing';
import { fold, matches, parseQuery, searchable } from './search.js';

const find = (query: string, name: string, id = '') => matches(parseQuery(query), searchable(name, id));

describe('case-list search', () => {
  it('folds accents, case, đ/Đ and NFD input to one form', () => {
    expect(fold('Nguyễn Văn A')).to.equal('nguyen van a');
    expect(fold('ĐẶNG   Thị  Đào')).to.equal('dang thi dao');
    expect(fold('Nguyễn'.normalize('NFD'))).to.equal(fold('Nguyễn'.normalize('NFC')));
  });

  it('matches names word by word, in any order, the last word unfinished', () => {
    expect(find('nguyen van a', 'Nguyễn Văn A')).to.equal(true);
    expect(find('a nguyen', 'Nguyễn Văn A')).to.equal(true);
    expect(find('nguy', 'Nguyễn Văn A')).to.equal(true);
    expect(find('dao', 'Đỗ Thị Đào')).to.equal(true);
    expect(find('đào', 'Do Thi Dao')).to.equal(true);
    expect(find('nguyen van b', 'Nguyễn Văn A')).to.equal(false);
    // One name word serves one query word: "van van" needs two "Văn".
    expect(find('van van', 'Nguyễn Văn A')).to.equal(false);
    expect(find('uyen', 'Nguyễn Văn A')).to.equal(false);
  });

  it('matches personal IDs by prefix, ignoring spaces and dots typed between digits', () => {
    expect(find('0790', 'X', '079090001234')).to.equal(true);
    expect(find('079 090 001', 'X', '079090001234')).to.equal(true);
    expect(find('079.090', 'X', '079090001234')).to.equal(true);
    expect(find('90001234', 'X', '079090001234')).to.equal(false);
  });

  it('an empty or blank query matches everything', () => {
    expect(find('', 'Nguyễn Văn A')).to.equal(true);
    expect(find('   ', '')).to.equal(true);
  });
});
