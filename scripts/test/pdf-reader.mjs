// A small PDF reader for the document print test (document-pdf.test.mjs): what Chromium's Skia writes, enough to
// check a printed page (size, glyph positions and sizes, text). Node built-ins only.
import { inflateSync } from 'node:zlib';

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
export function readPdf(buf) {
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
