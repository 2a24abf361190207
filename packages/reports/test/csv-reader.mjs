// The CSV reader of the export tests: RFC 4180 records, written for the tests, independent of the exporter. It
// refuses a bare line break, an unclosed quote and a last record without its CRLF.
import assert from 'node:assert/strict';

/** RFC 4180 records of `text` (a small reader written for the test, independent of the exporter). */
export function parseCsv(text) {
  const records = [];
  let field = '';
  let record = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else if (ch === '\n' || ch === '\r') throw new Error(`bare line break at ${i}`);
    else field += ch;
  }
  assert.equal(quoted, false, 'a quoted field is not closed');
  if (field !== '' || record.length) throw new Error('the last record has no CRLF');
  return records;
}
