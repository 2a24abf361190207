// The CSV and XLSX exports (packages/reports/src/export) on a hand-built report that has every case the layout
// must handle: a ratio met, one not met, one without a denominator, a count against a target, an indicator
// without target, notes and assumptions, texts with commas, quotes, line breaks and a formula-like start, an
// empty report, and malformed reports. The CSV is parsed back (RFC 4180) and the XLSX opened by a real reader
// (exceljs) to compare numbers, types and sheet names. The fixture report of the engine: export-fixtures.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import { reportToCsv, reportToXlsx, ReportExportError, exportFileName } from '../dist/export/index.js';
import { parseCsv } from './csv-reader.mjs';

const cells = (rows) => rows.map((r) => ({ key: r[0], numerator: r[1], denominator: r[2] }));

/** A report as computeReport returns it (hand-built test data, not engine output). */
function sampleReport() {
  const ind = (id, o) => ({
    id,
    title: { vi: `Chỉ tiêu ${id}`, en: `Indicator ${id}` },
    numeratorLabel: { vi: `người được phục vụ (${id})`, en: `persons served (${id})` },
    sources: ['S1'],
    breakdown: { commune: [], sex: [], ageBand: [], quarter: [] },
    ...o,
  });
  return {
    query: { from: '2026-01-01', to: '2026-06-30', province: '79', plan: 'hanoi-2024' },
    periodLabel: { vi: '6 tháng đầu năm 2026', en: 'First half of 2026' },
    definitions: {
      version: '2026.1',
      plan: { id: 'hanoi-2024', title: { vi: 'Kế hoạch 96/KH-UBND', en: 'Plan 96/KH-UBND' }, source: 'KH 96/KH-UBND' },
    },
    casesRead: 1234,
    persons: 1001,
    indicators: [
      ind('I1', {
        kind: 'ratio',
        title: { vi: 'Tiếp cận dịch vụ, "tư vấn", điều trị', en: 'Reached services, "counselling", treatment' },
        denominatorLabel: { vi: 'người nghiện có hồ sơ', en: 'addicts with a dossier' },
        target: { value: 80, comparison: '>=', text: { vi: '≥80%', en: '≥80%' }, plan: 'hanoi-2024' },
        numerator: 5,
        denominator: 6,
        value: 83.3,
        met: true,
        assumption: { vi: 'Đọc "dịch vụ" theo S3,\nkể cả sàng lọc', en: 'Services read as in S3,\nscreening included' },
        breakdown: {
          commune: cells([
            ['26734', 3, 3],
            ['26737', 2, 3],
          ]),
          sex: cells([['male', 5, 6]]),
          ageBand: cells([['18-29', 5, 6]]),
          quarter: cells([
            ['2026-Q1', 2, 4],
            ['2026-Q2', 4, 6],
          ]),
        },
      }),
      ind('I2', {
        kind: 'ratio',
        target: { value: 80, comparison: '>', plan: 'hanoi-2024' },
        numerator: 1,
        denominator: 4,
        value: 25,
        met: false,
        breakdown: { commune: cells([['26734', 1, 4]]), sex: [], ageBand: [], quarter: [] },
      }),
      ind('I5', {
        kind: 'ratio',
        target: { value: 100, comparison: '>=', plan: 'hanoi-2024' },
        numerator: 0,
        denominator: 0,
        value: null,
        met: null,
        breakdown: { commune: cells([['26740', 0, 0]]), sex: [], ageBand: [], quarter: [] },
      }),
      ind('I9', {
        kind: 'count',
        title: { vi: '=HYPERLINK("x") người cai tại cơ sở công lập', en: '=HYPERLINK("x") at public facilities' },
        target: { value: 1200, comparison: '>=', text: { vi: '1.200 người', en: '1,200 persons' }, plan: 'hanoi-2024' },
        numerator: 1350,
        denominator: null,
        value: 1350,
        met: true,
        breakdown: { commune: cells([['26734', 1350, null]]), sex: [], ageBand: [], quarter: [] },
      }),
      ind('I17', { kind: 'ratio', numerator: 2, denominator: 8, value: 25, met: null }),
    ],
    flows: [
      {
        quarter: '2026-Q1',
        positiveTests: 10,
        newAddicts: 4,
        voluntaryStarts: 3,
        compulsoryFiled: 1,
        compulsoryAdmitted: 1,
        postRehabEntries: 2,
        relapses: 0,
      },
      {
        quarter: '2026-Q2',
        positiveTests: 7,
        newAddicts: 2,
        voluntaryStarts: 2,
        compulsoryFiled: 0,
        compulsoryAdmitted: 1,
        postRehabEntries: 1,
        relapses: 1,
      },
    ],
    communes: [
      { code: '26734', cases: 800 },
      { code: '26737', cases: 434 },
    ],
  };
}

/** The table rows under the header row whose first cell is `first` (until an empty row). */
function tableAfter(records, first) {
  const start = records.findIndex((r) => r[0] === first);
  assert.ok(start >= 0, `no header row starting with "${first}"`);
  const out = [];
  for (let i = start + 1; i < records.length && records[i].some((c) => c !== ''); i++) out.push(records[i]);
  return { header: records[start], rows: out };
}

test('CSV: BOM, RFC 4180, header block, one row per indicator with the same numbers', () => {
  const report = sampleReport();
  const csv = reportToCsv(report, 'vi');
  assert.equal(csv.charCodeAt(0), 0xfeff, 'starts with the UTF-8 byte-order mark');
  const records = parseCsv(csv.slice(1));
  const width = records[0].length;
  assert.ok(
    records.every((r) => r.length === width),
    'every record has the same number of fields',
  );
  assert.equal(records[0][0], 'KẾT QUẢ THỰC HIỆN CHỈ TIÊU');
  const block = Object.fromEntries(records.slice(1, 10).map((r) => [r[0], r.slice(1).filter(Boolean)]));
  assert.deepEqual(block['Kỳ báo cáo'], ['6 tháng đầu năm 2026']);
  assert.deepEqual(block['Từ ngày'], ['01/01/2026']);
  assert.deepEqual(block['Đến ngày'], ['30/06/2026']);
  assert.deepEqual(block['Kế hoạch'], ['Kế hoạch 96/KH-UBND', 'KH 96/KH-UBND']);
  assert.match(block['Đơn vị'][0], /79/);
  assert.deepEqual(block['Số hồ sơ đã đọc'], ['1234']);

  const { header, rows } = tableAfter(records, 'Mã');
  assert.deepEqual(header.slice(0, 8), [
    'Mã',
    'Chỉ tiêu',
    'Mục tiêu',
    'Tử số',
    'Mẫu số',
    'Tỷ lệ (%)',
    'Kết quả',
    'Nguồn',
  ]);
  assert.equal(rows.length, report.indicators.length);
  const byId = Object.fromEntries(rows.map((r) => [r[0], r]));
  for (const x of report.indicators) {
    const r = byId[x.id];
    assert.equal(Number(r[3]), x.numerator, `${x.id} numerator`);
    if (x.kind === 'ratio') assert.equal(Number(r[4]), x.denominator, `${x.id} denominator`);
    else assert.equal(r[4], '', `${x.id}: a count has no denominator`);
    assert.equal(r[5] === '' ? null : Number(r[5]), x.kind === 'ratio' ? x.value : null, `${x.id} percent`);
  }
  // Texts with quotes and commas come back whole; the formula-like title is neutralised.
  assert.equal(byId.I1[1], 'Tiếp cận dịch vụ, "tư vấn", điều trị');
  assert.equal(byId.I9[1], '\'=HYPERLINK("x") người cai tại cơ sở công lập');
  assert.deepEqual(
    ['I1', 'I2', 'I5', 'I9', 'I17'].map((id) => byId[id][6]),
    ['Đạt', 'Chưa đạt', 'Không có mẫu số', 'Đạt', 'Không có mục tiêu'],
  );
  assert.equal(byId.I1[2], '≥80%');
  assert.equal(byId.I2[2], '> 80%');
  assert.equal(byId.I9[2], '1.200 người');
  // The note with a line break survives quoting.
  assert.ok(
    records.some((r) => r[0] === 'I1' && r[1] === 'Cách hiểu định nghĩa: Đọc "dịch vụ" theo S3,\nkể cả sàng lọc'),
  );
});

test('CSV: the breakdown by commune follows, one row per indicator × commune', () => {
  const report = sampleReport();
  const records = parseCsv(reportToCsv(report, 'en').slice(1));
  assert.ok(records.some((r) => r[0] === 'RESULTS BY COMMUNE'));
  const { header, rows } = tableAfter(records.slice(records.findIndex((r) => r[0] === 'RESULTS BY COMMUNE')), 'ID');
  assert.deepEqual(header.slice(0, 6), ['ID', 'Indicator', 'Commune code', 'Numerator', 'Denominator', 'Percent (%)']);
  const expected = report.indicators.flatMap((x) =>
    x.breakdown.commune.map((c) => [
      x.id,
      c.key,
      c.numerator,
      x.kind === 'ratio' ? c.denominator : null,
      x.kind === 'ratio' && c.denominator ? Math.round((c.numerator / c.denominator) * 1000) / 10 : null,
    ]),
  );
  const num = (s) => (s === '' ? null : Number(s));
  assert.deepEqual(
    rows.map((r) => [r[0], r[2], num(r[3]), num(r[4]), num(r[5])]),
    expected,
  );
  assert.deepEqual(rows.find((r) => r[0] === 'I1' && r[2] === '26737').slice(3, 6), ['2', '3', '66.7']);
});

test('CSV: a commune name function adds the names; English words in English', () => {
  const report = sampleReport();
  const csv = reportToCsv(report, 'en', { communeName: (c) => (c === '26734' ? 'Phường Bến Thành, Q.1' : undefined) });
  const records = parseCsv(csv.slice(1));
  assert.equal(records[0][0], 'TARGET ATTAINMENT');
  const row = records.find((r) => r[0] === 'I2' && r[2] === '26734');
  assert.equal(row[3], 'Phường Bến Thành, Q.1');
  assert.deepEqual(row.slice(4, 7), ['1', '4', '25']);
  assert.ok(records.some((r) => r[0] === 'I5' && r[6] === 'No denominator'));
});

test('an empty report (no indicators, no cases) still gives both files with the header block and says so', async () => {
  const report = { ...sampleReport(), indicators: [], flows: [], casesRead: 0, persons: 0, communes: [] };
  const records = parseCsv(reportToCsv(report, 'vi').slice(1));
  assert.ok(records.some((r) => r.includes('Báo cáo không có chỉ tiêu nào.')));
  assert.ok(records.some((r) => r.includes('Không có số liệu.')));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(reportToXlsx(report, 'vi')));
  assert.deepEqual(
    wb.worksheets.map((w) => w.name),
    ['Chỉ tiêu', 'Theo xã', 'Theo quý'],
  );
  const values = [];
  wb.getWorksheet('Chỉ tiêu').eachRow((row) => values.push(...row.values.filter((v) => v !== undefined)));
  assert.ok(values.includes('Báo cáo không có chỉ tiêu nào.'));
  assert.ok(values.includes(0), 'cases read is the number 0');
});

test('malformed reports are refused with the path of the wrong field', () => {
  const bad = (mutate, path) => {
    const r = sampleReport();
    mutate(r);
    for (const fn of [reportToCsv, reportToXlsx])
      assert.throws(
        () => fn(r, 'vi'),
        (e) => e instanceof ReportExportError && e.path === path && e.message.startsWith(`${path}: `),
        `${fn.name}: ${path}`,
      );
  };
  bad((r) => (r.indicators[2].numerator = '3'), 'report.indicators[2].numerator');
  bad((r) => (r.indicators[0].denominator = -1), 'report.indicators[0].denominator');
  bad(
    (r) => (r.indicators[0].breakdown.commune[1].numerator = Number.NaN),
    'report.indicators[0].breakdown.commune[1].numerator',
  );
  bad((r) => delete r.indicators, 'report.indicators');
  bad((r) => (r.periodLabel = 'H1'), 'report.periodLabel');
  bad((r) => (r.indicators[1].kind = 'share'), 'report.indicators[1].kind');
  assert.throws(() => reportToCsv(sampleReport(), 'fr'), /^ReportExportError: lang: expected "vi" or "en", got "fr"$/);
  assert.throws(() => reportToXlsx(null, 'vi'), /report: expected a report object, got null/);
});

test('a ratio whose denominator is missing (null) exports an empty denominator and percent, not 0', async () => {
  const r = sampleReport();
  Object.assign(r.indicators[2], { denominator: null, value: null, met: null });
  const row = parseCsv(reportToCsv(r, 'en').slice(1)).find((x) => x[0] === 'I5');
  assert.deepEqual(row.slice(3, 7), ['0', '', '', 'No denominator']);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(reportToXlsx(r, 'en')));
  const ws = wb.getWorksheet('Targets');
  let found;
  ws.eachRow((x) => x.getCell(1).value === 'I5' && !found && (found = x));
  assert.equal(found.getCell(4).value, 0);
  assert.equal(found.getCell(5).value, null);
  assert.equal(found.getCell(6).value, null);
});

/** Rows of a worksheet as arrays of cell values (1-based columns → 0-based). */
function sheetRows(ws) {
  const rows = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => (rows[n - 1] = row.values.slice(1)));
  return rows;
}

test('XLSX opens in exceljs: three sheets, numbers as numbers, percent formatted, bold headings, widths', async () => {
  const report = sampleReport();
  const bytes = reportToXlsx(report, 'vi', { created: new Date('2026-07-05T01:02:03Z') });
  assert.ok(bytes instanceof Uint8Array);
  assert.deepEqual([...bytes.slice(0, 4)], [0x50, 0x4b, 0x03, 0x04], 'a zip file');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes));
  assert.deepEqual(
    wb.worksheets.map((w) => w.name),
    ['Chỉ tiêu', 'Theo xã', 'Theo quý'],
  );
  assert.equal(wb.title, 'KẾT QUẢ THỰC HIỆN CHỈ TIÊU — 6 tháng đầu năm 2026');

  const ws = wb.getWorksheet('Chỉ tiêu');
  const rows = sheetRows(ws);
  assert.equal(rows[0][0], 'KẾT QUẢ THỰC HIỆN CHỈ TIÊU');
  assert.equal(ws.getCell('A1').font?.bold, true, 'the title is bold');
  const h = rows.findIndex((r) => r?.[0] === 'Mã');
  assert.ok(h > 0);
  assert.equal(ws.getRow(h + 1).getCell(1).font?.bold, true, 'the table header is bold');
  assert.equal(ws.getColumn(2).width, 60, 'the title column is wide');
  for (const [i, x] of report.indicators.entries()) {
    const row = ws.getRow(h + 2 + i);
    assert.equal(row.getCell(1).value, x.id);
    assert.equal(row.getCell(4).value, x.numerator, `${x.id} numerator is a number`);
    assert.equal(typeof row.getCell(4).value, 'number');
    assert.equal(row.getCell(5).value, x.kind === 'ratio' ? x.denominator : null);
    const p = row.getCell(6);
    if (x.kind === 'ratio' && x.value !== null) {
      assert.equal(typeof p.value, 'number');
      assert.equal(Math.round(p.value * 1000) / 10, x.value, `${x.id} percent`);
      assert.equal(p.numFmt, '0.0%');
    } else assert.equal(p.value, null);
  }
  assert.equal(ws.getRow(h + 2).getCell(7).value, 'Đạt');

  const communes = sheetRows(wb.getWorksheet('Theo xã'));
  const ch = communes.findIndex((r) => r?.[0] === 'Mã');
  const data = communes.slice(ch + 1).filter(Boolean);
  assert.deepEqual(
    data.map((r) => [r[0], r[2], r[3], r[4] ?? null]),
    report.indicators.flatMap((x) =>
      x.breakdown.commune.map((c) => [x.id, c.key, c.numerator, x.kind === 'ratio' ? c.denominator : null]),
    ),
  );
  const quarters = sheetRows(wb.getWorksheet('Theo quý'));
  const q1 = quarters.find((r) => r?.[0] === 'I1' && r[2] === '2026-Q2');
  assert.deepEqual(q1.slice(3, 5), [4, 6]);
  assert.equal(Math.round(q1[5] * 1000) / 10, 66.7);
  const flowHead = quarters.findIndex((r) => r?.[0] === 'Quý' && r[1] === 'Xét nghiệm dương tính');
  assert.ok(flowHead > 0, 'the flows table is there');
  assert.deepEqual(quarters[flowHead + 1], ['2026-Q1', 10, 4, 3, 1, 1, 2, 0]);
  assert.deepEqual(quarters[flowHead + 2], ['2026-Q2', 7, 2, 2, 0, 1, 1, 1]);
});

test('XLSX in English has English sheet names; the zip holds the OOXML parts with valid XML text', async () => {
  const bytes = reportToXlsx(sampleReport(), 'en');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes));
  assert.deepEqual(
    wb.worksheets.map((w) => w.name),
    ['Targets', 'By commune', 'By quarter'],
  );
  const parts = unzipSync(bytes);
  assert.equal(Object.keys(parts)[0], '[Content_Types].xml');
  for (const p of ['xl/workbook.xml', 'xl/styles.xml', 'xl/sharedStrings.xml', 'xl/worksheets/sheet3.xml'])
    assert.ok(parts[p], p);
  const sst = strFromU8(parts['xl/sharedStrings.xml']);
  assert.match(sst, /=HYPERLINK\(&quot;x&quot;\) at public facilities/, 'text is escaped, stored as text (no formula)');
  assert.doesNotMatch(strFromU8(parts['xl/worksheets/sheet1.xml']), /<f>/, 'no formulas');
});

test('the same report gives the same bytes at the same creation time; file names name unit and period', () => {
  const created = new Date('2026-07-05T00:00:00Z');
  assert.deepEqual(reportToXlsx(sampleReport(), 'vi', { created }), reportToXlsx(sampleReport(), 'vi', { created }));
  assert.equal(exportFileName(sampleReport(), 'xlsx'), 'bao-cao_79_2026-01-01_2026-06-30.xlsx');
  const r = sampleReport();
  r.query.communes = ['26734', '26737'];
  assert.equal(exportFileName(r, 'csv', 'en'), 'report_26734-26737_2026-01-01_2026-06-30.csv');
});

test('the fixture report of the engine: CSV and XLSX carry the numbers of expected.json', async () => {
  const { computeReport } = await import('../dist/index.js');
  const { readFileSync } = await import('node:fs');
  const fixture = (f) => JSON.parse(readFileSync(new URL(`./fixtures/${f}`, import.meta.url), 'utf8'));
  const cases = fixture('cases.json');
  for (const want of fixture('expected.json').queries) {
    const report = computeReport(cases, want.query);
    for (const lang of ['vi', 'en']) {
      const l = lang === 'vi' ? { id: 'Mã', sheet: 'Chỉ tiêu' } : { id: 'ID', sheet: 'Targets' };
      const { rows } = tableAfter(parseCsv(reportToCsv(report, lang).slice(1)), l.id);
      const csv = Object.fromEntries(rows.map((r) => [r[0], r]));
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(reportToXlsx(report, lang)));
      const xlsx = {};
      wb.getWorksheet(l.sheet).eachRow((row) => {
        const id = row.getCell(1).value;
        if (typeof id === 'string' && want.indicators[id] && typeof row.getCell(4).value === 'number') xlsx[id] = row;
      });
      for (const [id, x] of Object.entries(want.indicators)) {
        const where = `${want.name} ${lang} ${id}`;
        assert.equal(Number(csv[id][3]), x.numerator, `${where}: CSV numerator`);
        assert.equal(xlsx[id].getCell(4).value, x.numerator, `${where}: XLSX numerator`);
        if ('denominator' in x && x.denominator !== null) {
          assert.equal(Number(csv[id][4]), x.denominator, `${where}: CSV denominator`);
          assert.equal(xlsx[id].getCell(5).value, x.denominator, `${where}: XLSX denominator`);
        }
        const kind = report.indicators.find((r) => r.id === id).kind;
        if ('value' in x && kind === 'ratio') {
          assert.equal(csv[id][5] === '' ? null : Number(csv[id][5]), x.value, `${where}: CSV percent`);
          const v = xlsx[id].getCell(6).value;
          assert.equal(v === null ? null : Math.round(v * 1000) / 10, x.value, `${where}: XLSX percent`);
        }
      }
    }
  }
});

test('characters XML cannot hold are dropped from the XLSX (the file still opens); the CSV keeps the text', async () => {
  const r = sampleReport();
  r.indicators[0].title.vi = 'Chỉ tiêu\u0001 có ký tự điều khiển \uD800 & <thẻ>';
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(reportToXlsx(r, 'vi')));
  const titles = [];
  wb.getWorksheet('Chỉ tiêu').eachRow((row) => row.getCell(1).value === 'I1' && titles.push(row.getCell(2).value));
  assert.equal(titles[0], 'Chỉ tiêu có ký tự điều khiển  & <thẻ>');
  assert.ok(reportToCsv(r, 'vi').includes('Chỉ tiêu\u0001 có ký tự'));
});

test("R1's previous-period column: the previous report's percent (ratio) or count, in CSV and XLSX", async () => {
  const report = sampleReport();
  const previous = sampleReport();
  previous.periodLabel = { vi: '6 tháng cuối năm 2025', en: 'Second half of 2025' };
  Object.assign(previous.indicators[0], { numerator: 3, denominator: 6, value: 50 });
  Object.assign(previous.indicators[3], { numerator: 900, value: 900 });
  previous.indicators.splice(1, 1); // I2 was not reported then
  const records = parseCsv(reportToCsv(report, 'vi', { previous }).slice(1));
  assert.ok(records.some((r) => r[0] === 'Kỳ trước' && r[1] === '6 tháng cuối năm 2025'));
  const { header, rows } = tableAfter(records, 'Mã');
  const col = header.indexOf('Kỳ trước');
  assert.equal(col, 6, 'beside the percent');
  const byId = Object.fromEntries(rows.map((r) => [r[0], r]));
  assert.deepEqual(
    ['I1', 'I2', 'I5', 'I9'].map((id) => byId[id][col]),
    ['50', '', '', '900'],
  );
  assert.equal(byId.I1[7], 'Đạt', 'the verdict moves one column right');

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(reportToXlsx(report, 'en', { previous })));
  const sheet = sheetRows(wb.getWorksheet('Targets'));
  const h = sheet.findIndex((r) => r?.[0] === 'ID');
  assert.equal(sheet[h][6], 'Previous period');
  const i1 = sheet.find((r) => r?.[0] === 'I1');
  assert.equal(Math.round(i1[6] * 1000) / 10, 50);
  assert.equal(
    wb
      .getWorksheet('Targets')
      .getRow(h + 2)
      .getCell(7).numFmt,
    '0.0%',
  );
  assert.equal(sheet.find((r) => r?.[0] === 'I9')[6], 900);

  previous.indicators[0].numerator = 'x';
  assert.throws(
    () => reportToCsv(report, 'vi', { previous }),
    /^ReportExportError: options\.previous\.indicators\[0\]\.numerator: /,
  );
});
