// <hoso-document> printed to PDF by headless Chromium (Debian's), served under the strict CSP with the element's
// real defaults (the generated procedures and the shipped templates): the page is A4, the text sits inside the
// Decree 30/2020 margins, the page count is what the content needs, and the text extracted from the PDF holds the
// person's name and the decision number. The case is built by the real runtime from the example scenario.
// Needs the build (`pnpm build`: dist of @hoso/workflow, workflows/generated).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT } from '../lib/run.mjs';
import { CHROME } from '../lib/setup.mjs';
import { CSP } from '../lib/static-server.mjs';
import { inflateSync } from 'node:zlib';

const NEEDED = ['packages/workflow/dist/index.js', 'workflows/generated/procedures.js'];
const missing = NEEDED.filter((f) => !existsSync(join(ROOT, f)));
const skip = missing.length ? `not built yet: ${missing.join(', ')} (run pnpm build)` : false;

const MM = 72 / 25.4;
const A4 = { width: 210 * MM, height: 297 * MM };
const MARGINS = { top: 20, right: 15, bottom: 20, left: 30 };
const UNIT = { commune: 'xã Đông Sơn', province: 'tỉnh Thanh Hóa', place: 'Đông Sơn' };

const json = (p) => JSON.parse(readFileSync(join(ROOT, p), 'utf8'));

/** An example scenario played by the real runtime (Node build): the first `upTo` events, `edit` applied first. */
async function buildCase(file, { upTo, edit } = {}) {
  const { Procedure } = await import(join(ROOT, 'packages/workflow/dist/index.js'));
  const { ajvConditions } = await import(join(ROOT, 'packages/workflow/dist/ajv-conditions.js'));
  const dir = (d) => readdirSync(join(ROOT, d)).map((f) => json(`${d}/${f}`));
  const s = json(`examples/scenarios/${file}.json`);
  edit?.(s);
  const proc = new Procedure(json(`workflows/${s.procedure}/machine.json`), {
    laws: dir('workflows/law'),
    calendars: dir('workflows/calendars/vn'),
    overlays: dir('workflows/overlays'),
    compileCondition: ajvConditions(),
  });
  let c = proc.createCase({ person: s.person, at: s.events[0].at });
  for (const e of s.events.slice(0, upTo)) {
    const r = await proc.apply(c, e);
    if (r.ok) c = r.case;
  }
  return JSON.parse(JSON.stringify(c));
}

/** `procedure/document` of every template file in workflows/<procedure>/documents. */
const shippedTemplates = (dir = join(ROOT, 'workflows')) =>
  readdirSync(dir).flatMap((p) =>
    existsSync(join(dir, p, 'documents'))
      ? readdirSync(join(dir, p, 'documents')).map((f) => `${p}/${f.slice(0, -5)}`)
      : [],
  );
const VOLUNTARY = 'voluntary-rehab-adult-community';
const withoutIdCopy = (s) => (s.events.find((e) => e.type === 'REGISTER').data.attachments[0].provided = false);
const [POST, COMPULSORY] = ['post-rehab-compulsory-two-years', 'compulsory-rehab-adult-complaint-review'];
/** Every shipped template, the case it is printed from, and text the PDF must hold. */
const DOCUMENTS = [
  ['voluntary-rehab/receipt', VOLUNTARY, { upTo: 2 }, ['GIẤY TIẾP NHẬN HỒ SƠ', 'ngày 16 tháng 7 năm 2026']],
  ['voluntary-rehab/supplement', VOLUNTARY, { upTo: 2, edit: withoutIdCopy }, ['- Bản sao thẻ căn cước, hộ chiếu.']],
  ['voluntary-rehab/decision', VOLUNTARY, {}, ['Số: 12/QĐ-UBND', 'Nguyễn Văn A', 'Trần Văn Bình']],
  ['voluntary-rehab/certificate', VOLUNTARY, {}, ['GIẤY CHỨNG NHẬN', 'Số: 21/GCN-UBND', 'Lê Minh Châu']],
  ['compulsory-rehab/dossierNotice', COMPULSORY, {}, ['CÔNG AN XÃ ĐÔNG SƠN', 'Số: 15/TB-CAX', 'Nguyễn Văn Cường']],
  ['post-rehab/decision', POST, {}, ['Số: 7/QĐ-UBND', 'Nguyễn Văn Cường', 'Trần Văn Hùng']],
  ['post-rehab/certificate', POST, {}, ['Mẫu 54 (Phụ lục II, Nghị định 116/2021)', 'Số: 3/GCN-UBND']],
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

// A small PDF reader for what Chromium (Skia) writes: objects with direct /Length, Flate content streams, fonts with
// ToUnicode CMaps. It gives each page's MediaBox and the glyph runs with their position (points, origin bottom
// left), size and text. Enough to check a printed page; not a general PDF parser.
function readObjects(buf) {
  const s = buf.toString('latin1');
  const objects = new Map();
  const head = /(\d+) 0 obj\s*/g;
  let m;
  while ((m = head.exec(s))) {
    const start = m.index + m[0].length;
    const streamAt = s.indexOf('stream', start);
    const endAt = s.indexOf('endobj', start);
    if (streamAt >= 0 && streamAt < endAt) {
      const dict = s.slice(start, streamAt);
      const length = Number(/\/Length (\d+)/.exec(dict)?.[1]);
      const dataAt = streamAt + (s[streamAt + 6] === '\r' ? 8 : 7);
      let data = buf.subarray(dataAt, dataAt + length);
      if (/\/FlateDecode/.test(dict)) data = inflateSync(data);
      objects.set(Number(m[1]), { dict, data });
      head.lastIndex = s.indexOf('endobj', dataAt + length);
    } else {
      objects.set(Number(m[1]), { dict: s.slice(start, endAt) });
      head.lastIndex = endAt;
    }
  }
  return objects;
}

const utf16 = (hex) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));

/** A ToUnicode CMap: code (hex, upper case) → text, and the code length in hex digits. */
function readCmap(text) {
  const map = new Map();
  let width = 4;
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, src, dst] of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      map.set(src.toUpperCase(), utf16(dst));
      width = src.length;
    }
  }
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, dst, list] of block[1].matchAll(
      /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(?:<([0-9A-Fa-f]+)>|\[([^\]]*)\])/g,
    )) {
      width = lo.length;
      const from = parseInt(lo, 16);
      const items = list ? [...list.matchAll(/<([0-9A-Fa-f]+)>/g)].map((x) => utf16(x[1])) : undefined;
      for (let c = from; c <= parseInt(hi, 16); c += 1) {
        const code = c.toString(16).toUpperCase().padStart(lo.length, '0');
        if (items) map.set(code, items[c - from] ?? '');
        else {
          const base = parseInt(dst.slice(-4), 16) + (c - from);
          map.set(code, utf16(dst.slice(0, -4)) + String.fromCharCode(base));
        }
      }
    }
  }
  return { map, width };
}

const mul = (a, b) => [
  a[0] * b[0] + a[1] * b[2],
  a[0] * b[1] + a[1] * b[3],
  a[2] * b[0] + a[3] * b[2],
  a[2] * b[1] + a[3] * b[3],
  a[4] * b[0] + a[5] * b[2] + b[4],
  a[4] * b[1] + a[5] * b[3] + b[5],
];
const ID = [1, 0, 0, 1, 0, 0];

/** The glyph runs of one content stream. */
function runText(content, fonts) {
  const runs = [];
  const tokens =
    content.toString('latin1').match(/<<|>>|<[0-9A-Fa-f\s]*>|\/[^\s/<>[\]()]+|\[|\]|\([^)]*\)|[^\s/<>[\]()]+/g) ?? [];
  let stack = [];
  let ctm = ID;
  const saved = [];
  let tm = ID;
  let tlm = ID;
  let font;
  let size = 0;
  const show = (hexes) => {
    const cmap = fonts.get(font);
    let text = '';
    for (const hex of hexes) {
      const h = hex.replace(/\s/g, '').toUpperCase();
      for (let i = 0; i < h.length; i += cmap?.width ?? 4)
        text += cmap?.map.get(h.slice(i, i + (cmap?.width ?? 4))) ?? '?';
    }
    const m = mul(tm, ctm);
    runs.push({ x: m[4], y: m[5], size: Math.abs(size * m[3]), text });
  };
  for (const t of tokens) {
    if (!/^[A-Za-z'"*]+$/.test(t) || t === 'true' || t === 'false') {
      stack.push(t);
      continue;
    }
    const n = stack.map(Number);
    if (t === 'q') saved.push(ctm);
    else if (t === 'Q') ctm = saved.pop() ?? ID;
    else if (t === 'cm') ctm = mul(n.slice(-6), ctm);
    else if (t === 'BT') tm = tlm = ID;
    else if (t === 'Tf') [font, size] = [stack.at(-2), n.at(-1)];
    else if (t === 'Tm') tm = tlm = n.slice(-6);
    else if (t === 'Td' || t === 'TD') tm = tlm = mul([1, 0, 0, 1, n.at(-2), n.at(-1)], tlm);
    else if (t === 'Tj') show([stack.at(-1).slice(1, -1)]);
    else if (t === 'TJ') show(stack.filter((x) => x.startsWith('<')).map((x) => x.slice(1, -1)));
    stack = [];
  }
  return runs;
}

/** Pages of a PDF: size in points, glyph runs, and the text line by line (top to bottom, NFC). */
function readPdf(buf) {
  const objects = readObjects(buf);
  const ref = (dict, key) => Number(new RegExp(`/${key} (\\d+) 0 R`).exec(dict)?.[1]);
  const pages = [];
  for (const { dict } of objects.values()) {
    if (!/\/Type \/Page\b(?!s)/.test(dict)) continue;
    const box = /\/MediaBox \[([^\]]+)\]/.exec(dict)[1].trim().split(/\s+/).map(Number);
    const fonts = new Map();
    const fontDict = /\/Font <<([^>]*)>>/.exec(dict)?.[1] ?? '';
    for (const [, name, id] of fontDict.matchAll(/\/(\S+) (\d+) 0 R/g)) {
      const tu = ref(objects.get(Number(id)).dict, 'ToUnicode');
      if (tu) fonts.set(`/${name}`, readCmap(objects.get(tu).data.toString('latin1')));
    }
    const runs = runText(objects.get(ref(dict, 'Contents')).data, fonts);
    const lines = new Map();
    for (const r of runs) {
      const y = Math.round(r.y * 2) / 2;
      lines.set(y, [...(lines.get(y) ?? []), r]);
    }
    const text = [...lines.entries()]
      .sort((a, b) => b[0] - a[0])
      .map(([, rs]) =>
        rs
          .sort((a, b) => a.x - b.x)
          .map((r) => r.text)
          .join(''),
      )
      .join('\n')
      .normalize('NFC');
    pages.push({ width: box[2] - box[0], height: box[3] - box[1], runs, text });
  }
  return { pages };
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
  async function print(c, id = 'decision') {
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
      UNIT,
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
      // A justified line's last glyph starts at most one glyph (< 6 mm at 14 pt) before the right margin.
      assert.ok(
        right >= MARGINS.right && right < MARGINS.right + 6,
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

  it('prints every shipped template on one A4 page inside the margins, with its text', async () => {
    for (const [key, file, options, expected] of DOCUMENTS) {
      const [procedure, id] = key.split('/');
      const doc = await print(await buildCase(file, options), id);
      assert.deepEqual(problems, [], `${procedure}/${id}`);
      assert.equal(doc.pages.length, 1, `${procedure}/${id}: pages`);
      assertLayout(doc);
      const text = doc.pages[0].text.replace(/\s+/g, ' ');
      for (const e of expected) assert.ok(text.includes(e), `${procedure}/${id}: "${e}" not in ${text}`);
      assert.ok(!text.includes('……'), `${procedure}/${id}: a value is missing: ${text}`);
    }
    assert.deepEqual(DOCUMENTS.map(([key]) => key).sort(), shippedTemplates().sort());
  });
});
