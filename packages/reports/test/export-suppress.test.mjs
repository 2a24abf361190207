// Small-cell suppression in the exports (ExportOptions.suppressBelow) and suppressReport of @hoso/reports, on the
// engine's reports of the fixture cases: with suppression no count of 1–4 persons is left anywhere in the CSV or
// in any sheet of the XLSX (opened by exceljs), the percent and verdict of a row resting on a hidden count are
// empty, and the indicators that count communes (I7, I18) keep their numbers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { reportToCsv, reportToXlsx, ReportExportError } from '../dist/export/index.js';
import { cases, engine, expected } from './support.mjs';
import { parseCsv } from './csv-reader.mjs';

const { computeReport, suppressReport, communeCountedIds, defaultDefinitions, SUPPRESSED } = engine;
const except = communeCountedIds(defaultDefinitions());
const small = (v) => typeof v === 'number' && Number.isInteger(v) && v > 0 && v < 5;
const reports = expected.queries.map((q) => ({ name: q.name, report: computeReport(cases, q.query) }));

const records = (csv) => parseCsv(csv.replace(/^\uFEFF/, ''));

test('the fixture reports do have counts of 1–4 persons to hide (else these tests could not fail)', () => {
  const all = reports.flatMap(({ report }) =>
    report.indicators
      .filter((x) => !except.has(x.id))
      .flatMap((x) => [
        x.numerator,
        x.denominator,
        ...Object.values(x.breakdown)
          .flat()
          .map((c) => c.numerator),
      ]),
  );
  assert.ok(all.filter(small).length >= 10, `small counts: ${all.filter(small).length}`);
  assert.ok(
    reportToCsv(reports[0].report, 'vi')
      .split('\r\n')
      .some((l) => /^I\d+\w*,/.test(l) && l.split(',').some((f) => small(Number(f)))),
  );
});

for (const { name, report } of reports) {
  test(`CSV with suppressBelow 5: no exact small count, no percent or verdict over one (${name})`, () => {
    for (const lang of ['vi', 'en']) {
      const csv = reportToCsv(report, lang, { suppressBelow: 5, suppressExcept: except });
      const rows = records(csv);
      const head = rows.findIndex((r) => r[0] === (lang === 'vi' ? 'Mã' : 'ID'));
      assert.ok(head > 0, 'the indicator table');
      for (const r of rows) {
        if (except.has(r[0])) continue;
        // Numbers of persons sit in the numerator and denominator columns (3, 4 of R1; 3, 4 or 4, 5 by commune).
        for (const f of r.slice(3)) assert.ok(!small(Number(f)) || f.includes('.'), `${lang} ${r.join(',')}: ${f}`);
      }
      const byId = new Map(report.indicators.map((x) => [x.id, x]));
      const end = rows.findIndex((r, i) => i > head && r.every((f) => f === ''));
      for (const r of rows.slice(head + 1, end)) {
        const x = byId.get(r[0]);
        if (!x || except.has(x.id)) continue;
        const hiddenRow = r[3] === '< 5' || r[4] === '< 5';
        assert.equal(hiddenRow, small(x.numerator) || small(x.denominator), `${x.id} hidden`);
        if (hiddenRow) assert.deepEqual([r[5], r[6]], ['', ''], `${lang} ${x.id}: no percent, no verdict`);
      }
    }
  });
}

test('XLSX with suppressBelow 5: no number cell of 1–4 in any sheet (indicators, communes, quarters, flows)', async () => {
  for (const { name, report } of reports) {
    for (const lang of ['vi', 'en']) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(reportToXlsx(report, lang, { suppressBelow: 5, suppressExcept: except })));
      assert.equal(wb.worksheets.length, 3);
      let texts = 0;
      for (const ws of wb.worksheets)
        ws.eachRow((row) => {
          const v = row.values.slice(1);
          if (except.has(v[0])) return;
          row.eachCell((cell) => {
            // Percents are fractions formatted 0.0% (100% is the number 1): not counts.
            if (!String(cell.numFmt ?? '').includes('%'))
              assert.ok(!small(cell.value), `${name} ${lang} ${ws.name}: ${JSON.stringify(v)}`);
            if (cell.value === '< 5') texts++;
          });
        });
      assert.ok(texts > 0, `${name} ${lang}: some counts read "< 5"`);
    }
  }
  // Without suppression the same workbook has small counts: the check above can fail.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(reportToXlsx(reports[0].report, 'vi')));
  let found = 0;
  wb.worksheets.forEach((ws) =>
    ws.eachRow((row) => row.eachCell((c) => !String(c.numFmt ?? '').includes('%') && small(c.value) && found++)),
  );
  assert.ok(found > 0);
});

test('suppressReport: small counts become SUPPRESSED, percents and verdicts over them null, I7/I18 kept, zero shown', () => {
  const { report } = reports[0];
  const s = suppressReport(report, 5, { except });
  assert.equal(s.suppressedBelow, 5);
  assert.notEqual(s, report);
  for (const [i, x] of report.indicators.entries()) {
    const y = s.indicators[i];
    if (except.has(x.id)) {
      assert.deepEqual(y, x);
      continue;
    }
    assert.equal(y.numerator, small(x.numerator) ? SUPPRESSED : x.numerator);
    assert.equal(y.denominator, small(x.denominator) ? SUPPRESSED : x.denominator);
    if (small(x.numerator) || small(x.denominator)) assert.deepEqual([y.value, y.met], [null, null]);
    else assert.deepEqual([y.value, y.met], [x.value, x.met]);
    for (const k of ['commune', 'sex', 'ageBand', 'quarter'])
      x.breakdown[k].forEach((c, j) => {
        assert.equal(y.breakdown[k][j].numerator, small(c.numerator) ? SUPPRESSED : c.numerator);
        if (c.numerator === 0) assert.equal(y.breakdown[k][j].numerator, 0);
      });
  }
  s.flows.forEach((f, i) =>
    Object.entries(f).forEach(([k, v]) => k !== 'quarter' && assert.equal(v, small(report.flows[i][k]) ? -1 : v)),
  );
  assert.deepEqual(suppressReport(s, 5, { except }), s, 'suppressing twice changes nothing');
  assert.ok(
    !JSON.stringify(s.indicators.filter((x) => !except.has(x.id)).map(({ members: _m, ...x }) => x)).match(
      /"(numerator|denominator|value)":[1-4][,}]/,
    ),
  );
  assert.throws(() => suppressReport(report, 0), /below must be a whole number ≥ 1, got 0/);
  assert.throws(() => suppressReport(report, 2.5), RangeError);
});

test('a report suppressed on the server exports suppressed; a bad suppressedBelow is named', () => {
  const s = suppressReport(reports[2].report, 5, { except });
  const csv = reportToCsv(JSON.parse(JSON.stringify(s)), 'en');
  assert.ok(csv.includes('< 5'));
  assert.ok(!records(csv).flat().includes('-1'), 'the SUPPRESSED marker never shows');
  assert.throws(
    () => reportToCsv({ ...s, suppressedBelow: 'x' }, 'vi'),
    (e) => e instanceof ReportExportError && e.path === 'report.suppressedBelow',
  );
  assert.throws(
    () =>
      reportToCsv(
        reports[2].report.indicators.length
          ? { ...reports[2].report, indicators: [{ ...reports[2].report.indicators[0], numerator: -1 }] }
          : null,
        'vi',
      ),
    (e) => e instanceof ReportExportError && /indicators\[0\]\.numerator/.test(e.path),
    'an unsuppressed report may not hold -1',
  );
});

test('the previous period is suppressed too: its percent over a hidden count is empty', () => {
  const { report } = reports[1];
  const previous = reports[0].report;
  const csv = reportToCsv(report, 'en', {
    suppressBelow: 5,
    suppressExcept: except,
    previous: { ...previous, query: report.query },
  });
  const rows = records(csv);
  const head = rows.findIndex((r) => r[0] === 'ID');
  const byId = new Map(previous.indicators.map((x) => [x.id, x]));
  let checked = 0;
  const end = rows.findIndex((r, i) => i > head && r.every((f) => f === ''));
  for (const r of rows.slice(head + 1, end)) {
    const p = byId.get(r[0]);
    if (!p || except.has(p.id) || p.kind !== 'ratio' || !(small(p.numerator) || small(p.denominator))) continue;
    assert.equal(r[6], '', `${p.id}: previous percent empty`);
    checked++;
  }
  assert.ok(checked > 0);
});
