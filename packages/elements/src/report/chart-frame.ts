/**
 * The frame every chart of `<hoso-report>` shares: a `<figure>` whose `<figcaption>` names it and says how to
 * read it, the inline SVG (marks are keyboard-focusable images labelled with their value), and a "show as table"
 * toggle that reveals the same numbers as a real table: the text alternative. Also the scale helpers and the
 * palette (Okabe–Ito hues darkened to at least 3:1 on white, each series also has its own marker and dash).
 */
import { html, nothing, svg, type TemplateResult } from 'lit';
import type { ReportTerms } from './i18n.js';

/** Series colours, distinguishable with colour-vision deficiencies and at least 3:1 against white. */
export const PALETTE: readonly string[] = ['#0072b2', '#c24e00', '#007a5a', '#9b4f96', '#8c5a00', '#333333', '#1f6f8b'];
/** Dash pattern per series, so lines differ without colour. */
export const DASHES: readonly string[] = ['', '6 3', '2 3', '8 3 2 3', '12 4', '4 4', '1 2'];

/** One number of a chart as it is shown: the value drawn (`null` = not drawn) and its text. */
export interface Datum {
  value: number | null;
  text: string;
}

/** The text alternative: a table with a header row and one row per category. */
export interface ChartTable {
  columns: string[];
  rows: Array<{ head: string; cells: string[] }>;
}

export interface FrameOptions {
  id: string;
  title: string;
  description: string;
  expanded: boolean;
  onToggle: () => void;
  table: ChartTable;
  legend?: Array<{ label: string; index: number }>;
  /** Legend keys drawn as lines (line charts, default) or boxes (bars). */
  swatch?: 'line' | 'box';
}

/**
 * Keyboard of a chart's marks (a roving tab stop): Tab reaches the chart once, the arrow keys move from value to
 * value, Home and End go to the first and the last.
 */
export function markKeys(e: KeyboardEvent): void {
  const svgEl = e.currentTarget as SVGSVGElement;
  const marks = [...svgEl.querySelectorAll<SVGGElement>('.mark')];
  const at = marks.indexOf(e.target as SVGGElement);
  if (at < 0) return;
  const moves: Record<string, number> = {
    ArrowRight: at + 1,
    ArrowDown: at + 1,
    ArrowLeft: at - 1,
    ArrowUp: at - 1,
    Home: 0,
    End: marks.length - 1,
  };
  const to = moves[e.key];
  if (to === undefined) return;
  e.preventDefault();
  const next = marks[Math.max(0, Math.min(marks.length - 1, to))]!;
  for (const m of marks) m.setAttribute('tabindex', m === next ? '0' : '-1');
  next.focus();
}

/** A round maximum ≥ `max` for the axis, and its ticks (0 included); whole steps for counts when `integer`. */
export function niceScale(max: number, ticks = 4, integer = false): { max: number; ticks: number[] } {
  if (!(max > 0)) return { max: 1, ticks: [0, 1] };
  const raw = max / ticks;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const nice = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const step = integer ? Math.max(1, Math.ceil(nice)) : nice;
  const top = Math.ceil(max / step) * step;
  const out: number[] = [];
  for (let v = 0; v <= top + step / 2; v += step) out.push(Math.round(v * 1e6) / 1e6);
  return { max: top, ticks: out };
}

/** A marker shape per series (circle, square, triangle, diamond…), centred on (x, y). */
export function markerPath(index: number, x: number, y: number, r = 5): string {
  switch (index % 4) {
    case 1:
      return `M${x - r},${y - r}h${2 * r}v${2 * r}h${-2 * r}z`;
    case 2:
      return `M${x},${y - r - 1}L${x + r + 1},${y + r}L${x - r - 1},${y + r}z`;
    case 3:
      return `M${x},${y - r - 1}L${x + r + 1},${y}L${x},${y + r + 1}L${x - r - 1},${y}z`;
    default:
      return `M${x - r},${y}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`;
  }
}

/** The figure around a chart's SVG, with its caption, legend and the table toggle. */
export function chartFrame(t: ReportTerms, options: FrameOptions, chart: TemplateResult): TemplateResult {
  const { id, title, description, expanded, table, legend } = options;
  return html`<figure class="chart" part="chart" id=${id}>
    <figcaption>
      <span class="chart-title" id="${id}-title">${title}</span>
      <span class="chart-desc" id="${id}-desc">${description}</span>
      <span class="chart-desc" id="${id}-keys">${t.charts.keys}</span>
    </figcaption>
    ${
      legend?.length
        ? html`<ul class="legend" aria-label=${title}>
            ${legend.map(
              (l) =>
                html`<li>
                  <svg width="28" height="12" aria-hidden="true" focusable="false">
                    ${
                      options.swatch === 'box'
                        ? svg`<rect x="8" y="0" width="12" height="12" fill=${PALETTE[l.index % PALETTE.length]}></rect>`
                        : svg`<line x1="1" y1="6" x2="27" y2="6" stroke=${PALETTE[l.index % PALETTE.length]} stroke-width="3"
                          stroke-dasharray=${DASHES[l.index % DASHES.length] || 'none'}></line>`
                    }
                  </svg>
                  ${l.label}
                </li>`,
            )}
          </ul>`
        : nothing
    }
    ${chart}
    <button
      type="button"
      class="toggle"
      part="chart-toggle"
      aria-expanded=${expanded ? 'true' : 'false'}
      aria-controls="${id}-table"
      @click=${options.onToggle}
    >
      ${expanded ? t.charts.hideTable : t.charts.showTable}
    </button>
    <div class="scroll" id="${id}-table" ?hidden=${!expanded}>
      ${
        expanded
          ? html`<table class="chart-table">
              <caption>
                ${title}
              </caption>
              <thead>
                <tr>
                  ${table.columns.map((c, i) => html`<th scope="col" class=${i ? 'num' : ''}>${c}</th>`)}
                </tr>
              </thead>
              <tbody>
                ${table.rows.map(
                  (r) =>
                    html`<tr>
                      <th scope="row">${r.head}</th>
                      ${r.cells.map((c) => html`<td class="num">${c}</td>`)}
                    </tr>`,
                )}
              </tbody>
            </table>`
          : nothing
      }
    </div>
  </figure>`;
}
