/**
 * Line chart of `<hoso-report>`: one line per series over the quarters of the period (trend of the flows). Each
 * point is a focusable image labelled "series, quarter: value"; its value shows beside it on focus or hover. A
 * suppressed or missing point breaks the line and is drawn hollow on the axis.
 */
import { svg, type TemplateResult } from 'lit';
import { DASHES, PALETTE, markerPath, niceScale, type Datum } from './chart-frame.js';
import { PLOT_WIDTH as W, plotSvg, valueGrid } from './chart-shared.js';

export interface LineSeries {
  label: string;
  points: Datum[];
}

const H = 280;
const M = { top: 16, right: 24, bottom: 36, left: 48 };

export function lineChart(
  id: string,
  categories: string[],
  series: LineSeries[],
  format: (n: number) => string,
): TemplateResult {
  const max = Math.max(0, ...series.flatMap((s) => s.points.map((p) => p.value ?? 0)));
  const scale = niceScale(max, 4, true);
  const inset = 28;
  const plotW = W - M.left - M.right - 2 * inset;
  const plotH = H - M.top - M.bottom;
  const step = categories.length > 1 ? plotW / (categories.length - 1) : 0;
  const x = (i: number): number => M.left + inset + (categories.length > 1 ? i * step : plotW / 2);
  const y = (v: number): number => M.top + plotH - (v / scale.max) * plotH;
  return plotSvg(
    id,
    H,
    svg`${valueGrid(scale.ticks, y, M.left, W - M.right, format)}
    ${categories.map(
      (c, i) => svg`<text class="tick" x=${x(i)} y=${H - M.bottom + 18} text-anchor="middle">${c}</text>`,
    )}
    ${series.map((s, si) => {
      const color = PALETTE[si % PALETTE.length]!;
      const segments: string[] = [];
      let current = '';
      s.points.forEach((p, i) => {
        if (p.value === null) {
          if (current) segments.push(current);
          current = '';
        } else current += `${current ? 'L' : 'M'}${x(i)},${y(p.value)}`;
      });
      if (current) segments.push(current);
      return svg`<g class="series">
        ${segments.map(
          (d) =>
            svg`<path d=${d} fill="none" stroke=${color} stroke-width="2.5" stroke-dasharray=${DASHES[si % DASHES.length] || 'none'}></path>`,
        )}
        ${s.points.map((p, i) => {
          const px = x(i);
          const py = p.value === null ? y(0) : y(p.value);
          return svg`<g class="mark" tabindex=${si === 0 && i === 0 ? '0' : '-1'} role="img" aria-label="${s.label}, ${categories[i]}: ${p.text}">
            <path d=${markerPath(si, px, py)} fill=${p.value === null ? '#fff' : color} stroke=${color} stroke-width="2"></path>
            <text class="value" x=${px} y=${py - 10} text-anchor="middle">${p.text}</text>
          </g>`;
        })}
      </g>`;
    })}`,
  );
}
