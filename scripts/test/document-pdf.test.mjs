// <hoso-document> printed to PDF by headless Chromium (Debian's), served under the strict CSP with the element's
// real defaults (the generated procedures and the shipped templates): the page is A4, the text sits inside the
// Decree 30/2020 margins, the page count is what the content needs, and the text extracted from the PDF holds the
// person's name and the decision number. The case is built by the real runtime from the example scenario; every
// other template is printed from its example case (packages/elements/src/document/cases.json).
// Needs the build (`pnpm build`: dist of @hoso/workflow, workflows/generated).
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT } from '../lib/run.mjs';
import { CHROME } from '../lib/setup.mjs';
import { CSP } from '../lib/static-server.mjs';
import { readPdf } from './pdf-reader.mjs';
import { buildCase, exampleCase } from './document-cases.mjs';

const NEEDED = ['packages/workflow/dist/index.js', 'workflows/generated/procedures.js'];
const missing = NEEDED.filter((f) => !existsSync(join(ROOT, f)));
const skip = missing.length ? `not built yet: ${missing.join(', ')} (run pnpm build)` : false;

const MM = 72 / 25.4;
const A4 = { width: 210 * MM, height: 297 * MM };
const MARGINS = { top: 20, right: 15, bottom: 20, left: 30 };
const UNIT = { commune: 'xã Đông Sơn', province: 'tỉnh Thanh Hóa', place: 'Đông Sơn' };

/** `procedure/document` of every template file in workflows/<procedure>/documents. */
const shippedTemplates = (dir = join(ROOT, 'workflows')) =>
  readdirSync(dir).flatMap((p) =>
    existsSync(join(dir, p, 'documents'))
      ? readdirSync(join(dir, p, 'documents')).map((f) => `${p}/${f.slice(0, -5)}`)
      : [],
  );
const VOLUNTARY = 'voluntary-rehab-adult-community';
const [POLICE, CHAIR, FACILITY] = ['CÔNG AN XÃ ĐÔNG SƠN', 'TRƯỞNG CÔNG AN', 'GIÁM ĐỐC'];
/**
 * Every shipped template, printed from its example case (cases.json): [template, pages (1 when absent), text the PDF
 * holds: issuer, title, number, date, person, signer].
 */
const EXAMPLES = [
  [
    'voluntary-rehab/communeNotice',
    [
      'CƠ SỞ CAI NGHIỆN MA TÚY SỐ 1 HÀ NỘI',
      'THÔNG BÁO',
      'Số: 5/TB-CSCN',
      'ngày 28 tháng 4 năm 2026',
      'Nguyễn Văn An',
      'Võ Thanh Sơn',
    ],
  ],
  [
    'voluntary-rehab/receipt',
    ['NGƯỜI TIẾP NHẬN HỒ SƠ', 'Nguyễn Văn A', 'GIẤY TIẾP NHẬN HỒ SƠ', 'ngày 16 tháng 7 năm 2026'],
  ],
  ['voluntary-rehab/supplement', ['PHIẾU YÊU CẦU BỔ SUNG', 'Nguyễn Văn A', '- Bản sao thẻ căn cước, hộ chiếu.']],
  [
    'voluntary-rehab/decision',
    ['QUYẾT ĐỊNH', 'Số: 12/QĐ-UBND', 'ngày 15 tháng 7 năm 2026', 'Nguyễn Văn A', 'Trần Văn Bình'],
  ],
  ['voluntary-rehab/certificate', ['GIẤY CHỨNG NHẬN', 'Số: 21/GCN-UBND', 'Nguyễn Văn A', 'Lê Minh Châu']],
  [
    'compulsory-rehab/dossierNotice',
    [POLICE, 'THÔNG BÁO', 'Số: 15/TB-CAX', 'ngày 17 tháng 6 năm 2026', 'Nguyễn Văn Cường'],
  ],
  [
    'post-rehab/decision',
    ['QUYẾT ĐỊNH', 'Số: 7/QĐ-UBND', 'ngày 05 tháng 10 năm 2026', 'Nguyễn Văn Cường', 'Trần Văn Hùng'],
  ],
  [
    'post-rehab/certificate',
    ['Mẫu 54 (Phụ lục II, Nghị định 116/2021)', 'Số: 3/GCN-UBND', 'Nguyễn Văn Cường', 'Lê Minh Châu'],
  ],
  [
    'addiction-determination/result',
    [
      'BỆNH VIỆN TÂM THẦN THÀNH PHỐ HỒ CHÍ MINH',
      'PHIẾU KẾT QUẢ',
      'Số: KQ-77/2026',
      'ngày 11 tháng 9 năm 2026',
      'Phạm Văn Cường',
      'Mẫu 04 (Nghị định 109/2021)',
      FACILITY,
      'Nguyễn Thị Mai',
    ],
  ],
  [
    'addiction-determination/violationRecord',
    [
      POLICE,
      'BIÊN BẢN',
      'Số: 05/BB-CAX',
      'ngày 21 tháng 9 năm 2026',
      'Phạm Văn Cường',
      'NGƯỜI LẬP BIÊN BẢN',
      'Hoàng Văn Minh',
    ],
  ],
  [
    'compulsory-rehab/violationRecord',
    [POLICE, 'BIÊN BẢN', 'Số: 27/BB-CAX', 'ngày 11 tháng 6 năm 2026', 'Nguyễn Văn Cường', 'NGƯỜI LẬP BIÊN BẢN'],
  ],
  [
    'compulsory-rehab/summaryCv',
    [
      POLICE,
      'BẢN TÓM TẮT LÝ LỊCH',
      'Mẫu 30 (Nghị định 116/2021)',
      'ngày 27 tháng 8 năm 2026',
      'Nguyễn Văn Cường',
      CHAIR,
    ],
  ],
  [
    'compulsory-rehab/completionCertificate',
    [
      'CƠ SỞ CAI NGHIỆN BẮT BUỘC SỐ 2',
      'GIẤY CHỨNG NHẬN',
      'Số: 112/GCN-CSCN',
      'ngày 24 tháng 8 năm 2028',
      'Nguyễn Văn Cường',
      FACILITY,
    ],
  ],
  [
    'drug-user-management/managementDecision',
    2,
    [
      POLICE,
      'QUYẾT ĐỊNH',
      'Số: 3/QĐ-CAX',
      'ngày 08 tháng 8 năm 2026',
      'Đỗ Văn Dũng',
      'TRƯỞNG CÔNG AN XÃ ĐÔNG SƠN',
      'Hoàng Văn Minh',
    ],
  ],
  [
    'drug-user-management/transferNotice',
    [POLICE, 'THÔNG BÁO', 'Số: 9/TB-CAX', 'ngày 29 tháng 8 năm 2026', 'Đỗ Văn Dũng', 'Công an xã Tân Phú', CHAIR],
  ],
  [
    'electronic-monitoring/decision',
    [POLICE, 'QUYẾT ĐỊNH', 'Số: 3/QĐ-CAX', 'ngày 03 tháng 8 năm 2026', 'Nguyễn Văn An', 'EM-000123', 'Hoàng Văn Minh'],
  ],
  [
    'post-rehab/transferNotice',
    [POLICE, 'THÔNG BÁO', 'Số: 14/CV-CAX', 'ngày 10 tháng 3 năm 2027', 'Nguyễn Văn Cường', CHAIR],
  ],
  [
    'voluntary-rehab/facilityCertificate',
    [
      'CƠ SỞ CAI NGHIỆN MA TÚY SỐ 1 HÀ NỘI',
      'GIẤY CHỨNG NHẬN',
      'Số: 8/GCN-CSCN',
      'ngày 28 tháng 4 năm 2029',
      'Nguyễn Văn An',
      FACILITY,
      'Võ Thanh Sơn',
    ],
  ],
  [
    'voluntary-rehab/violationRecord',
    [POLICE, 'BIÊN BẢN', 'Số: 05/BB-CAX', 'ngày 01 tháng 6 năm 2026', 'Nguyễn Văn A', 'Phạm Văn Hùng'],
  ],
];

/** Bundles the element (and its default sources) for the page, as a portal's bundler would. */
async function bundle() {
  const esbuild = await import('esbuild');
  const out = await esbuild.build({
    stdin: {
      contents: "import './hoso-document.ts';",
      resolveDir: join(ROOT, 'packages/elements/src/document'),
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    write: false,
    target: 'es2022',
    conditions: ['browser', 'production'],
    tsconfig: join(ROOT, 'tsconfig.base.json'),
    // packages/elements/package.json lists the files with side effects; the element's module is not there yet.
    ignoreAnnotations: true,
    logLevel: 'silent',
  });
  return out.outputFiles[0].text;
}

const PAGE = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>hoso-document</title>
<script type="module" src="/doc.js"></script></head><body><h1>Cổng dịch vụ công</h1><p>Nội dung trang không được in.</p><hoso-document document="decision"></hoso-document></body></html>`;

describe('<hoso-document> printed to PDF in Chromium', { skip, timeout: 180000 }, () => {
  let server;
  let browser;
  let page;
  let theCase;
  const problems = [];

  before(async () => {
    const [code, c] = await Promise.all([bundle(), buildCase(VOLUNTARY)]);
    theCase = c;
    server = createServer((req, res) => {
      const headers = { 'content-security-policy': CSP };
      if (req.url === '/') res.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
      else if (req.url === '/doc.js') res.writeHead(200, { ...headers, 'content-type': 'text/javascript' }).end(code);
      else if (req.url === '/favicon.ico') res.writeHead(204).end();
      else res.writeHead(404).end();
    });
    await new Promise((r) => server.listen(0, '127.0.0.1', r));
    const puppeteer = (await import('puppeteer-core')).default;
    browser = await puppeteer.launch({ headless: true, executablePath: CHROME, args: ['--no-sandbox'] });
    page = await browser.newPage();
    page.on('pageerror', (e) => problems.push(String(e?.message ?? e)));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    await page.goto(`http://127.0.0.1:${server.address().port}/`, { waitUntil: 'load' });
  });

  after(async () => {
    await browser?.close().catch(() => {});
    server?.closeAllConnections();
    await new Promise((r) => (server ? server.close(r) : r()));
  });

  /** Gives the element a case, waits for it, prints it to PDF and reads the PDF back. */
  async function print(c, id = 'decision', unit = UNIT) {
    await page
      .waitForFunction(() => customElements.get('hoso-document'), { timeout: 20000 })
      .catch((e) => assert.fail(`${e.message}; page errors: ${problems.join(' | ')}`));
    const error = await page.evaluate(
      async (c, unit, id) => {
        const el = document.querySelector('hoso-document');
        el.unit = unit;
        el.document = id;
        el.case = c;
        await el.complete;
        return el.shadowRoot.querySelector('[role="alert"]')?.textContent ?? null;
      },
      c,
      unit,
      id,
    );
    assert.equal(error, null);
    // print() marks the page and the element, then opens the browser's dialog; here page.pdf() stands in for the
    // dialog (headless Chromium has none), so window.print is held for the moment print() runs.
    await page.evaluate(() => {
      const original = window.print;
      window.print = () => {};
      document.querySelector('hoso-document').print();
      window.print = original;
    });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: false });
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    return readPdf(Buffer.from(pdf));
  }

  /** Every page is A4 and every glyph starts inside the margins; the text reaches the left and top margins. */
  function assertLayout(doc) {
    const W = A4.width;
    const H = A4.height;
    for (const [i, p] of doc.pages.entries()) {
      const at = `page ${i + 1}`;
      assert.ok(Math.abs(p.width - W) < 1.5, `${at}: width ${p.width} pt, A4 is ${W.toFixed(2)}`);
      assert.ok(Math.abs(p.height - H) < 1.5, `${at}: height ${p.height} pt, A4 is ${H.toFixed(2)}`);
      assert.ok(p.runs.length > 0, `${at}: no text`);
      const xs = p.runs.map((r) => r.x);
      const ys = p.runs.map((r) => r.y);
      const left = Math.min(...xs) / MM;
      assert.ok(Math.abs(left - MARGINS.left) < 0.5, `${at}: text starts ${left.toFixed(1)} mm from the left edge`);
      const right = (W - Math.max(...xs)) / MM;
      // A justified line's last glyph starts at most one glyph (< 6 mm at 14 pt) before the right margin; the last
      // page of a longer document may hold only the end of the body and the signature block.
      const full = i < doc.pages.length - 1 || doc.pages.length === 1;
      assert.ok(
        right >= MARGINS.right && (!full || right < MARGINS.right + 6),
        `${at}: last glyphs ${right.toFixed(1)} mm from the right`,
      );
      const top = (H - Math.max(...ys)) / MM;
      // The first baseline sits one line (≈ 5–7 mm at 13–14 pt) below the top margin.
      assert.ok(top > MARGINS.top && top < MARGINS.top + 8, `${at}: first baseline ${top.toFixed(1)} mm from the top`);
      const bottom = Math.min(...ys) / MM;
      assert.ok(bottom >= MARGINS.bottom, `${at}: a baseline is ${bottom.toFixed(1)} mm from the bottom edge`);
      for (const r of p.runs) assert.ok(r.size >= 10.9 && r.size <= 14.1, `${at}: "${r.text}" in ${r.size} pt`);
    }
  }

  it('prints the decision on one A4 page inside the Decree 30 margins, with the name and the decision number', async () => {
    const doc = await print(theCase);
    assert.deepEqual(problems, []);
    assert.equal(doc.pages.length, 1);
    assertLayout(doc);
    const text = doc.pages[0].text;
    assert.doesNotMatch(text, /Cổng dịch vụ công|không được in/, 'only the document is printed');
    assert.match(text, /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
    assert.match(text, /Độc lập - Tự do - Hạnh phúc/);
    assert.match(text, /Số: 12\/QĐ-UBND/);
    assert.match(text, /Đông Sơn, ngày 15 tháng 7 năm 2026/);
    assert.match(text.replace(/\s+/g, ' '), /đối với: Nguyễn Văn A, giới tính: Nam/);
    assert.match(text, /TM\. ỦY BAN NHÂN DÂN\n(.*\n)?CHỦ TỊCH/);
    assert.match(text, /Trần Văn Bình$/);
    assert.ok(doc.pages[0].runs.filter((r) => Math.round(r.size) === 14).length > 500, 'the body is in 14 pt');
  });

  it('breaks the issuer line between the body and the unit, never inside the unit name (phường Sài Gòn)', async () => {
    const unit = { commune: 'phường Sài Gòn', province: 'Thành phố Hồ Chí Minh', place: 'Sài Gòn' };
    for (const [key, body] of [
      ['post-rehab/decision', 'ỦY BAN NHÂN DÂN'], // too long for one line: must break before PHƯỜNG
      ['drug-user-management/transferNotice', 'CÔNG AN'],
    ]) {
      const [, id] = key.split('/');
      const doc = await print(await exampleCase(key), id, unit);
      assert.deepEqual(problems, [], key);
      assertLayout(doc);
      // Left column (the issuer), its glyphs gathered into lines top down: the body's line, then the unit's name
      // whole on the next line.
      const rows = new Map();
      for (const r of doc.pages[0].runs.filter((g) => g.x < A4.width * 0.45 && g.y > A4.height - 60 * MM)) {
        const y = Math.round(r.y);
        rows.set(y, [...(rows.get(y) ?? []), r]);
      }
      const left = [...rows.entries()]
        .sort(([a], [b]) => b - a)
        .map(([, rs]) =>
          rs
            .sort((p, q) => p.x - q.x)
            .map((r) => r.text)
            .join('')
            .trim(),
        );
      // Broken between the parts when the line is too long (the People's Committee), whole when it fits (police).
      const at = left.indexOf('PHƯỜNG SÀI GÒN');
      if (at > 0) assert.equal(left[at - 1], body, `${key}: the line above the unit's name`);
      else assert.ok(left.includes(`${body} PHƯỜNG SÀI GÒN`), `${key}: the issuer line in ${JSON.stringify(left)}`);
      assert.ok(!left.some((l) => /SÀI$|^GÒN/.test(l)), `${key}: the unit's name is split: ${JSON.stringify(left)}`);
      if (body === 'ỦY BAN NHÂN DÂN') assert.ok(at > 0, `${key}: ${JSON.stringify(left)}`);
      if (body === 'CÔNG AN') assert.deepEqual(left.slice(0, 2), ['CÔNG AN', 'THÀNH PHỐ HỒ CHÍ MINH'], key);
      if (process.env.DOCUMENT_SCREENSHOT) {
        const sheet = await page.evaluateHandle(() =>
          document.querySelector('hoso-document').shadowRoot.querySelector('.heading'),
        );
        await sheet.screenshot({ path: `${process.env.DOCUMENT_SCREENSHOT}-${id}.png` });
      }
    }
  });

  it('flows a long decision over more pages, each inside the margins, the signature on the last', async () => {
    const long = structuredClone(theCase);
    const duty = long.data.decision.responsibilities;
    long.data.decision.responsibilities = Array.from({ length: 40 }, (_, i) => `(${i + 1}) ${duty}`).join(' ');
    const doc = await print(long);
    assert.deepEqual(problems, []);
    assert.ok(doc.pages.length >= 2 && doc.pages.length <= 4, `${doc.pages.length} pages`);
    assertLayout(doc);
    assert.match(doc.pages[0].text, /Số: 12\/QĐ-UBND/);
    assert.match(doc.pages[0].text, /\(1\) Người cai nghiện/);
    assert.match(doc.pages.at(-1).text, /Trần Văn Bình$/);
    assert.match(doc.pages.map((p) => p.text).join('\n'), /\(40\) Người cai nghiện/);
  });

  it('prints every shipped template on A4 inside the margins (one page, the longer decision two), with its text', async () => {
    const all = [
      ...EXAMPLES.map(([key, ...rest]) => [key, () => exampleCase(key), rest.at(-1), rest.length > 1 ? rest[0] : 1]),
    ];
    for (const [key, build, expected, pages] of all) {
      const [procedure, id] = key.split('/');
      const doc = await print(await build(), id);
      assert.deepEqual(problems, [], `${procedure}/${id}`);
      assert.equal(doc.pages.length, pages, `${procedure}/${id}: pages`);
      assertLayout(doc);
      const text = doc.pages
        .map((p) => p.text)
        .join('\n')
        .replace(/\s+/g, ' ');
      for (const e of expected) assert.ok(text.includes(e), `${procedure}/${id}: "${e}" not in ${text}`);
      assert.ok(!text.includes('……'), `${procedure}/${id}: a value is missing: ${text}`);
    }
    assert.deepEqual(all.map(([key]) => key).sort(), shippedTemplates().sort());
  });
});
