/**
 * The charts section of `<hoso-report>`: the quarterly trend of the flows, the communes sorted by a chosen ratio
 * indicator against its target, that indicator by sex and by age band, and the persons starting each measure per
 * quarter stacked. Numbers under five persons are suppressed here as in the table.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Cell, IndicatorResult, Report } from '@hoso/reports';
import type { Lang } from '../i18n/lang.js';
import { accessOf, hidden, type Access } from './access.js';
import { barChart, stackedChart, type Bar } from './chart-bars.js';
import { chartFrame, type ChartTable, type Datum } from './chart-frame.js';
import { lineChart } from './chart-lines.js';
import { formatNumber, formatPercent, textOf, type FlowKey, type ReportTerms } from './i18n.js';

const TREND: readonly FlowKey[] = [
  'positiveTests',
  'newAddicts',
  'voluntaryStarts',
  'compulsoryFiled',
  'postRehabEntries',
  'relapses',
];
const STACKED: readonly FlowKey[] = ['voluntaryStarts', 'compulsoryAdmitted', 'postRehabEntries'];

export interface ChartsContext {
  t: ReportTerms;
  lang: Lang;
  report: Report;
  access: Access;
  /** Indicators that count communes, not persons (never suppressed). */
  communeCounted: ReadonlySet<string>;
  /** Id of the ratio indicator charted by commune, sex and age band. */
  indicator: string | undefined;
  onIndicator: (id: string) => void;
  expanded: ReadonlySet<string>;
  toggle: (id: string) => void;
  unitLabel: (code: string) => string;
}

/** `2026-Q1` → `Quý I/2026` / `Q1/2026`. */
export function quarterLabel(t: ReportTerms, key: string): string {
  const m = /^(\d{4})-Q([1-4])$/.exec(key);
  return m ? `${t.quarterName(Number(m[2]))}/${m[1]}` : key;
}

/** A count of persons as drawn and written: suppressed counts are not drawn and read "< 5". */
function count(c: ReportTerms, access: Access, n: number): Datum {
  return hidden(access, n) ? { value: null, text: c.suppressed } : { value: n, text: formatNumber(c, n) };
}

/** A cell as drawn: a percentage for ratios (not drawn when suppressed or without denominator), else a count. */
export function cellDatum(t: ReportTerms, access: Access, ind: IndicatorResult, cell: Cell): Datum {
  if (ind.kind === 'count' || cell.denominator === null) return count(t, access, cell.numerator);
  if (hidden(access, cell.numerator) || hidden(access, cell.denominator)) return { value: null, text: t.suppressed };
  if (cell.denominator === 0) return { value: null, text: t.notApplicable };
  const pct = Math.round((cell.numerator / cell.denominator) * 1000) / 10;
  return { value: pct, text: formatPercent(t, pct) };
}

/** The ratio indicators that can be charted, and the one shown (the chosen one, else the first with a target). */
export function chartable(
  report: Report,
  chosen: string | undefined,
): { list: IndicatorResult[]; shown?: IndicatorResult } {
  const list = report.indicators.filter((i) => i.kind === 'ratio');
  const shown = list.find((i) => i.id === chosen) ?? list.find((i) => i.target) ?? list[0];
  return shown ? { list, shown } : { list };
}

function trend(ctx: ChartsContext): TemplateResult {
  const { t, report, access } = ctx;
  const quarters = report.flows.map((f) => quarterLabel(t, f.quarter));
  const series = TREND.map((key) => ({
    label: t.charts.flows[key],
    points: report.flows.map((f) => count(t, access, f[key])),
  }));
  const table: ChartTable = {
    columns: [t.charts.quarter, ...series.map((s) => s.label)],
    rows: quarters.map((q, i) => ({ head: q, cells: series.map((s) => s.points[i]!.text) })),
  };
  const id = 'chart-trend';
  return chartFrame(
    t,
    {
      id,
      title: t.charts.trend,
      description: t.charts.trendDesc,
      expanded: ctx.expanded.has(id),
      onToggle: () => ctx.toggle(id),
      table,
      legend: series.map((s, index) => ({ label: s.label, index })),
    },
    report.flows.length ? lineChart(id, quarters, series, (n) => formatNumber(t, n)) : html`<p>${t.charts.noData}</p>`,
  );
}

function stacked(ctx: ChartsContext): TemplateResult {
  const { t, report, access } = ctx;
  const names = STACKED.map((k) => t.charts.flows[k]);
  const stacks = report.flows.map((f) => {
    const parts = STACKED.map((k) => count(t, access, f[k]));
    const total = STACKED.reduce((a, k) => a + f[k], 0);
    const anyHidden = parts.some((p) => p.value === null && p.text === t.suppressed);
    return { label: quarterLabel(t, f.quarter), parts, total: anyHidden ? '' : formatNumber(t, total) };
  });
  const id = 'chart-stacked';
  const table: ChartTable = {
    columns: [t.charts.quarter, ...names, t.charts.total],
    rows: stacks.map((s) => ({ head: s.label, cells: [...s.parts.map((p) => p.text), s.total || t.suppressed] })),
  };
  return chartFrame(
    t,
    {
      id,
      title: t.charts.stacked,
      description: t.charts.stackedDesc,
      expanded: ctx.expanded.has(id),
      onToggle: () => ctx.toggle(id),
      table,
      legend: names.map((label, index) => ({ label, index })),
      swatch: 'box',
    },
    stacks.length ? stackedChart(id, stacks, names) : html`<p>${t.charts.noData}</p>`,
  );
}

function breakdown(
  ctx: ChartsContext,
  ind: IndicatorResult,
  id: string,
  title: string,
  description: string,
  cells: Cell[],
  label: (key: string) => string,
  color: number,
): TemplateResult {
  const { t } = ctx;
  const access = accessOf(ctx.access, ind.id, ctx.communeCounted);
  const bars: Bar[] = cells.map((c) => ({ label: label(c.key), ...cellDatum(t, access, ind, c) }));
  const ratio = ind.kind === 'ratio';
  const target =
    ratio && ind.target
      ? { value: ind.target.value, label: t.charts.targetLine(formatPercent(t, ind.target.value)) }
      : undefined;
  const table: ChartTable = {
    columns: [title, t.columns.numerator, ...(ratio ? [t.columns.denominator] : []), t.columns.percent],
    rows: cells.map((c, i) => ({
      head: label(c.key),
      cells: [
        count(t, access, c.numerator).text,
        ...(ratio ? [c.denominator === null ? t.notApplicable : count(t, access, c.denominator).text] : []),
        bars[i]!.text,
      ],
    })),
  };
  return chartFrame(
    t,
    { id, title, description, expanded: ctx.expanded.has(id), onToggle: () => ctx.toggle(id), table },
    bars.length ? barChart(id, bars, { max: ratio ? 100 : undefined, target, color }) : html`<p>${t.charts.noData}</p>`,
  );
}

/** The charts section. */
export function renderCharts(ctx: ChartsContext): TemplateResult {
  const { t, lang, report } = ctx;
  const { list, shown } = chartable(report, ctx.indicator);
  const name = shown ? `${shown.id}. ${textOf(shown.title, lang, shown.id)}` : '';
  const value = (c: Cell): number => {
    const d = shown ? cellDatum(t, accessOf(ctx.access, shown.id, ctx.communeCounted), shown, c).value : null;
    return d ?? -1;
  };
  return html`<section class="charts" aria-labelledby="charts-heading">
    <h3 id="charts-heading">${t.charts.heading}</h3>
    ${trend(ctx)} ${stacked(ctx)}
    ${
      shown
        ? html`<div class="field chart-pick">
              <label for="chart-indicator">${t.charts.indicator}</label>
              <select
                id="chart-indicator"
                @change=${(e: Event) => ctx.onIndicator((e.target as HTMLSelectElement).value)}
              >
                ${list.map(
                  (i) =>
                    html`<option value=${i.id} ?selected=${i === shown}>
                      ${i.id}. ${textOf(i.title, lang, i.id)}
                    </option>`,
                )}
              </select>
            </div>
            ${breakdown(
              ctx,
              shown,
              'chart-communes',
              t.charts.communes(name),
              t.charts.communesDesc,
              [...shown.breakdown.commune].sort((a, b) => value(b) - value(a) || a.key.localeCompare(b.key)),
              ctx.unitLabel,
              0,
            )}
            ${breakdown(ctx, shown, 'chart-sex', t.charts.bySex(name), '', shown.breakdown.sex, (k) => t.sexes[k] ?? k, 1)}
            ${breakdown(ctx, shown, 'chart-age', t.charts.byAge(name), '', shown.breakdown.ageBand, t.ageBand, 2)}`
        : nothing
    }
  </section>`;
}
