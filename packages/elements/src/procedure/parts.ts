/**
 * The read-only parts of `<hoso-procedure>`: the step list (the case's path through the machine), the time
 * limits with status and legal basis, and the documents of the step and those issued. Render functions over a
 * `CaseView`; each issued document has a button that dispatches `hoso-document-open` (bubbling out of the element)
 * so the host page can show and print it with `<hoso-document>`.
 */
import { html, nothing, type TemplateResult } from 'lit';
import {
  dayNumber,
  type Case,
  type CaseView,
  type DeadlineView,
  type IssuedDocument,
  type Procedure,
} from '@hoso/workflow';
import type { ProcedureTerms } from '../i18n/procedure-terms.js';
import { HosoDocumentOpenEvent } from '../document/open-event.js';
import { issuedDocumentTerms } from '../document/terms.js';

type Lang = 'vi' | 'en';

const fmtDate = (iso: string, lang: Lang): string =>
  new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(new Date(iso));

/** Working days from `now`'s day to the due day (negative when overdue); calendar days if no calendar covers it. */
export function workingDaysLeft(runtime: Procedure, d: DeadlineView, now: string): number {
  const from = dayNumber(now.slice(0, 10));
  const to = dayNumber(d.due.slice(0, 10));
  const sign = to >= from ? 1 : -1;
  let n = 0;
  try {
    for (let day = Math.min(from, to) + 1; day <= Math.max(from, to); day++)
      if (runtime.calendar.isWorkingDay(day)) n++;
  } catch {
    n = Math.abs(to - from);
  }
  return sign * n;
}

export interface StepItem {
  state: string;
  title: string;
  at?: string;
  current: boolean;
}

/** The states the case went through (from its audit), then the current one. */
export function stepsOf(c: Case, view: CaseView, titleOf: (state: string) => string, lang: Lang): StepItem[] {
  const items: StepItem[] = [];
  for (const entry of c.audit) {
    if (entry.from === entry.to || items.at(-1)?.state === entry.from) continue;
    items.push({ state: entry.from, title: titleOf(entry.from), at: entry.at, current: false });
  }
  if (items.at(-1)?.state !== view.state || !items.length)
    items.push({ state: view.state, title: view.stateTitle[lang], current: true });
  else items[items.length - 1]!.current = true;
  return items;
}

export function renderSteps(steps: StepItem[], t: ProcedureTerms, lang: Lang): TemplateResult {
  return html`<nav part="steps" aria-labelledby="steps-h">
    <h3 id="steps-h">${t.steps}</h3>
    <ol>
      ${steps.map(
        (s) =>
          html`<li aria-current=${s.current ? 'step' : nothing} class=${s.current ? 'current' : 'done'}>
            <span class="step-title">${s.title}</span>
            ${
              s.current
                ? html`<span class="visually-hidden"> (${t.currentStep})</span>`
                : html`<span class="step-meta">${t.done}${s.at ? ` · ${fmtDate(s.at, lang)}` : ''}</span>`
            }
          </li>`,
      )}
    </ol>
  </nav>`;
}

export function renderDeadlines(view: CaseView, runtime: Procedure, t: ProcedureTerms, lang: Lang): TemplateResult {
  const open = view.deadlines.filter((d) => d.status !== 'met');
  return html`<section part="deadlines" aria-labelledby="deadlines-h">
    <h3 id="deadlines-h">${t.deadlines}</h3>
    ${
      open.length
        ? html`<ul class="deadlines">
            ${open.map((d, i) => {
              const left = workingDaysLeft(runtime, d, view.now);
              const tipId = `basis-${i}`;
              return html`<li class="deadline" data-status=${d.status} data-deadline=${d.id}>
                <span class="deadline-title">${d.title[lang]}</span>
                <span class="badge" part="badge ${d.status}">${t.deadlineStatus[d.status]}</span>
                <span>${t.dueOn(fmtDate(d.dueAt, lang))}</span>
                <span>${d.unit === 'workingDays' || left < 0 ? t.workingDaysLeft(left) : nothing}</span>
                <details class="basis">
                  <summary aria-describedby=${tipId}>${t.basis}</summary>
                  <p id=${tipId}>${d.basis}${d.uncertain ? ' (?)' : ''}</p>
                </details>
              </li>`;
            })}
          </ul>`
        : html`<p>${t.noDeadlines}</p>`
    }
  </section>`;
}

export function renderDocuments(view: CaseView, t: ProcedureTerms, lang: Lang): TemplateResult {
  return html`<section part="documents" aria-labelledby="documents-h">
    <h3 id="documents-h">${t.documents}</h3>
    ${
      view.documentsDue.length
        ? html`<h4>${t.documentsDue}</h4>
            <ul class="checklist">
              ${view.documentsDue.map(
                (d) => html`<li data-document=${d.id}>${d.title[lang]}${d.formCode ? ` (${d.formCode})` : ''}</li>`,
              )}
            </ul>`
        : nothing
    }
    <h4>${t.documentsIssued}</h4>
    ${
      view.documentsIssued.length
        ? html`<ul class="checklist issued">
            ${view.documentsIssued.map((d) => renderIssued(view, d, lang))}
          </ul>`
        : html`<p>${t.noDocuments}</p>`
    }
  </section>`;
}

/** Date (`YYYY-MM-DD` or an instant) as dd/mm/yyyy in Vietnam. */
const fmtDay = (value: string, lang: Lang): string =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) ? value.split('-').reverse().join('/') : fmtDate(value, lang);

/** One issued document: title, number and date (the document's own, else the day it was recorded), open button. */
function renderIssued(view: CaseView, d: IssuedDocument, lang: Lang): TemplateResult {
  const w = issuedDocumentTerms(lang);
  const title = d.title[lang];
  const open = (e: Event): void => {
    (e.currentTarget as HTMLElement).dispatchEvent(new HosoDocumentOpenEvent(view.id, view.procedure, d.id, d));
  };
  return html`<li data-document=${d.id}>
    <span class="issued-title">✓ ${title}</span>
    <span class="issued-meta"
      >${d.number ? `${w.number(d.number)} · ` : ''}${w.issuedOn(fmtDay(d.date ?? d.issuedAt, lang))}</span
    >
    <button type="button" class="link" data-open-document=${d.id} aria-label=${w.openLabel(title)} @click=${open}>
      ${w.open}
    </button>
  </li>`;
}
