/**
 * Bar charts of `<hoso-report>`: horizontal bars (communes sorted by rate with the target as a dashed line; the
 * breakdown by sex and age band) and vertical stacked bars (persons starting each measure per quarter). Every bar
 * is a focusable image labelled with its category and value; values are also written at the bar's end.
 */
import { svg, nothing, type TemplateResult } from 'lit';
import { PALETTE, niceScale, type Datum } from './chart-frame.js';
import { PLOT_WIDTH as W, plotSvg, valueGrid } from './chart-shared.js';

export interface Bar extends Datum {
  label: string;
}

const ROW = 30;
const LEFT = 190;
const RIGHT = 70;

/** Horizontal bars, in the order given; `target` draws a dashed vertical line at that value. */
export function barChart(
  id: string,
  bars: Bar[],
  options: { max?: number; target?: { value: number; label: string } | undefined; color?: number },
): TemplateResult {
  const top = 8;
  const axis = 22;
  const h = top + bars.length * ROW + axis;
  const dataMax = Math.max(0, ...bars.map((b) => b.value ?? 0), options.target?.value ?? 0);
  const max = options.max ?? niceScale(dataMax, 4, true).max;
  const plotW = W - LEFT - RIGHT;
  const x = (v: number): number => LEFT + (max > 0 ? (Math.min(v, max) / max) * plotW : 0);
  const color = PALETTE[(options.color ?? 0) % PALETTE.length]!;
  const target = options.target;
  return plotSvg(
    id,
    h,
    svg`<line class="axis" x1=${LEFT} x2=${LEFT} y1=${top} y2=${top + bars.length * ROW}></line>
    ${bars.map((b, i) => {
      const y = top + i * ROW;
      const end = b.value === null ? LEFT : x(b.value);
      return svg`<g class="mark" tabindex=${i === 0 ? '0' : '-1'} role="img" aria-label="${b.label}: ${b.text}">
        <text class="label" x=${LEFT - 8} y=${y + ROW / 2 + 4} text-anchor="end">${b.label}</text>
        <rect x=${LEFT} y=${y + 5} width=${Math.max(0, end - LEFT)} height=${ROW - 10} fill=${color}></rect>
        <text class="bar-value" x=${end + 6} y=${y + ROW / 2 + 4}>${b.text}</text>
      </g>`;
    })}
    ${
      target
        ? svg`<g class="target">
          <line x1=${x(target.value)} x2=${x(target.value)} y1=${top - 4} y2=${top + bars.length * ROW + 4}
            stroke="#1a1a1a" stroke-width="2" stroke-dasharray="6 4"></line>
          <text class="tick" x=${x(target.value)} y=${h - 4} text-anchor="middle">${target.label}</text>
        </g>`
        : nothing
    }`,
  );
}

export interface Stack {
  label: string;
  parts: Datum[];
  total: string;
}

/** Vertical stacked bars, one per category; `series` names the parts (bottom first). */
export function stackedChart(id: string, stacks: Stack[], series: string[]): TemplateResult {
  const H = 280;
  const M = { top: 16, bottom: 36, left: 48, right: 16 };
  const max = niceScale(Math.max(0, ...stacks.map((s) => s.parts.reduce((a, p) => a + (p.value ?? 0), 0))), 4, true);
  const plotH = H - M.top - M.bottom;
  const slot = (W - M.left - M.right) / Math.max(1, stacks.length);
  const barW = Math.min(64, slot * 0.6);
  const y = (v: number): number => M.top + plotH - (v / max.max) * plotH;
  return plotSvg(
    id,
    H,
    svg`${valueGrid(max.ticks, y, M.left, W - M.right, (v) => v)}
    ${stacks.map((s, i) => {
      const cx = M.left + slot * i + slot / 2;
      let base = 0;
      return svg`<text class="tick" x=${cx} y=${H - M.bottom + 18} text-anchor="middle">${s.label}</text>
        ${s.parts.map((p, pi) => {
          const v = p.value ?? 0;
          const y0 = y(base);
          const y1 = y(base + v);
          base += v;
          return svg`<g class="mark" tabindex=${i === 0 && pi === 0 ? '0' : '-1'} role="img" aria-label="${s.label}, ${series[pi]}: ${p.text}">
            <rect x=${cx - barW / 2} y=${y1} width=${barW} height=${Math.max(0, y0 - y1)}
              fill=${PALETTE[pi % PALETTE.length]} stroke="#fff" stroke-width="1"></rect>
            <text class="value" x=${cx + barW / 2 + 4} y=${(y0 + y1) / 2 + 4}>${p.text}</text>
          </g>`;
        })}
        <text class="bar-value" x=${cx} y=${y(base) - 6} text-anchor="middle">${s.total}</text>`;
    })}`,
  );
}
