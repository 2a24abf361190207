/**
 * `GET /reports` on PGlite: the indicator fixture cases of @hoso/reports (packages/reports/test/fixtures/cases.json,
 * made by the real runtime) stored encrypted through the server's Repository, then asked for as different users.
 * The numbers must be exactly those of packages/reports/test/fixtures/expected.json — the file the browser test
 * of @hoso/reports compares with — so browser and server agree. Then scope (commune vs province), the
 * `members` permission, the query errors with their pointers, the CSV/XLSX formats, and small-cell suppression
 * (counts of 1–4 persons hidden from everyone but the commune's own staff reading their commune).
 */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { computeReport, suppressReport, communeCountedIds, defaultDefinitions, SUPPRESSED } from '@hoso/reports';
import { readReportCases, serverReport } from '../dist/reports.js';
import { ReportCaseCache } from '../dist/reports-cache.js';
import { ROOT, testServer, token, get } from './support.mjs';

const FIXTURES = join(ROOT, 'packages/reports/test/fixtures');
const cases = JSON.parse(readFileSync(join(FIXTURES, 'cases.json'), 'utf8'));
const expected = JSON.parse(readFileSync(join(FIXTURES, 'expected.json'), 'utf8'));

const A = '26734';
const except = communeCountedIds(defaultDefinitions());
const B = '26737';

let s;
before(
  async (t) => {
    s = await testServer(t, { purgeIntervalMs: 0 });
    await s.db.transaction(async (tx) => {
      for (const c of cases) await s.repo.saveCase(tx, c, c.person.communeCode, true);
    });
  },
  { timeout: 300_000 },
);

const province = () => token(['provincial-police'], '79');

/** The parts of a zip (the .xlsx) as text: local file headers walked in order, deflated or stored entries. */
function unzip(bytes) {
  const buf = Buffer.from(bytes);
  const parts = {};
  for (let i = 0; buf.readUInt32LE(i) === 0x04034b50;) {
    const [method, size, nameLen, extraLen] = [
      buf.readUInt16LE(i + 8),
      buf.readUInt32LE(i + 18),
      buf.readUInt16LE(i + 26),
      buf.readUInt16LE(i + 28),
    ];
    const name = buf.toString('utf8', i + 30, i + 30 + nameLen);
    const start = i + 30 + nameLen + extraLen;
    const data = buf.subarray(start, start + size);
    parts[name] = (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    i = start + size;
  }
  return parts;
}
const qs = (q) =>
  new URLSearchParams(
    Object.entries(q)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : String(v)]),
  ).toString();

/** The numbers of a report, indicator by indicator (what expected.json holds for each report). */
const numbers = (report) =>
  Object.fromEntries(
    report.indicators.map((x) => [
      x.id,
      { numerator: x.numerator, denominator: x.denominator, value: x.value, met: x.met },
    ]),
  );

/** The reports of expected.json: `{ name, query, indicators: { I1: {...} }, breakdowns?, members?, flows?, … } `. */
const expectedReports = () => expected.queries;

/** The query string of a report query (lists comma-separated). */
const queryString = (q) =>
  qs({ from: q.from, to: q.to, communes: q.communes, province: q.province, plan: q.plan, members: q.members });

test('the fixture cases are stored encrypted: no personal name in the table', async () => {
  const rows = await s.db.query('SELECT count(*)::int AS n FROM cases');
  assert.equal(rows[0].n, cases.length);
  const raw = await s.db.query('SELECT person_enc FROM cases');
  const name = cases[0].person.fullName;
  assert.ok(raw.every((r) => !Buffer.from(r.person_enc).toString('utf8').includes(name)));
});

test('the cases read back for a report are the stored cases, decrypted, across pages', async () => {
  const back = await readReportCases(s.db, s.repo, 5);
  assert.equal(back.length, cases.length);
  assert.deepEqual(back, cases, 'every case as it was stored, in the order written');
});

for (const want of expectedReports()) {
  test(`GET /reports gives exactly the numbers of expected.json: ${want.name}`, async () => {
    // The server's read and engine give expected.json's exact numbers; the provincial user gets them suppressed.
    const got = JSON.parse(JSON.stringify(await serverReport(s.db, s.repo, want.query)));
    const r = await get(s, `/reports?${queryString(want.query)}`, await province());
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual(r.body, JSON.parse(JSON.stringify(suppressReport(got, 5, { except }))));
    for (const k of ['casesRead', 'persons', 'periodLabel', 'communes', 'flows'])
      if (k in want) assert.deepEqual(got[k], want[k], `${want.name}: ${k}`);
    const byId = Object.fromEntries(got.indicators.map((x) => [x.id, x]));
    for (const [id, x] of Object.entries(want.indicators)) {
      assert.ok(byId[id], `${id} is in the report`);
      for (const k of ['numerator', 'denominator', 'value', 'met'])
        if (k in x) assert.deepEqual(byId[id][k], x[k], `${want.name}: ${id}.${k}`);
    }
    for (const [id, b] of Object.entries(want.breakdowns ?? {}))
      for (const [k, cells] of Object.entries(b))
        if (k !== 'why') assert.deepEqual(byId[id].breakdown[k], cells, `${want.name}: ${id} by ${k}`);
    for (const [id, m] of Object.entries(want.members ?? {}))
      for (const side of ['numerator', 'denominator'])
        assert.deepEqual(
          byId[id].members[side].map((p) => p.key).sort(),
          [...m[side]].sort(),
          `${want.name}: ${id} members of the ${side}`,
        );
  });
}

test('a commune officer gets the report of their commune: the engine over every case, filtered to it', async () => {
  // expected.json's commune A report counts P1, whose case is stored under commune B (he moved to A on 28/08).
  const want = expectedReports().find((x) => x.query.communes?.length === 1 && x.query.communes[0] === A);
  const q = want.query;
  const r = await get(s, `/reports?${qs({ from: q.from, to: q.to })}`, await token(['commune-officer'], A));
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.deepEqual(r.body.query.communes, [A]);
  const got = numbers(r.body);
  for (const [id, x] of Object.entries(want.indicators))
    for (const k of ['numerator', 'denominator', 'value']) assert.deepEqual(got[id][k], x[k], `${id}.${k}`);
  // The same engine in this process over the fixture file, with the commune filter: the same numbers throughout.
  const local = computeReport(cases, { from: q.from, to: q.to, communes: [A] });
  assert.deepEqual(got, numbers(local));
  const whole = await get(s, `/reports?${qs({ from: q.from, to: q.to })}`, await province());
  assert.notDeepEqual(numbers(r.body), numbers(whole.body), 'the commune report is not the province report');
  assert.ok(
    r.body.indicators.every((x) => x.breakdown.commune.every((c) => c.key === A)),
    'no other commune appears in the breakdown',
  );
});

test('a provincial user may name communes; members only for roles allowed to see names', async () => {
  const q = expectedReports()[0].query;
  const both = await get(s, `/reports?${qs({ from: q.from, to: q.to, communes: [A, B] })}`, await province());
  assert.equal(both.status, 200);
  assert.deepEqual(both.body.query.communes, [A, B]);
  assert.equal(both.body.indicators[0].members, undefined, 'no members unless asked');

  const withMembers = await get(s, `/reports?${qs({ from: q.from, to: q.to, members: true })}`, await province());
  assert.equal(withMembers.status, 200);
  const m = withMembers.body.indicators.find((x) => x.numerator > 0).members;
  assert.ok(m && Array.isArray(m.numerator) && m.numerator.length > 0, 'persons behind a number');

  const chair = await get(
    s,
    `/reports?${qs({ from: q.from, to: q.to, members: true })}`,
    await token(['provincial-pc-chair'], '79'),
  );
  assert.equal(chair.status, 403);
  assert.equal(chair.body.code, 'members-not-permitted');
  assert.equal(chair.body.pointer, '/members');
  assert.match(chair.body.message.vi, /không được xem danh sách/);
  assert.match(chair.body.message.en, /may not see the persons/);

  const provider = await get(s, `/reports?${qs({ from: q.from, to: q.to })}`, await token(['service-provider'], A));
  assert.equal(provider.status, 403);
  assert.equal(provider.body.code, 'role-not-permitted');
});

test('a commune role naming another commune is refused (403, pointer to it)', async () => {
  const r = await get(
    s,
    `/reports?from=2026-01-01&to=2026-12-31&communes=${A},${B}`,
    await token(['commune-pc-chair'], A),
  );
  assert.equal(r.status, 403);
  assert.equal(r.body.code, 'other-commune');
  assert.equal(r.body.pointer, '/communes/1');
});

test('bad queries are refused with 400 and the pointer of the parameter', async () => {
  const auth = await province();
  const cases400 = [
    ['to=2026-12-31', '/from'],
    ['from=2026-02-30&to=2026-12-31', '/from'],
    ['from=2026-01-01&to=31/12/2026', '/to'],
    ['from=2026-07-01&to=2026-06-30', '/to'],
    ['from=2000-01-01&to=2026-12-31', '/to'],
    ['from=2026-01-01&to=2026-12-31&communes=26734,%3Cx%3E', '/communes/1'],
    ['from=2026-01-01&to=2026-12-31&members=yes', '/members'],
    ['from=2026-01-01&to=2026-12-31&plan=Bad%20Plan', '/plan'],
    ['from=2026-01-01&to=2026-12-31&plan=no-such-plan', '/plan'],
    ['from=2026-01-01&to=2026-12-31&format=pdf', '/format'],
  ];
  for (const [query, pointer] of cases400) {
    const r = await get(s, `/reports?${query}`, auth);
    assert.equal(r.status, 400, `${query}: ${JSON.stringify(r.body)}`);
    assert.equal(r.body.code, 'invalid-query', query);
    assert.equal(r.body.pointer, pointer, query);
    assert.ok(r.body.message.vi && r.body.message.en, query);
  }
  const anonymous = await get(s, '/reports?from=2026-01-01&to=2026-12-31');
  assert.equal(anonymous.status, 401);
});

test('format=csv and format=xlsx answer the exports of the same report, as attachments', async () => {
  const auth = await province();
  const csv = await fetch(`${s.url}/reports?from=2026-01-01&to=2026-12-31&format=csv&lang=en`, {
    headers: { Authorization: `Bearer ${auth}` },
  });
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-type'), /^text\/csv/);
  assert.match(
    csv.headers.get('content-disposition'),
    /attachment; filename="report_province_2026-01-01_2026-12-31.csv"/,
  );
  const raw = new Uint8Array(await csv.arrayBuffer());
  assert.deepEqual([...raw.slice(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with a byte-order mark');
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(raw);
  assert.ok(text.startsWith('\uFEFFTARGET ATTAINMENT'), text.slice(0, 40));
  // The same numbers as the JSON report: I2's row of the CSV.
  const json = await get(s, '/reports?from=2026-01-01&to=2026-12-31', auth);
  const i2 = json.body.indicators.find((x) => x.id === 'I2');
  const row = text.split('\r\n').find((l) => l.startsWith('I2,'));
  assert.ok(row.includes(`,${i2.numerator},${i2.denominator},${i2.value},`), row);
  const xlsx = await fetch(`${s.url}/reports?from=2026-01-01&to=2026-12-31&format=xlsx`, {
    headers: { Authorization: `Bearer ${auth}` },
  });
  assert.equal(xlsx.status, 200);
  const bytes = new Uint8Array(await xlsx.arrayBuffer());
  assert.deepEqual([...bytes.slice(0, 2)], [0x50, 0x4b]);
  assert.equal(xlsx.headers.get('cache-control'), 'no-store');
  assert.match(xlsx.headers.get('server-timing'), /^read;dur=[\d.]+, compute;dur=[\d.]+$/);
});

test('small cells: a provincial role reads counts of 1–4 persons as suppressed in JSON, CSV and XLSX; the commune’s own staff exactly', async () => {
  const q = { from: '2026-07-01', to: '2026-12-31' };
  const small = (v) => Number.isInteger(v) && v > 0 && v < 5;
  const exact = await get(s, `/reports?${qs(q)}`, await token(['commune-officer'], A));
  assert.equal(exact.status, 200);
  assert.equal(exact.body.suppressedBelow, undefined, 'the commune’s own staff: no suppression');
  const hidden = exact.body.indicators.filter((x) => !except.has(x.id) && (small(x.numerator) || small(x.denominator)));
  assert.ok(hidden.length > 0, 'the commune report has small counts');

  // A provincial role (even one whose token names commune A) on commune A, and the province's own pc chair.
  for (const auth of [await token(['provincial-police'], A), await token(['provincial-pc-chair'], '79')]) {
    const r = await get(s, `/reports?${qs({ ...q, communes: [A] })}`, auth);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.suppressedBelow, 5);
    for (const x of r.body.indicators) {
      const e = exact.body.indicators.find((y) => y.id === x.id);
      if (except.has(x.id)) {
        assert.deepEqual([x.numerator, x.denominator, x.value], [e.numerator, e.denominator, e.value], x.id);
        continue;
      }
      const cells = [x, ...Object.values(x.breakdown).flat()];
      for (const c of cells) assert.ok(!small(c.numerator) && !small(c.denominator), `${x.id} ${JSON.stringify(c)}`);
      if (hidden.some((h) => h.id === x.id)) {
        assert.ok(x.numerator === SUPPRESSED || x.denominator === SUPPRESSED, x.id);
        assert.deepEqual([x.value, x.met], [null, null], `${x.id}: no percent, no verdict`);
      } else assert.deepEqual([x.numerator, x.denominator], [e.numerator, e.denominator], x.id);
    }
    for (const f of r.body.flows) for (const [k, v] of Object.entries(f)) assert.ok(k === 'quarter' || !small(v), k);
  }

  const auth = await province();
  const csv = await (
    await fetch(`${s.url}/reports?${qs({ ...q, communes: [A], format: 'csv', lang: 'en' })}`, {
      headers: { Authorization: `Bearer ${auth}` },
    })
  ).text();
  const rows = csv.split('\r\n').map((l) => l.replace(/"[^"]*"/g, 'TEXT').split(','));
  for (const h of hidden) {
    const row = rows.find((r) => r[0] === h.id);
    assert.ok(row.slice(3, 5).includes('< 5'), row.join(','));
    assert.deepEqual(row.slice(5, 7), ['', ''], `${h.id}: no percent, no verdict in the file`);
  }
  for (const r of rows.filter((x) => /^I\d/.test(x[0]) && !except.has(x[0])))
    assert.ok(!r.slice(3).some((f) => ['1', '2', '3', '4'].includes(f)), r.join(','));
  const xlsx = new Uint8Array(
    await (
      await fetch(`${s.url}/reports?${qs({ ...q, communes: [A], format: 'xlsx' })}`, {
        headers: { Authorization: `Bearer ${auth}` },
      })
    ).arrayBuffer(),
  );
  const parts = unzip(xlsx);
  const sheets = Object.keys(parts).filter((n) => n.startsWith('xl/worksheets/sheet'));
  assert.equal(sheets.length, 3);
  const xml = Object.values(parts).join('');
  assert.ok(xml.includes('&lt; 5'), 'suppressed counts read "< 5" in the workbook');
  // No whole-number cell (style 3 of the exporter) of 1–4 outside I7/I18's rows, in any sheet.
  const sst = [...parts['xl/sharedStrings.xml'].matchAll(/<si><t[^>]*>([^<]*)<\/t><\/si>/g)].map((m) => m[1]);
  let counted = 0;
  for (const n of sheets)
    for (const row of parts[n].split('</row>')) {
      const first = /<c [^>]*t="s"[^>]*><v>(\d+)<\/v>/.exec(row);
      if (first && except.has(sst[Number(first[1])])) continue;
      for (const m of row.matchAll(/<c [^>]*s="3"[^>]*><v>([^<]*)<\/v><\/c>/g)) {
        counted++;
        assert.ok(!small(Number(m[1])), `${n}: ${m[0]}`);
      }
    }
  assert.ok(counted > 10, `whole-number cells checked: ${counted}`);
});

test('/openapi.json documents GET /reports', async () => {
  const r = await get(s, '/openapi.json');
  const op = r.body.paths['/reports']?.get;
  assert.ok(op, 'the path is in the document');
  assert.deepEqual(
    op.parameters.map((p) => p.name),
    ['from', 'to', 'communes', 'province', 'plan', 'members', 'format', 'lang'],
  );
  assert.ok(op.responses['403']);
});

test('the report cache reads only what changed: a new case and a changed case show at the next request', async () => {
  const cache = new ReportCaseCache(s.db, s.repo, 4);
  assert.equal((await cache.cases()).length, cases.length);
  assert.equal(cache.lastRead, cases.length, 'the first call reads every case (in pages of 4)');
  await cache.cases();
  assert.equal(cache.lastRead, 0, 'nothing changed: nothing read');
  const view = (await cache.cases()).find((c) => c.id === 'vr-3');
  assert.equal(view.snapshot, undefined, 'kept as the engine reads it: no snapshot');
  assert.equal(view.audit[0].hash, undefined, 'no audit hashes');
  assert.ok(view.audit[0].event && view.audit[0].at);

  const auth = await province();
  const q = 'from=2026-07-01&to=2026-12-31';
  const before = (await get(s, `/reports?${q}`, auth)).body;
  // The province's numbers are suppressed for every reader: the exact ones from this cache, through the engine.
  const exact = async () => computeReport(await cache.cases(), { from: '2026-07-01', to: '2026-12-31' });
  const exactBefore = await exact();
  // P3 has two cases (ad-3, vr-3): give vr-3 another person, then add a copy of um-10 for a new person.
  const vr3 = structuredClone(cases.find((c) => c.id === 'vr-3'));
  vr3.person.personalId = '079095999999';
  const um = structuredClone(cases.find((c) => c.id === 'um-10'));
  Object.assign(um, { id: 'um-10-copy' });
  um.person.personalId = '079092999998';
  await s.db.transaction(async (tx) => {
    await s.repo.saveCase(tx, vr3, vr3.person.communeCode, false);
    await s.repo.saveCase(tx, um, um.person.communeCode, true);
  });
  const exactAfter = await exact();
  assert.equal(cache.lastRead, 2, 'only the two written cases are read again');
  const after = (await get(s, `/reports?${q}`, auth)).body;
  assert.equal(after.casesRead, before.casesRead + 1);
  assert.equal(after.persons, before.persons + 2, 'vr-3 is another person now, and the copy a new one');
  const i4 = (r) => r.indicators.find((x) => x.id === 'I4');
  assert.equal(i4(exactAfter).denominator, i4(exactBefore).denominator + 1, 'the copy of P10 tested positive');
  assert.deepEqual(i4(after), i4(JSON.parse(JSON.stringify(suppressReport(exactAfter, 5, { except })))));
});
