/**
 * What a case has on record besides its step: the services provided (`services`, a `collect` data key: date, type,
 * provider), the latest needs assessment (`needs`) and the notice of completion received (`completionNotice`).
 * RECORD_SERVICE, ASSESS_NEEDS and RECEIVE_NOTICE do not move the case to another step, so this section (and the
 * "Recorded …" status message after such an event) is how a person sees them. Labels and option titles come from
 * the forms that recorded them (`answers.ts`), in Vietnamese or English; the forms are loaded on first need.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { CaseView } from '@hoso/workflow';
import { answerRows, type AnswerRow, type AnswerTerms } from './answers.js';
import type { FormModule, LoadedProcedure } from './content.js';

type Lang = 'vi' | 'en';
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The data keys shown, each with the form (under the procedure's folder) that records it. */
const RECORDS = { services: 'service', needs: 'needs', completionNotice: 'completion-notice' } as const;
type RecordKey = keyof typeof RECORDS;

const TERMS = {
  vi: {
    records: 'Thông tin đã ghi nhận',
    services: 'Dịch vụ hỗ trợ đã cung cấp',
    date: 'Ngày',
    type: 'Dịch vụ',
    provider: 'Nơi cung cấp',
    needs: 'Đánh giá nhu cầu gần nhất',
    notice: 'Thông báo đã nhận',
    loading: 'Đang tải tên dịch vụ',
    recorded: (title: string) => `Đã ghi nhận: ${title}. Xem mục “Thông tin đã ghi nhận”.`,
  },
  en: {
    records: 'On record',
    services: 'Support services provided',
    date: 'Date',
    type: 'Service',
    provider: 'Provider',
    needs: 'Latest needs assessment',
    notice: 'Notice received',
    loading: 'Loading the service name',
    recorded: (title: string) => `Recorded: ${title}. See “On record”.`,
  },
};

/** The status message after an event (`type`, titled as `view` offers it) that keeps the case at its step. */
export function recordedNotice(lang: Lang, view: CaseView, type: string): string {
  return TERMS[lang].recorded(view.allowedEvents.find((e) => e.type === type)?.title?.[lang] ?? type);
}

/** Loads the recording forms of a procedure once, then re-renders the host. */
export class RecordForms {
  readonly #forms = new Map<string, FormModule | null | 'loading'>();
  constructor(private readonly host: ReactiveControllerHost) {}

  /** The form of `key` in `loaded`, or undefined while it loads (null: the procedure has none). */
  get(loaded: LoadedProcedure, key: RecordKey): FormModule | null | undefined {
    const id = `${loaded.id}/${RECORDS[key]}`;
    if (!loaded.module.forms[id]) return null;
    const known = this.#forms.get(id);
    if (known === undefined) {
      this.#forms.set(id, 'loading');
      const done = (f: FormModule | null): void => {
        this.#forms.set(id, f);
        this.host.requestUpdate();
      };
      loaded.form(id).then(done, () => done(null));
    }
    return known === 'loading' || known === undefined ? undefined : known;
  }
}

const fmtDay = (v: unknown): string =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v.split('-').reverse().join('/') : String(v ?? '');

function rows(form: FormModule, data: unknown, lang: Lang, terms: AnswerTerms): AnswerRow[] {
  return answerRows(form, data, lang, terms).filter((r) => r.answered);
}

function renderPairs(list: AnswerRow[]): TemplateResult {
  return html`<dl class="records">
    ${list.map(
      (r) =>
        html`<div data-path=${r.path}>
          <dt>${r.label}</dt>
          <dd>${r.value}</dd>
        </div>`,
    )}
  </dl>`;
}

/** The section, or nothing when the case has none of these records (or their forms are still loading). */
export function renderRecords(
  data: Obj,
  loaded: LoadedProcedure,
  forms: RecordForms,
  lang: Lang,
  terms: AnswerTerms,
): TemplateResult | typeof nothing {
  const w = TERMS[lang];
  const services = Array.isArray(data['services']) ? data['services'].filter(isObj) : [];
  const needs = isObj(data['needs']) ? data['needs'] : undefined;
  const notice = isObj(data['completionNotice']) ? data['completionNotice'] : undefined;
  if (!services.length && !needs && !notice) return nothing;
  const serviceForm = services.length ? forms.get(loaded, 'services') : null;
  const needsForm = needs ? forms.get(loaded, 'needs') : null;
  const noticeForm = notice ? forms.get(loaded, 'completionNotice') : null;
  // The type's title comes from the form; the raw code (`counselling`) is never shown, not even while it loads.
  const typeOf = (entry: Obj): TemplateResult | string => {
    if (serviceForm === undefined)
      return html`<span aria-hidden="true">…</span><span class="visually-hidden">${w.loading}</span>`;
    const title = serviceForm ? rows(serviceForm, { type: entry['type'] }, lang, terms)[0]?.value : undefined;
    return title && title !== entry['type'] ? title : '—';
  };
  return html`<section part="records" aria-labelledby="records-h">
    <h3 id="records-h">${w.records}</h3>
    ${
      services.length
        ? html`<table class="records" data-record="services">
            <caption>
              ${w.services}
            </caption>
            <thead>
              <tr>
                <th scope="col">${w.date}</th>
                <th scope="col">${w.type}</th>
                <th scope="col">${w.provider}</th>
              </tr>
            </thead>
            <tbody>
              ${services.map(
                (s) =>
                  html`<tr data-type=${String(s['type'] ?? '')}>
                    <td>${fmtDay(s['providedOn'])}</td>
                    <td>${typeOf(s)}</td>
                    <td>${String(s['provider'] ?? '')}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`
        : nothing
    }
    ${
      needs && needsForm
        ? html`<h4>${w.needs}</h4>
            <div data-record="needs">${renderPairs(rows(needsForm, needs, lang, terms))}</div>`
        : nothing
    }
    ${
      notice && noticeForm
        ? html`<h4>${w.notice}</h4>
            <div data-record="completionNotice">${renderPairs(rows(noticeForm, notice, lang, terms))}</div>`
        : nothing
    }
  </section>`;
}
