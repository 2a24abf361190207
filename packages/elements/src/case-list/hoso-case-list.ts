/**
 * `<hoso-case-list>`: the cases on this device for the user's commune, in a table that can be searched by name
 * (accents optional) or personal ID, filtered by procedure and status, and sorted by next time limit with
 * overdue cases first. It reads the case store and follows its changes, including writes from other tabs.
 *
 * @summary The commune's cases, overdue first, searchable by name or personal ID.
 *
 * @example
 * ```html
 * <hoso-case-list lang="vi"></hoso-case-list>
 * <script type="module">
 *   const list = document.querySelector('hoso-case-list');
 *   list.store = await openCaseStore();
 *   list.user = { id: 'u1', name: 'Lê Thị B', roles: ['commune-officer'], communeCode: '26734' };
 *   list.procedures = { 'voluntary-rehab': procedure };
 *   list.addEventListener('hoso-case-open', (e) => show(e.caseId));
 * </script>
 * ```
 *
 * @event hoso-case-open - `HosoCaseOpenEvent`: the user opened a case (`caseId`, `procedure`).
 *
 * @csspart toolbar - The search box and filters.
 * @csspart search - The search input.
 * @csspart filter - Each filter `<select>`.
 * @csspart count - The live result count.
 * @csspart table - The `<table>`.
 * @csspart row - Each case row (also `row-overdue`, `row-at-risk`, `row-due`, `row-none`, `row-closed`).
 * @csspart open - The button (the person's name) that opens a case.
 * @csspart deadline-status - The status word of the next time limit.
 * @csspart pages - The page navigation.
 * @csspart empty - The message shown when there is nothing to list.
 *
 * @cssproperty --hoso-color-text - Text colour.
 * @cssproperty --hoso-color-border - Borders of inputs and rows.
 * @cssproperty --hoso-color-danger - Overdue.
 * @cssproperty --hoso-color-warning - Due soon.
 * @cssproperty --hoso-color-success - On time.
 * @cssproperty --hoso-color-link - The open buttons.
 * @cssproperty --hoso-color-focus - Focus ring.
 *
 * @cssstate loading - The cases are being read.
 * @cssstate empty - Nothing to show (no case, or none matches).
 * @cssstate error - The store could not be read.
 */
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { CaseRecord, CaseStore } from '@hoso/case-store';
import type { Procedure } from '@hoso/workflow';
import { HosoCaseOpenEvent } from '../events/case-open.js';
import { caseTerms, formatDate, textIn, type CaseTerms, type RowStatus } from '../i18n/cases.js';
import { LangController, type Lang } from '../i18n/lang.js';
import { CaseFeed } from './case-feed.js';
import { ClockController } from './clock.js';
import { toRow, type CaseRow, type NextDeadline } from './case-row.js';
import { caseListStyles } from './hoso-case-list.styles.js';
import { matches, parseQuery } from './search.js';
import { comparator, type SortDirection, type SortKey } from './sort.js';

/** Who is looking: the list shows the cases of `communeCode` (all cases on the device when it is absent). */
export interface CaseListUser {
  id: string;
  name: string;
  roles: string[];
  communeCode?: string;
}

interface RowCacheEntry {
  key: string;
  procedure: Procedure | undefined;
  row: CaseRow;
}

const STATUSES: readonly RowStatus[] = ['overdue', 'at-risk', 'due', 'none', 'closed'];
const COLUMNS: readonly SortKey[] = ['name', 'personalId', 'procedure', 'step', 'deadline', 'status'];

export class HosoCaseList extends LitElement {
  static override styles = caseListStyles;

  /** Where the cases are (`openCaseStore()` of `@hoso/case-store`). */
  @property({ attribute: false }) store: CaseStore | undefined;
  /** The signed-in user; `communeCode` selects the cases shown. */
  @property({ attribute: false }) user: CaseListUser | undefined;
  /** Procedure instances by id, for titles, steps and time-limit status. */
  @property({ attribute: false }) procedures: Record<string, Procedure> = {};
  /** The moment statuses are computed at (ISO 8601); the clock when absent. */
  @property({ reflect: true }) now: string | undefined;
  /** Rows per page. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 50;

  @state() private query = '';
  @state() private procedureFilter = '';
  @state() private statusFilter: RowStatus | '' = '';
  @state() private sortKey: SortKey = 'deadline';
  @state() private sortDirection: SortDirection = 'ascending';
  @state() private page = 0;

  readonly #lang = new LangController(this);
  readonly #feed = new CaseFeed(this);
  readonly #clock = new ClockController(this);
  readonly #internals: ElementInternals = this.attachInternals();
  #rows: CaseRow[] = [];
  #rowsFrom: { records: CaseRecord[] | undefined; procedures: unknown; now: string | undefined } | undefined;
  #rowCache = new Map<string, RowCacheEntry>();
  #shownRows: CaseRow[] = [];
  #shownFor: unknown[] | undefined;

  /** The rows currently matching the search and filters, in display order (all pages). */
  get shownCaseIds(): string[] {
    return this.#shown().map((r) => r.id);
  }

  protected override willUpdate(): void {
    const communeCode = this.user?.communeCode;
    this.#feed.sync(this.store, {
      key: `commune:${communeCode ?? '*'}`,
      load: (store) => store.listCases(communeCode ? { communeCode } : {}),
      accepts: (record) => !communeCode || record.person?.communeCode === communeCode,
    });
    const from = this.#rowsFrom;
    if (
      !from ||
      from.records !== this.#feed.records ||
      from.procedures !== this.procedures ||
      from.now !== this.#now()
    ) {
      this.#rows = this.#buildRows();
      this.#rowsFrom = { records: this.#feed.records, procedures: this.procedures, now: this.#now() };
    }
    const loading = this.#feed.loading;
    this.#setState('loading', loading);
    this.#setState('error', this.#feed.failure !== undefined);
    this.#setState('empty', !loading && this.#shown().length === 0);
  }

  /** `now` as given, else the clock (refreshed every minute); a `now` that is not a date is ignored (and shown). */
  #now(): string {
    return this.now && !Number.isNaN(Date.parse(this.now)) ? this.now : this.#clock.now;
  }

  #renderBadNow(t: CaseTerms): TemplateResult | typeof nothing {
    return this.now && Number.isNaN(Date.parse(this.now))
      ? html`<p class="error" role="alert">${t.badNow(this.now)}</p>`
      : nothing;
  }

  #setState(name: string, on: boolean): void {
    try {
      if (on) this.#internals.states.add(name);
      else this.#internals.states.delete(name);
    } catch {
      // Engines without CustomStateSet: :state() styling is unavailable, nothing else changes.
    }
  }

  /** Rows of the current records; a row is rebuilt only when its case, the procedure or `now` changed. */
  #buildRows(): CaseRow[] {
    const now = this.#now();
    const nowMs = Date.parse(now);
    const cache = new Map<string, RowCacheEntry>();
    const rows = (this.#feed.records ?? []).map((record) => {
      const procedure = this.procedures[record.procedure];
      const key = `${record.rev}|${record.updatedAt}|${now}`;
      const hit = this.#rowCache.get(record.id);
      const row =
        hit && hit.key === key && hit.procedure === procedure ? hit.row : toRow(record, procedure, now, nowMs);
      cache.set(record.id, { key, procedure, row });
      return row;
    });
    this.#rowCache = cache;
    return rows;
  }

  /** The rows matching the search and filters, in display order; recomputed only when an input changed. */
  #shown(): CaseRow[] {
    const lang = this.#lang.lang;
    const inputs = [
      this.#rows,
      this.query,
      this.procedureFilter,
      this.statusFilter,
      this.sortKey,
      this.sortDirection,
      lang,
    ];
    if (this.#shownFor && inputs.every((v, i) => v === this.#shownFor?.[i])) return this.#shownRows;
    const query = parseQuery(this.query);
    this.#shownFor = inputs;
    return (this.#shownRows = this.#rows
      .filter(
        (row) =>
          (!this.procedureFilter || row.procedure === this.procedureFilter) &&
          (!this.statusFilter || row.rowStatus === this.statusFilter) &&
          matches(query, row.search),
      )
      .sort(comparator(this.sortKey, this.sortDirection, lang)));
  }

  #open(row: CaseRow): void {
    this.dispatchEvent(new HosoCaseOpenEvent(row.id, row.procedure));
  }

  #sortBy(key: SortKey): void {
    if (this.sortKey === key) {
      this.sortDirection = this.sortDirection === 'ascending' ? 'descending' : 'ascending';
    } else {
      this.sortKey = key;
      this.sortDirection = 'ascending';
    }
    this.page = 0;
  }

  protected override render(): TemplateResult {
    const lang = this.#lang.lang;
    const t = caseTerms(lang);
    const loading = this.#feed.records === undefined;
    const failure = this.#feed.failure;
    const shown = this.#shown();
    const size = Math.max(1, Math.floor(this.pageSize) || 50);
    const pages = Math.max(1, Math.ceil(shown.length / size));
    const page = Math.min(this.page, pages - 1);
    const slice = shown.slice(page * size, page * size + size);
    return html`
      ${this.#renderBadNow(t)} ${this.#renderToolbar(t, lang)}
      <p class="count" part="count" role="status">
        ${loading ? t.loading : failure !== undefined ? nothing : t.resultCount(shown.length, this.#rows.length)}
      </p>
      ${
        failure !== undefined
          ? html`<p class="error" role="alert">${t.loadError(failure)}</p>`
          : loading
            ? nothing
            : shown.length === 0
              ? html`<p class="empty" part="empty">${this.#rows.length === 0 ? t.empty : t.noMatch}</p>`
              : this.#renderTable(t, lang, slice)
      }
      ${pages > 1 ? this.#renderPages(t, page, pages) : nothing}
    `;
  }

  #renderToolbar(t: CaseTerms, lang: Lang): TemplateResult {
    const ids = new Set([...Object.keys(this.procedures), ...this.#rows.map((r) => r.procedure)]);
    const title = (id: string): string => textIn(this.procedures[id]?.definition.title, lang, id);
    const options = [...ids].sort((a, b) => title(a).localeCompare(title(b), lang));
    return html`<div class="toolbar" part="toolbar">
      <div class="field search">
        <label for="search">${t.searchLabel}</label>
        <span class="hint" id="search-hint">${t.searchHint}</span>
        <input
          id="search"
          type="search"
          part="search"
          autocomplete="off"
          aria-describedby="search-hint"
          .value=${this.query}
          @input=${(e: Event) => {
            this.query = (e.target as HTMLInputElement).value;
            this.page = 0;
          }}
        />
      </div>
      <div class="field">
        <label for="procedure">${t.procedureFilter}</label>
        <select
          id="procedure"
          part="filter"
          @change=${(e: Event) => {
            this.procedureFilter = (e.target as HTMLSelectElement).value;
            this.page = 0;
          }}
        >
          <option value="" ?selected=${this.procedureFilter === ''}>${t.allProcedures}</option>
          ${options.map((id) => html`<option value=${id} ?selected=${this.procedureFilter === id}>${title(id)}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="status">${t.statusFilter}</label>
        <select
          id="status"
          part="filter"
          @change=${(e: Event) => {
            this.statusFilter = (e.target as HTMLSelectElement).value as RowStatus | '';
            this.page = 0;
          }}
        >
          <option value="" ?selected=${this.statusFilter === ''}>${t.allStatuses}</option>
          ${STATUSES.map((s) => html`<option value=${s} ?selected=${this.statusFilter === s}>${t.rowStatus[s]}</option>`)}
        </select>
      </div>
    </div>`;
  }

  #renderTable(t: CaseTerms, lang: Lang, rows: CaseRow[]): TemplateResult {
    const caption = t.listCaption(this.user?.communeCode);
    return html`<div class="scroll" role="region" aria-labelledby="caption" tabindex="0">
      <table part="table" aria-busy=${this.#feed.loading ? 'true' : 'false'}>
        <caption id="caption">
          ${caption}
        </caption>
        <thead>
          <tr>
            ${COLUMNS.map((key) => this.#renderHeader(t, key))}
          </tr>
        </thead>
        <tbody>
          ${repeat(
            rows,
            (row) => row.id,
            (row) => this.#renderRow(t, lang, row),
          )}
        </tbody>
      </table>
    </div>`;
  }

  #renderHeader(t: CaseTerms, key: SortKey): TemplateResult {
    const active = this.sortKey === key;
    const arrow = active ? (this.sortDirection === 'ascending' ? '▲' : '▼') : '';
    return html`<th scope="col" aria-sort=${active ? this.sortDirection : nothing}>
      <button type="button" class="sort" data-sort=${key} @click=${() => this.#sortBy(key)}>
        ${t.columns[key === 'personalId' ? 'personalId' : key]}<span aria-hidden="true">${arrow}</span>
      </button>
    </th>`;
  }

  #renderRow(t: CaseTerms, lang: Lang, row: CaseRow): TemplateResult {
    return html`<tr part="row row-${row.rowStatus}" data-case-id=${row.id}>
      <th scope="row">
        <button type="button" class="open" part="open" @click=${() => this.#open(row)}>${row.name || t.unnamed}</button>
      </th>
      <td>${row.personalId}</td>
      <td>${textIn(row.procedureTitle, lang, row.procedure)}</td>
      <td>${row.unreadable ? t.unreadable : textIn(row.stateTitle, lang, row.state)}</td>
      <td>${row.next ? this.#renderDeadline(t, lang, row.next) : t.noDeadline}</td>
      <td>${t.caseStatus[row.status]}</td>
    </tr>`;
  }

  #renderDeadline(t: CaseTerms, lang: Lang, next: NextDeadline): TemplateResult {
    const hours = next.unit === 'hours';
    const days = next.workingDays;
    const left =
      days === undefined
        ? ''
        : days > 0
          ? t.workingDaysLeft(days)
          : days < 0
            ? t.overdueBy(-days)
            : next.status === 'overdue'
              ? ''
              : t.dueToday;
    return html`<time datetime=${next.dueAt}>${formatDate(t, hours ? next.dueAt : next.due, hours)}</time>
      <span class="badge ${next.status}" part="deadline-status">${t.deadlineStatus[next.status]}</span>
      ${left ? html`<span class="sub">${left}</span>` : nothing}
      <span class="sub">${textIn(next.title, lang)}</span>`;
  }

  #renderPages(t: CaseTerms, page: number, pages: number): TemplateResult {
    return html`<nav class="pages" part="pages" aria-label=${t.pages}>
      <button type="button" ?disabled=${page === 0} @click=${() => (this.page = page - 1)}>${t.previousPage}</button>
      <span aria-live="polite">${t.pageOf(page + 1, pages)}</span>
      <button type="button" ?disabled=${page >= pages - 1} @click=${() => (this.page = page + 1)}>${t.nextPage}</button>
    </nav>`;
  }
}

if (!customElements.get('hoso-case-list')) customElements.define('hoso-case-list', HosoCaseList);

declare global {
  interface HTMLElementTagNameMap {
    'hoso-case-list': HosoCaseList;
  }
}
