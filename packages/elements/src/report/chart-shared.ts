/**
 * The plot pieces the charts of `<hoso-report>` share: the `<svg>` element of a chart (its width, its names
 * taken from the frame's caption, the keyboard of its marks) and the horizontal value grid with its tick labels.
 */
import { html, svg, type TemplateResult } from 'lit';
import { markKeys } from './chart-frame.js';

/** Width of every chart's view box; the SVG scales to its container. */
export const PLOT_WIDTH = 640;

/**
 * The `<svg>` of chart `id` (named by `${id}-title`, described by `${id}-desc` and `${id}-keys` of its frame),
 * `height` view-box units high, holding `content`.
 */
export function plotSvg(id: string, height: number, content: unknown): TemplateResult {
  return html`<svg
    class="plot"
    viewBox="0 0 ${PLOT_WIDTH} ${height}"
    role="group"
    aria-labelledby="${id}-title"
    aria-describedby="${id}-desc ${id}-keys"
    @keydown=${markKeys}
  >
    ${content}
  </svg>`;
}

/**
 * Horizontal grid lines from `left` to `right` at each tick, `y` placing a value, with the tick's text
 * (`label`) at the left end.
 */
export function valueGrid(
  ticks: readonly number[],
  y: (v: number) => number,
  left: number,
  right: number,
  label: (v: number) => string | number,
): TemplateResult[] {
  return ticks.map(
    (v) =>
      svg`<line class="grid" x1=${left} x2=${right} y1=${y(v)} y2=${y(v)}></line>
        <text class="tick" x=${left - 6} y=${y(v) + 4} text-anchor="end">${label(v)}</text>`,
  );
}
