/**
 * A minimal SpreadsheetML (Office Open XML, ECMA-376) writer for the report sheets: the package parts written
 * as text and zipped with fflate (`zipSync`, deflate). Cells are shared strings, whole numbers (`#,##0`) or
 * percents (stored as the fraction, formatted `0.0%`); header rows are bold on grey, titles bold and larger;
 * columns have widths; each sheet prints on A4 landscape, fitted to the page width. No formulas, no macros.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { XCell, XSheet } from './sheets.js';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Style indices of `cellXfs` in styles.xml. */
const STYLE = { text: 0, label: 1, header: 2, int: 3, pct: 4, title: 5, wrap: 6 } as const;

// Characters XML 1.0 does not allow (C0 controls except tab, LF, CR; lone surrogates; U+FFFE/U+FFFF).
const INVALID_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export const escapeXml = (s: string): string =>
  s.replace(INVALID_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** `0 → A`, `25 → Z`, `26 → AA`. */
export function columnName(i: number): string {
  let n = i + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, unique in the workbook. */
export function sheetName(name: string, taken: Set<string>): string {
  const base =
    name
      .replace(/[[\]:*?/\\]/g, ' ')
      .trim()
      .slice(0, 31) || 'Sheet';
  let n = base;
  for (let i = 2; taken.has(n.toLowerCase()); i++) n = `${base.slice(0, 31 - String(i).length - 1)} ${i}`;
  taken.add(n.toLowerCase());
  return n;
}

class SharedStrings {
  readonly list: string[] = [];
  readonly #index = new Map<string, number>();
  count = 0;
  id(s: string): number {
    this.count++;
    let i = this.#index.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(s);
      this.#index.set(s, i);
    }
    return i;
  }
  xml(): string {
    const items = this.list.map((s) => `<si><t xml:space="preserve">${escapeXml(s)}</t></si>`).join('');
    return `${XML}<sst xmlns="${NS}" count="${this.count}" uniqueCount="${this.list.length}">${items}</sst>`;
  }
}

function cellXml(cell: XCell, ref: string, sst: SharedStrings): string {
  if (cell === null) return '';
  if (cell.t === 'int') return `<c r="${ref}" s="${STYLE.int}"><v>${cell.v}</v></c>`;
  if (cell.t === 'pct') return `<c r="${ref}" s="${STYLE.pct}"><v>${cell.v / 100}</v></c>`;
  const s = STYLE[cell.style ?? 'text'];
  return `<c r="${ref}" t="s"${s ? ` s="${s}"` : ''}><v>${sst.id(cell.v)}</v></c>`;
}

function sheetXml(sheet: XSheet, sst: SharedStrings): string {
  const width = Math.max(1, sheet.widths.length, ...sheet.rows.map((r) => r.length));
  const cols = sheet.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  const rows = sheet.rows
    .map((r, y) => {
      const cells = r.map((c, x) => cellXml(c, `${columnName(x)}${y + 1}`, sst)).join('');
      return cells ? `<row r="${y + 1}">${cells}</row>` : '';
    })
    .join('');
  const last = `${columnName(width - 1)}${Math.max(1, sheet.rows.length)}`;
  return (
    `${XML}<worksheet xmlns="${NS}" xmlns:r="${NS_R}">` +
    `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:${last}"/>` +
    `<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>` +
    (cols ? `<cols>${cols}</cols>` : '') +
    `<sheetData>${rows}</sheetData>` +
    `<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/></worksheet>`
  );
}

const STYLES =
  `${XML}<styleSheet xmlns="${NS}">` +
  `<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>` +
  `<fonts count="3"><font><sz val="11"/><name val="Times New Roman"/><family val="1"/></font>` +
  `<font><b/><sz val="11"/><name val="Times New Roman"/><family val="1"/></font>` +
  `<font><b/><sz val="13"/><name val="Times New Roman"/><family val="1"/></font></fonts>` +
  `<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>` +
  `<fill><patternFill patternType="solid"><fgColor rgb="FFE7E6E6"/><bgColor indexed="64"/></patternFill></fill></fills>` +
  `<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>` +
  `<border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="7">` +
  `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
  `<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>` +
  `<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>` +
  `<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
  `<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
  `<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>` +
  `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>` +
  `</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

export interface WorkbookMeta {
  title: string;
  language: string;
  created: Date;
}

/** The .xlsx bytes of `sheets` (in order). */
export function writeWorkbook(sheets: XSheet[], meta: WorkbookMeta): Uint8Array {
  const sst = new SharedStrings();
  const taken = new Set<string>();
  const names = sheets.map((s) => sheetName(s.name, taken));
  const parts: Record<string, string> = {};
  sheets.forEach((s, i) => (parts[`xl/worksheets/sheet${i + 1}.xml`] = sheetXml(s, sst)));
  const sheetOverrides = sheets
    .map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CT}.worksheet+xml"/>`)
    .join('');
  parts['[Content_Types].xml'] =
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/>` +
    `<Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/>${sheetOverrides}` +
    `<Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/>` +
    `<Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.sharedStrings+xml"/>` +
    `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
    `<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>` +
    `</Types>`;
  parts['_rels/.rels'] =
    `${XML}<Relationships xmlns="${NS_PKG}">` +
    `<Relationship Id="rId1" Type="${NS_R}/officeDocument" Target="xl/workbook.xml"/>` +
    `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
    `<Relationship Id="rId3" Type="${NS_R}/extended-properties" Target="docProps/app.xml"/>` +
    `</Relationships>`;
  const created = meta.created.toISOString().replace(/\.\d{3}Z$/, 'Z');
  parts['docProps/core.xml'] =
    `${XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    `xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
    `xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:title>${escapeXml(meta.title)}</dc:title><dc:creator>hoso</dc:creator><dc:language>${escapeXml(meta.language)}</dc:language>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${created}</dcterms:modified></cp:coreProperties>`;
  parts['docProps/app.xml'] =
    `${XML}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
    `<Application>hoso</Application></Properties>`;
  parts['xl/workbook.xml'] =
    `${XML}<workbook xmlns="${NS}" xmlns:r="${NS_R}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>` +
    names.map((n, i) => `<sheet name="${escapeXml(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
    `</sheets></workbook>`;
  parts['xl/_rels/workbook.xml.rels'] =
    `${XML}<Relationships xmlns="${NS_PKG}">` +
    sheets
      .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${NS_R}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
      .join('') +
    `<Relationship Id="rId${sheets.length + 1}" Type="${NS_R}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rId${sheets.length + 2}" Type="${NS_R}/sharedStrings" Target="sharedStrings.xml"/>` +
    `</Relationships>`;
  parts['xl/styles.xml'] = STYLES;
  parts['xl/sharedStrings.xml'] = sst.xml();

  // [Content_Types].xml first, as Office writes it (some readers sniff the first entry).
  const order = [
    '[Content_Types].xml',
    '_rels/.rels',
    ...Object.keys(parts).filter((k) => k !== '[Content_Types].xml' && k !== '_rels/.rels'),
  ];
  const zip: Zippable = {};
  for (const name of order) zip[name] = [strToU8(parts[name]!), { level: 6, mtime: meta.created }];
  return zipSync(zip);
}
