/**
 * Report R1 "Kết quả thực hiện chỉ tiêu" / "Target attainment" of `<hoso-report>`: one row per indicator with its
 * target, numerator, denominator, rate and whether it is met (in words, not only colour), footnotes for the
 * plans' open points (`assumption`). Numerators and denominators are buttons that open the persons behind them
 * when the reader may see names; counts of 1–4 persons read "< 5" when suppressed.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { IndicatorResult, Report } from '@hoso/reports';
import type { Lang } from '../i18n/lang.js';
import { accessOf, hidden, type Access } from './access.js';
import { formatNumber, formatPercent, textOf, type ReportTerms } from './i18n.js';

export type Side = 'numerator' | 'denominator';

export interface TableContext {
  t: ReportTerms;
  lang: Lang;
  report: Report;
  /** The same indicators over the period before, for the "previous period" column. */
  previous?: Report | undefined;
  access: Access;
  /** Indicators that count communes, not persons (never suppressed). */
  communeCounted: ReadonlySet<string>;
  unit: string;
  onOpen: (indicator: IndicatorResult, side: Side, opener: HTMLElement) => void;
}

/** The target as the plan words it, else as a number (percent for ratios). */
export function targetText(t: ReportTerms, lang: Lang, ind: IndicatorResult): string {
  const target = ind.target;
  if (!target) return t.noTarget;
  if (target.text) return textOf(target.text, lang);
  const value = ind.kind === 'ratio' ? formatPercent(t, target.value) : formatNumber(t, target.value);
  return `${target.comparison === '>' ? '>' : '≥'} ${value}`;
}

/** The rate (ratio) or the count, as shown: "< 5" when suppressed, "—" without a denominator. */
export function valueText(t: ReportTerms, access: Access, ind: IndicatorResult): string {
  if (hidden(access, ind.numerator) || hidden(access, ind.denominator)) return t.suppressed;
  if (ind.value === null) return t.notApplicable;
  return ind.kind === 'ratio' ? formatPercent(t, ind.value) : formatNumber(t, ind.value);
}

function metText(t: ReportTerms, access: Access, ind: IndicatorResult): { text: string; cls: string } {
  if (ind.met === null || hidden(access, ind.numerator) || hidden(access, ind.denominator))
    return { text: t.metValue.none, cls: 'met-none' };
  return ind.met ? { text: t.metValue.yes, cls: 'met-yes' } : { text: t.metValue.no, cls: 'met-no' };
}

function numberCell(ctx: TableContext, access: Access, ind: IndicatorResult, side: Side): TemplateResult {
  const { t } = ctx;
  const n = side === 'numerator' ? ind.numerator : ind.denominator;
  if (n === null) return html`<td class="num">${t.notApplicable}</td>`;
  const text = hidden(access, n) ? t.suppressed : formatNumber(t, n);
  const persons = ind.members?.[side];
  if (!access.names || !persons) return html`<td class="num">${text}</td>`;
  const what = `${ind.id}, ${side === 'numerator' ? t.columns.numerator : t.columns.denominator}`;
  return html`<td class="num">
    <button
      type="button"
      class="drill"
      part="drill"
      data-indicator=${ind.id}
      data-side=${side}
      aria-haspopup="dialog"
      aria-label=${t.showPersons(what, text)}
      @click=${(e: Event) => ctx.onOpen(ind, side, e.currentTarget as HTMLElement)}
    >
      ${text}
    </button>
  </td>`;
}

/** The R1 table, and below it the notes (suppression, counts only, how each open indicator is read). */
export function renderTable(ctx: TableContext): TemplateResult {
  const { t, lang, report, access } = ctx;
  const noted = report.indicators.filter((i) => i.assumption);
  const rowAccess = (i: IndicatorResult): Access => accessOf(access, i.id, ctx.communeCounted);
  const anySuppressed = report.indicators.some(
    (i) => hidden(rowAccess(i), i.numerator) || hidden(rowAccess(i), i.denominator),
  );
  const plan = report.definitions.plan;
  return html`<div class="scroll" role="region" aria-labelledby="r1-caption" tabindex="0">
      <table class="r1" part="table">
        <caption id="r1-caption">
          ${t.caption(textOf(report.periodLabel, lang), ctx.unit)}
          ${plan ? html`<span class="sub">${t.planLine(textOf(plan.title, lang, plan.id))}</span>` : nothing}
        </caption>
        <thead>
          <tr>
            <th scope="col">${t.columns.indicator}</th>
            <th scope="col">${t.columns.target}</th>
            <th scope="col" class="num">${t.columns.numerator}</th>
            <th scope="col" class="num">${t.columns.denominator}</th>
            <th scope="col" class="num">${t.columns.percent}</th>
            <th scope="col" class="num">
              ${t.columns.previous}
              ${ctx.previous ? html`<span class="sub">${textOf(ctx.previous.periodLabel, lang)}</span>` : nothing}
            </th>
            <th scope="col">${t.columns.met}</th>
          </tr>
        </thead>
        <tbody>
          ${report.indicators.map((ind) => {
            const note = noted.indexOf(ind);
            const a = rowAccess(ind);
            const met = metText(t, a, ind);
            const before = ctx.previous?.indicators.find((p) => p.id === ind.id);
            return html`<tr data-indicator=${ind.id} part="row">
              <th scope="row" aria-describedby=${note >= 0 ? `note-${ind.id}` : nothing}>
                <span class="id">${ind.id}.</span> ${textOf(ind.title, lang, ind.id)}
                ${note >= 0 ? html`<sup aria-hidden="true">(${note + 1})</sup>` : nothing}
                <span class="sub">${t.sourcesLabel(ind.sources.join(', '))}</span>
              </th>
              <td>${targetText(t, lang, ind)}</td>
              ${numberCell(ctx, a, ind, 'numerator')} ${numberCell(ctx, a, ind, 'denominator')}
              <td class="num" data-value>${valueText(t, a, ind)}</td>
              <td class="num" data-previous>${before ? valueText(t, a, before) : t.notApplicable}</td>
              <td class=${met.cls} data-met>
                <span aria-hidden="true">${met.cls === 'met-yes' ? '✔ ' : met.cls === 'met-no' ? '✘ ' : ''}</span
                >${met.text}
              </td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>
    <section class="notes" aria-labelledby="notes-heading">
      <h3 id="notes-heading">${t.footnotes}</h3>
      ${anySuppressed ? html`<p>${t.suppressedNote}</p>` : nothing}
      ${access.names ? nothing : html`<p>${t.countsOnlyNote}</p>`}
      ${
        noted.length
          ? html`<ol>
              ${noted.map(
                (ind) =>
                  html`<li id="note-${ind.id}">
                    <strong>${ind.id}</strong> — ${t.assumption}: ${textOf(ind.assumption, lang)}
                  </li>`,
              )}
            </ol>`
          : nothing
      }
    </section>`;
}
