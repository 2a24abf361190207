/**
 * The working area of `<hoso-procedure>`: the step's form, the "check your answers" page, and the save-status
 * line with export/import of the draft. Render functions; the element owns the state.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { HosoChangeEvent } from '@hoso/forms/events';
import type { CaseView } from '@hoso/workflow';
import type { ProcedureTerms } from '../i18n/procedure-terms.js';
import { answerRows, labelFor } from './answers.js';
import type { DraftKeeper } from './draft-keeper.js';
import type { ActiveStep } from './session.js';
import type { ProcedureAlert } from './types.js';

export interface ActiveHandlers {
  title: string;
  onChange: (e: HosoChangeEvent) => void;
  onWizardStep: (e: Event) => void;
  onContinue: () => void;
  onCancel: () => void;
  onBack: () => void;
  onChangeField: (path: string, step: number) => void;
  onSubmit: () => void;
}

export function renderActive(a: ActiveStep, t: ProcedureTerms, lang: 'vi' | 'en', h: ActiveHandlers): TemplateResult {
  if (a.mode === 'edit' && a.form) {
    return html`<section part="form" aria-labelledby="active-h">
      <h3 id="active-h" tabindex="-1">${h.title}</h3>
      ${
        a.flagged?.length
          ? html`<div class="notice" data-kind="flagged">
              <p>${t.flagged}</p>
              <ul>
                ${a.flagged.map((f) => {
                  const kept = a.draft.unmigrated?.[`/${f.split('.').join('/')}`];
                  return html`<li data-path=${f}>
                    ${labelFor(a.form!, f, lang)}${kept === undefined ? nothing : html`: <q>${String(kept)}</q>`}
                  </li>`;
                })}
              </ul>
            </div>`
          : nothing
      }
      <hoso-form
        lang=${lang}
        .schema=${a.form.schema}
        .uischema=${a.form.uischema}
        .messages=${a.form.messages}
        .validators=${a.form.validators}
        .data=${a.data}
        .step=${a.step}
        @change=${h.onChange}
        @hoso-step-change=${h.onWizardStep}
      ></hoso-form>
      <div class="actions">
        <button type="button" data-action="continue" @click=${h.onContinue}>${t.continue}</button>
        <button type="button" class="secondary" data-action="cancel" @click=${h.onCancel}>${t.cancel}</button>
      </div>
    </section>`;
  }
  const rows = a.form ? answerRows(a.form, a.data, lang, t) : [];
  return html`<section part="review" aria-labelledby="active-h">
    <h3 id="active-h" tabindex="-1">${a.form ? t.checkAnswers : t.confirm(h.title)}</h3>
    ${
      a.form
        ? html`<p>${t.checkAnswersIntro}</p>
            <dl class="answers">
              ${rows.map(
                (r) =>
                  html`<div data-path=${r.path}>
                    <dt>${r.label}</dt>
                    <dd class=${r.answered ? '' : 'unanswered'}>${r.value}</dd>
                    <dd>
                      <button
                        type="button"
                        class="link"
                        aria-label=${t.changeLabel(r.label)}
                        @click=${() => h.onChangeField(r.path, r.step)}
                      >
                        ${t.change}
                      </button>
                    </dd>
                  </div>`,
              )}
            </dl>`
        : nothing
    }
    <div class="actions">
      <button type="button" data-action="submit" @click=${h.onSubmit}>${t.submit}</button>
      ${
        a.form
          ? html`<button type="button" class="secondary" data-action="back" @click=${h.onBack}>${t.back}</button>`
          : html`<button type="button" class="secondary" data-action="cancel" @click=${h.onCancel}>${t.cancel}</button>`
      }
    </div>
  </section>`;
}

export function renderStatus(
  drafts: DraftKeeper,
  persisted: 'persisted' | 'prompt-denied' | 'unsupported' | undefined,
  t: ProcedureTerms,
  lang: 'vi' | 'en',
  files: { export: () => void; import: (file: File) => void },
): TemplateResult {
  const time = drafts.savedAt ? new Date(drafts.savedAt).toLocaleTimeString(lang === 'vi' ? 'vi-VN' : 'en-GB') : '';
  const status =
    drafts.status === 'saving' || drafts.status === 'pending'
      ? t.saving
      : drafts.status === 'saved'
        ? t.savedAt(time)
        : drafts.status === 'error' || drafts.status === 'conflict'
          ? t.unsaved
          : '';
  return html`<div class="status" part="status">
    <span class="save-status" data-status=${drafts.status}>${status}</span>
    ${
      persisted
        ? html`<span class="persistence" data-persisted=${persisted}
            >${persisted === 'persisted' ? t.persisted : persisted === 'prompt-denied' ? t.notPersisted : t.persistUnknown}</span
          >`
        : nothing
    }
    ${
      drafts.current
        ? html`<button type="button" class="secondary" data-action="export" @click=${files.export}>
            ${t.exportDraft}
          </button>`
        : nothing
    }
    <label class="button secondary"
      >${t.importDraft}
      <input
        class="visually-hidden"
        type="file"
        accept="application/json,.json"
        @change=${(e: Event) => {
          const input = e.target as HTMLInputElement;
          const file = input.files?.[0];
          if (file) files.import(file);
          input.value = '';
        }}
    /></label>
  </div>`;
}

/** The alert region: a refusal (with its technical detail), a conflict (with its two ways out), a storage problem. */
export function renderAlert(
  a: ProcedureAlert | undefined,
  t: ProcedureTerms,
  conflict: { reload: () => void; keep: () => void },
): TemplateResult | typeof nothing {
  if (!a) return nothing;
  return html`<div class="alert" role="alert" data-kind=${a.kind}>
    <p>${a.kind === 'refused' ? html`<strong>${t.refused}:</strong> ` : nothing}${a.text}</p>
    ${
      a.detail
        ? html`<details>
            <summary>${t.technicalDetail}</summary>
            <pre>${a.detail}</pre>
          </details>`
        : nothing
    }
    ${
      a.kind === 'conflict'
        ? html`<div class="actions">
            <button type="button" @click=${conflict.reload}>${t.reload}</button>
            <button type="button" class="secondary" @click=${conflict.keep}>${t.keepAsDraft}</button>
          </div>`
        : nothing
    }
  </div>`;
}

/** The actions the user's roles may take at this step, one button each. */
export function renderActions(
  view: CaseView,
  t: ProcedureTerms,
  lang: 'vi' | 'en',
  open: (event: string) => void,
): TemplateResult {
  if (view.status === 'closed') return html`<p>${t.closed}</p>`;
  return html`<section part="actions" aria-labelledby="actions-h">
    <h3 id="actions-h">${t.actions}</h3>
    ${
      view.allowedEvents.length
        ? html`<div class="actions">
            ${view.allowedEvents.map(
              (e) =>
                html`<button type="button" data-event=${e.type} @click=${() => open(e.type)}>
                  ${e.title?.[lang] ?? e.type}
                </button>`,
            )}
          </div>`
        : html`<p>${t.noActions}</p>`
    }
  </section>`;
}

/** The header: procedure title, the person (once the case is stored), the current step and the law version. */
export function renderHeader(
  title: string,
  isNew: boolean,
  fullName: unknown,
  view: CaseView,
  t: ProcedureTerms,
  lang: 'vi' | 'en',
): TemplateResult {
  const person = isNew || typeof fullName !== 'string' ? undefined : fullName;
  return html`<div class="header" part="header">
    <h2>${title}</h2>
    <dl class="meta">
      ${
        person
          ? html`<div>
              <dt>${t.person}</dt>
              <dd>${person}</dd>
            </div>`
          : nothing
      }
      <div>
        <dt>${t.currentStep}</dt>
        <dd data-state=${view.state}>${isNew ? t.newCase : view.stateTitle[lang]}</dd>
      </div>
      ${
        isNew
          ? nothing
          : html`<div>
              <dt>${t.law}</dt>
              <dd>${view.law.title[lang]}</dd>
            </div>`
      }
    </dl>
  </div>`;
}
