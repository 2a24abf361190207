/**
 * `<hoso-case-timeline>`: one person's cases across procedures (determination → compulsory referral →
 * post-rehab, …), oldest first, each with its procedure, dates, the steps taken (from the case's audit: what,
 * when, who), its current step, whether it is closed, and the documents issued. Reads the case store by
 * personal ID and follows its changes, including writes from other tabs.
 *
 * @summary One person's cases, in order, with their steps and documents.
 *
 * @example
 * ```html
 * <hoso-case-timeline personal-id="079090001234" lang="vi"></hoso-case-timeline>
 * <script type="module">
 *   const timeline = document.querySelector('hoso-case-timeline');
 *   timeline.store = await openCaseStore();
 *   timeline.procedures = { 'compulsory-rehab': compulsory, 'post-rehab': postRehab };
 *   timeline.addEventListener('hoso-case-open', (e) => show(e.caseId));
 * </script>
 * ```
 *
 * @event hoso-case-open - `HosoCaseOpenEvent`: the user opened one of the cases (`caseId`, `procedure`).
 *
 * @csspart title - The heading above the timeline.
 * @csspart list - The `<ol>` of cases.
 * @csspart case - Each case (also `case-active` or `case-closed`).
 * @csspart steps - The `<ol>` of steps of a case.
 * @csspart documents - The list of documents of a case.
 * @csspart open - The button that opens a case.
 * @csspart empty - The message shown when there is no case.
 *
 * @cssproperty --hoso-color-text - Text colour.
 * @cssproperty --hoso-timeline-line - The line and dots of the timeline.
 * @cssproperty --hoso-color-link - The open buttons.
 * @cssproperty --hoso-color-focus - Focus ring.
 *
 * @cssstate loading - The cases are being read.
 * @cssstate empty - The person has no case on this device.
 */
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { CaseRecord, CaseStore } from '@hoso/case-store';
import type { Procedure } from '@hoso/workflow';
import { CaseFeed } from '../case-list/case-feed.js';
import { ClockController } from '../case-list/clock.js';
import type { CaseListUser } from '../case-list/hoso-case-list.js';
import { HosoCaseOpenEvent } from '../events/case-open.js';
import { caseTerms, formatDate, textIn, type CaseTerms } from '../i18n/cases.js';
import { LangController, type Lang } from '../i18n/lang.js';
import { caseTimelineStyles } from './hoso-case-timeline.styles.js';
import { timeline, type TimelineCase, type TimelineStep } from './timeline-model.js';

export class HosoCaseTimeline extends LitElement {
  static override styles = caseTimelineStyles;

  /** The person whose cases are shown (12-digit personal ID). */
  @property({ attribute: 'personal-id', reflect: true }) personalId: string | undefined;
  /** Where the cases are (`openCaseStore()` of `@hoso/case-store`). */
  @property({ attribute: false }) store: CaseStore | undefined;
  /** The signed-in user (kept for symmetry with `<hoso-case-list>`; the timeline shows every case of the person). */
  @property({ attribute: false }) user: CaseListUser | undefined;
  /** Procedure instances by id, for titles of procedures, steps, events and offices. */
  @property({ attribute: false }) procedures: Record<string, Procedure> = {};
  /** The moment statuses are computed at (ISO 8601); the clock when absent. */
  @property({ reflect: true }) now: string | undefined;
  /** Level of the timeline's heading (2–5); each case's heading is one level below. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  readonly #lang = new LangController(this);
  readonly #feed = new CaseFeed(this);
  readonly #clock = new ClockController(this);
  readonly #internals: ElementInternals = this.attachInternals();
  #cases: TimelineCase[] = [];
  #casesFrom: { records: CaseRecord[] | undefined; procedures: unknown; now: string | undefined } | undefined;

  protected override willUpdate(): void {
    const id = this.personalId?.trim() ?? '';
    this.#feed.sync(
      this.store,
      id
        ? {
            key: `person:${id}`,
            load: (store) => store.casesOfPerson(id),
            accepts: (record) => record.person?.personalId === id,
          }
        : undefined,
    );
    const from = this.#casesFrom;
    const records = this.#feed.records;
    if (!from || from.records !== records || from.procedures !== this.procedures || from.now !== this.#now()) {
      this.#cases = timeline(records ?? [], this.procedures, this.#now());
      this.#casesFrom = { records, procedures: this.procedures, now: this.#now() };
    }
    this.#setState('loading', this.#feed.loading);
    this.#setState('empty', !this.#feed.loading && this.#cases.length === 0);
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

  #level(offset: number): number {
    const base = Math.min(5, Math.max(1, Math.floor(this.headingLevel) || 2));
    return base + offset;
  }

  protected override render(): TemplateResult {
    const lang = this.#lang.lang;
    const t = caseTerms(lang);
    const cases = this.#cases;
    const name = [...cases].reverse().find((c) => c.name)?.name;
    const failure = this.#feed.failure;
    let body: TemplateResult;
    if (!this.personalId?.trim()) body = html`<p class="empty" part="empty">${t.noPerson}</p>`;
    else if (failure !== undefined) body = html`<p class="error" role="alert">${t.loadError(failure)}</p>`;
    else if (this.#feed.records === undefined) body = html`<p role="status">${t.loading}</p>`;
    else if (cases.length === 0) body = html`<p class="empty" part="empty">${t.noCases}</p>`;
    else
      body = html`<ol class="cases" part="list" aria-labelledby="title">
        ${repeat(
          cases,
          (c) => c.id,
          (c, i) => this.#renderCase(t, lang, c, i, cases.length),
        )}
      </ol>`;
    return html`<div class="title" part="title" id="title" role="heading" aria-level=${this.#level(0)}>
        ${t.timelineTitle(name)}
      </div>
      ${this.#renderBadNow(t)} ${body}`;
  }

  #renderCase(t: CaseTerms, lang: Lang, c: TimelineCase, index: number, total: number): TemplateResult {
    const title = textIn(c.procedureTitle, lang, c.procedure);
    const headingId = `case-${index}`;
    return html`<li class=${c.status} part="case case-${c.status}" data-case-id=${c.id}>
      <article aria-labelledby=${headingId}>
        <div class="case-title" id=${headingId} role="heading" aria-level=${this.#level(1)}>${title}</div>
        <p class="meta">${t.caseNumber(index + 1, total)} · ${t.caseStatus[c.status]}</p>
        <dl>
          <dt>${t.started}</dt>
          <dd><time datetime=${c.createdAt}>${formatDate(t, c.createdAt)}</time></dd>
          <dt>${t.updated}</dt>
          <dd><time datetime=${c.updatedAt}>${formatDate(t, c.updatedAt)}</time></dd>
          <dt>${t.currentStep}</dt>
          <dd>${c.unreadable ? t.unreadable : textIn(c.stateTitle, lang, c.state)}</dd>
          ${
            c.next
              ? html`<dt>${t.columns.deadline}</dt>
                  <dd>
                    <time datetime=${c.next.dueAt}>${formatDate(t, c.next.due)}</time>
                    — ${t.deadlineStatus[c.next.status]} (${textIn(c.next.title, lang)})
                  </dd>`
              : nothing
          }
        </dl>
        <div class="section" id="steps-${index}">${t.steps}</div>
        ${
          c.steps.length
            ? html`<ol class="steps" part="steps" aria-labelledby="steps-${index}">
                ${c.steps.map((s) => this.#renderStep(t, lang, s))}
              </ol>`
            : html`<p>${t.noSteps}</p>`
        }
        <div class="section" id="documents-${index}">${t.documents}</div>
        ${
          c.documents.length
            ? html`<ul class="documents" part="documents" aria-labelledby="documents-${index}">
                ${c.documents.map(
                  (d) =>
                    html`<li>
                      ${textIn(d.title, lang)}${d.formCode ? html` (${d.formCode})` : nothing} —
                      <time datetime=${d.issuedAt}>${formatDate(t, d.issuedAt)}</time>
                    </li>`,
                )}
              </ul>`
            : html`<p>${t.noDocuments}</p>`
        }
        <button type="button" part="open" @click=${() => this.#open(c)}>${t.openCase(title)}</button>
      </article>
    </li>`;
  }

  #renderStep(t: CaseTerms, lang: Lang, s: TimelineStep): TemplateResult {
    const offices = s.offices.map((o) => textIn(o, lang)).filter(Boolean);
    const who = [s.by, ...new Set(offices)].filter(Boolean).join(', ');
    return html`<li>
      <time datetime=${s.at}>${formatDate(t, s.at, true)}</time>: ${textIn(s.eventTitle, lang, s.event)} →
      ${textIn(s.toTitle, lang, s.to)} ${who ? html`<span class="who">${t.by(who)}</span>` : nothing}
    </li>`;
  }

  #open(c: TimelineCase): void {
    this.dispatchEvent(new HosoCaseOpenEvent(c.id, c.procedure));
  }
}

if (!customElements.get('hoso-case-timeline')) customElements.define('hoso-case-timeline', HosoCaseTimeline);

declare global {
  interface HTMLElementTagNameMap {
    'hoso-case-timeline': HosoCaseTimeline;
  }
}
