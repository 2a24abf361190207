/**
 * `<hoso-report>`: the 6-/12-month report screen. It chooses a period (half-year, year, quarter, a plan's period,
 * any range; by default the last complete half-year before `now`), a unit (the province or one commune) and the
 * plan whose targets are compared; computes the indicators of `@hoso/reports` from the case store in the browser
 * (or fetches them from `@hoso/server`); and shows R1 "Kết quả thực hiện chỉ tiêu" as a table with drill-down to
 * the persons behind a number (for readers allowed to see names), charts with table alternatives, and CSV / XLSX
 * export and print.
 *
 * @summary The plans' indicators for a period and a unit, against their targets, with charts and export.
 *
 * @example
 * ```html
 * <hoso-report lang="vi"></hoso-report>
 * <script type="module">
 *   const report = document.querySelector('hoso-report');
 *   report.store = await openCaseStore();          // or: report.endpoint = '/api'; report.token = jwt;
 *   report.user = { roles: ['commune-officer'], communeCode: '26734' };
 * </script>
 * ```
 *
 * @event hoso-report-export - `HosoReportExportEvent`: a file was exported (`format`, `filename`, `blob`);
 *   cancel it to stop the browser's download.
 *
 * @csspart controls - The period, unit and plan choosers.
 * @csspart status - The live status line (computing, computed, error).
 * @csspart table - The R1 table.
 * @csspart row - Each indicator row.
 * @csspart drill - Each number button that opens the persons behind it.
 * @csspart persons - The drill-down dialog.
 * @csspart chart - Each chart figure.
 * @csspart chart-toggle - The "show as table" buttons.
 * @csspart exports - The export and print buttons.
 *
 * @cssproperty --hoso-color-text - Text colour.
 * @cssproperty --hoso-color-border - Borders.
 * @cssproperty --hoso-color-success - Met.
 * @cssproperty --hoso-color-danger - Not met.
 * @cssproperty --hoso-color-focus - Focus ring.
 */
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { CaseRecord, CaseStore } from '@hoso/case-store';
import type { IndicatorResult, Report, ReportQuery } from '@hoso/reports';
import { CaseFeed, type FeedQuery } from '../case-list/case-feed.js';
import { ClockController } from '../case-list/clock.js';
import { LangController } from '../i18n/lang.js';
import { accessFor, unitChoices, type ReportUser } from './access.js';
import { renderCharts } from './charts.js';
import { renderControls } from './controls.js';
import { download, exportReport, HosoReportExportEvent, type ExportFormat } from './export.js';
import { reportStyles } from './hoso-report.styles.js';
import { reportTerms, textOf } from './i18n.js';
import {
  defaultChoice,
  hasPeriod,
  periodRange,
  previousPeriod,
  vietnamDay,
  type PeriodChoice,
  type PlanOption,
} from './period.js';
import { renderPersons } from './persons.js';
import { builtinDefinitions, getReports, type BuiltinDefinitions, type ComputeReport } from './source.js';
import { renderTable, type Side } from './table.js';

/** Every case of the store: the engine filters by period and unit itself (residence at the event date). */
const ALL_CASES: FeedQuery = { key: 'all', load: (store) => store.listCases(), accepts: () => true };

export class HosoReport extends LitElement {
  static override styles = reportStyles;

  /** The case store to compute from (`openCaseStore()` of `@hoso/case-store`). Wins over `endpoint`. */
  @property({ attribute: false }) store: CaseStore | undefined;
  /** Base URL of `@hoso/server` (the report is `GET <endpoint>/reports?…`). */
  @property() endpoint: string | undefined;
  /** Bearer token for `endpoint`. */
  @property({ attribute: false }) token: string | undefined;
  /** The reader: roles decide names and suppression; a commune officer starts on their commune. */
  @property({ attribute: false }) user: ReportUser | undefined;
  /** "Now" (ISO 8601 or a day): the default period is the last complete half-year before it. The clock when absent. */
  @property() now: string | undefined;
  /** Plans whose targets can be compared (and whose period can be reported on); the shipped plans when absent. */
  @property({ attribute: false }) plans: PlanOption[] | undefined;
  /** Names of communes by code, for the unit picker and the labels; the code is shown when absent. */
  @property({ attribute: false }) communeNames: Record<string, string> = {};
  /** The indicator engine; `computeReport` of `@hoso/reports` when absent. */
  @property({ attribute: false }) compute: ComputeReport | undefined;

  @state() private choice: PeriodChoice | undefined;
  @state() private commune: string | undefined;
  @state() private plan = '';
  @state() private builtin: BuiltinDefinitions = { plans: [], communeCounted: new Set() };
  @state() private report: Report | undefined;
  @state() private previous: Report | undefined;
  @state() private loading = false;
  @state() private failure: string | undefined;
  @state() private chartIndicator: string | undefined;
  @state() private expanded: ReadonlySet<string> = new Set();
  @state() private drill: { indicator: IndicatorResult; side: Side } | undefined;
  @state() private exportStatus: { text: string; error: boolean } | undefined;

  @query('dialog.persons') private dialog!: HTMLDialogElement | null;

  readonly #lang = new LangController(this);
  readonly #clock = new ClockController(this);
  readonly #feed = new CaseFeed(this);
  #requested: unknown[] | undefined;
  #sequence = 0;
  #opener: HTMLElement | undefined;
  /** The reader changed the period: a new `now` no longer moves it. */
  #chosen = false;
  readonly #seen = new Set<string>();

  /** The report shown (after the last computation), for scripts and tests. */
  get currentReport(): Report | undefined {
    return this.report;
  }

  /** Resolves when the current computation is done (the report or the error is shown). */
  get reportComplete(): Promise<void> {
    return this.updateComplete.then(() => this.#idle);
  }
  #idle: Promise<void> | undefined;
  /** The shipped definitions (plans, indicators counting communes): a report is shown once they are read. */
  #builtinReady: Promise<void> | undefined;
  #resolveIdle: (() => void) | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#builtinReady ??= builtinDefinitions().then((b) => {
      this.builtin = b;
    });
  }

  #plans(): PlanOption[] {
    return this.plans ?? this.builtin.plans;
  }

  #today(): string {
    return (this.now && vietnamDay(this.now)) || vietnamDay(this.#clock.now)!;
  }

  /** The query of the current choice, or the error key of the choice. */
  #query(): ReportQuery | { error: 'badRange' | 'noPlanPeriod' } {
    const choice = this.choice ?? defaultChoice(this.#today());
    const planOption = this.#plans().find((p) => p.id === this.plan);
    const range = periodRange(choice, planOption);
    if ('error' in range) return range;
    const commune = this.commune || undefined;
    const q: ReportQuery = { from: range.from, to: range.to };
    if (commune) q.communes = [commune];
    if (this.plan) q.plan = this.plan;
    if (accessFor(this.user, commune).names) q.members = true;
    return q;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.choice) this.choice = defaultChoice(this.#today());
    // A reader limited to their commune (commune staff) is moved there when the user changes (the portal's switcher).
    if (this.user && (this.commune === undefined || changed.has('user'))) {
      const units = unitChoices(this.user, []);
      if (!units.province) this.commune = units.communes[0] ?? '';
      else this.commune ??= '';
    }
    if (changed.has('now') && !this.#chosen) this.choice = defaultChoice(this.#today());
    const q = this.#query();
    // The store's cases are read once and followed (this tab and others): a saved case recomputes the report.
    this.#feed.sync(this.store, this.store ? ALL_CASES : undefined);
    const cases = this.store ? this.#feed.records : undefined;
    const inputs = [this.store, cases, this.endpoint, this.token, this.compute, JSON.stringify(q)];
    if (this.#requested && inputs.every((v, i) => v === this.#requested![i])) return;
    this.#requested = inputs;
    if ('error' in q || (!this.store && !this.endpoint)) return this.#settle();
    if (this.store && this.#feed.failure !== undefined) {
      this.failure = this.#feed.failure;
      return this.#settle();
    }
    if (this.store && !cases) {
      this.#busy();
      this.loading = true;
      return;
    }
    void this.#load(q, (this.choice ?? defaultChoice(this.#today())).kind, cases);
  }

  /** Marks a computation under way (`reportComplete` waits for it). */
  #busy(): void {
    this.#idle ??= new Promise((resolve) => (this.#resolveIdle = resolve));
  }

  /** Marks the computation done. */
  #settle(): void {
    this.#resolveIdle?.();
    this.#idle = undefined;
    this.#resolveIdle = undefined;
  }

  async #load(q: ReportQuery, kind: PeriodChoice['kind'], cases: CaseRecord[] | undefined): Promise<void> {
    const sequence = ++this.#sequence;
    this.#busy();
    this.loading = true;
    this.failure = undefined;
    try {
      const before: ReportQuery = { ...q, ...previousPeriod(kind, q.from, q.to) };
      delete before.members;
      const [report, previous] = await getReports(
        { cases, endpoint: this.endpoint, token: this.token, compute: this.compute },
        [q, before],
        this.#lang.lang,
      );
      await this.#builtinReady;
      if (sequence !== this.#sequence) return;
      if (report instanceof Error) throw report;
      for (const c of report!.communes) this.#seen.add(c.code);
      this.report = report;
      this.previous = previous instanceof Error ? undefined : previous;
    } catch (e) {
      if (sequence !== this.#sequence) return;
      this.failure = (e as Error).message || String(e);
    } finally {
      if (sequence === this.#sequence) this.loading = false;
    }
    await this.updateComplete;
    if (sequence === this.#sequence) this.#settle();
  }

  #unitLabel = (code: string): string => {
    const name = this.communeNames[code];
    return name ? `${name} (${code})` : reportTerms(this.#lang.lang).commune(code);
  };

  #patchChoice(patch: Partial<PeriodChoice>): void {
    this.#chosen = true;
    const next = { ...this.choice!, ...patch };
    if (patch.kind === 'range' && this.report)
      Object.assign(next, { from: this.report.query.from, to: this.report.query.to });
    if (patch.kind === 'plan' && !hasPeriod(this.#plans().find((p) => p.id === this.plan))) {
      this.plan = this.#plans().find(hasPeriod)?.id ?? '';
    }
    this.choice = next;
  }

  #toggle(id: string): void {
    const next = new Set(this.expanded);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    this.expanded = next;
  }

  async #open(indicator: IndicatorResult, side: Side, opener: HTMLElement): Promise<void> {
    this.#opener = opener;
    this.drill = { indicator, side };
    await this.updateComplete;
    if (this.dialog && !this.dialog.open) this.dialog.showModal();
    this.dialog?.querySelector<HTMLElement>('button.close')?.focus();
  }

  #closed(): void {
    const opener = this.#opener;
    this.drill = undefined;
    this.#opener = undefined;
    if (opener) {
      const { indicator, side } = opener.dataset;
      const again = this.renderRoot.querySelector<HTMLElement>(
        `button.drill[data-indicator="${indicator ?? ''}"][data-side="${side ?? ''}"]`,
      );
      (again ?? opener).focus();
    }
  }

  async #export(format: ExportFormat): Promise<void> {
    const report = this.report;
    if (!report) return;
    const t = reportTerms(this.#lang.lang);
    this.exportStatus = { text: t.exports.working, error: false };
    try {
      const file = await exportReport(report, this.#lang.lang, format, {
        suppress: accessFor(this.user, this.commune || undefined).suppress,
        communeName: (code) => this.communeNames[code],
      });
      if (this.dispatchEvent(new HosoReportExportEvent(file))) download(file, this);
      this.exportStatus = { text: t.exports.done(file.filename), error: false };
    } catch (e) {
      this.exportStatus = { text: t.exports.failed((e as Error).message), error: true };
    }
  }

  protected override render(): TemplateResult {
    const lang = this.#lang.lang;
    const t = reportTerms(lang);
    const choice = this.choice ?? defaultChoice(this.#today());
    const q = this.#query();
    const commune = this.commune ?? '';
    const units = unitChoices(this.user, [...this.#seen, ...(commune ? [commune] : [])]);
    const report = this.report;
    const access = accessFor(this.user, report?.query.communes?.[0]);
    const unit = report?.query.communes?.length === 1 ? this.#unitLabel(report.query.communes[0]!) : t.province;
    const status = this.loading
      ? t.loading
      : this.failure !== undefined || !report
        ? ''
        : t.loaded(textOf(report.periodLabel, lang), report.casesRead, report.persons);
    return html`
      ${renderControls({
        t,
        lang,
        today: this.#today(),
        choice,
        onChoice: (patch) => this.#patchChoice(patch),
        province: units.province,
        communes: units.communes,
        commune,
        onCommune: (code) => (this.commune = code),
        unitLabel: this.#unitLabel,
        plans: this.#plans(),
        plan: this.plan,
        defaultPlan: this.builtin.defaultPlan,
        onPlan: (id) => (this.plan = id),
      })}
      <p class="status" part="status" role="status">${status}</p>
      ${'error' in q ? html`<p class="error" role="alert">${t[q.error]}</p>` : nothing}
      ${!this.store && !this.endpoint ? html`<p class="error" role="alert">${t.noSource}</p>` : nothing}
      ${this.failure !== undefined ? html`<p class="error" role="alert">${t.loadError(this.failure)}</p>` : nothing}
      ${
        report
          ? html`<div class="report" aria-busy=${this.loading ? 'true' : 'false'}>
              <h2>${t.heading}</h2>
              ${renderTable({
                t,
                lang,
                report,
                previous: this.previous,
                access,
                communeCounted: this.builtin.communeCounted,
                unit,
                onOpen: (i, s, o) => void this.#open(i, s, o),
              })}
              ${this.#renderExports(t)}
              ${renderCharts({
                t,
                lang,
                report,
                access,
                communeCounted: this.builtin.communeCounted,
                indicator: this.chartIndicator,
                onIndicator: (id) => (this.chartIndicator = id),
                expanded: this.expanded,
                toggle: (id) => this.#toggle(id),
                unitLabel: this.#unitLabel,
              })}
            </div>`
          : nothing
      }
      ${renderPersons({ t, lang, open: this.drill, unitLabel: this.#unitLabel, onClose: () => this.#closed() })}
    `;
  }

  #renderExports(t: ReturnType<typeof reportTerms>): TemplateResult {
    // Every reader may have the files: for a suppressed reader the exporters write counts of 1–4 persons as "< 5"
    // (export.ts), so a file is never more exact than the screen.
    return html`<div class="exports" part="exports" role="group" aria-label=${t.exports.heading}>
        <button type="button" data-export="csv" @click=${() => void this.#export('csv')}>${t.exports.csv}</button>
        <button type="button" data-export="xlsx" @click=${() => void this.#export('xlsx')}>${t.exports.xlsx}</button>
        <button type="button" data-print @click=${() => window.print()}>${t.exports.print}</button>
        <span class="sub" role="status"
          >${this.exportStatus && !this.exportStatus.error ? this.exportStatus.text : ''}</span
        >
      </div>
      ${this.exportStatus?.error ? html`<p class="error" role="alert">${this.exportStatus.text}</p>` : nothing}`;
  }
}

if (!customElements.get('hoso-report')) customElements.define('hoso-report', HosoReport);

declare global {
  interface HTMLElementTagNameMap {
    'hoso-report': HosoReport;
  }
  interface HTMLElementEventMap {
    'hoso-report-export': HosoReportExportEvent;
  }
}
