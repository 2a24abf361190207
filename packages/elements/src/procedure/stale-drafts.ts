/**
 * Drafts typed for a step the case has left. After a sync conflict (docs/decisions/0008-sync-conflicts.md) the
 * losing device keeps its refused event as a draft `<caseId>/<EVENT>`; when the case has since moved past that step,
 * the draft cannot be opened as the step's form. `<hoso-procedure>` lists such drafts on the case page under a short
 * notice instead, each with its event's title and when it was saved, and lets a person view the answers (read-only),
 * export the draft to a file, or delete it after confirming. Nothing typed is lost unless a person deletes it.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { CaseView } from '@hoso/workflow';
import { answerRows, type AnswerTerms } from './answers.js';
import type { FormModule } from './content.js';
import type { CaseSession, StepDraft } from './session.js';

type Lang = 'vi' | 'en';

const TERMS = {
  vi: {
    heading: 'Bản nháp của bước hồ sơ đã qua',
    intro:
      'Hồ sơ đã chuyển sang bước khác sau khi các bản nháp này được nhập (ví dụ một thiết bị khác đã gửi bước đó trước). Không mất dữ liệu đã nhập: có thể xem, xuất ra tệp hoặc xóa.',
    saved: (title: string, at: string) => `${title}, lưu lúc ${at}`,
    view: 'Xem',
    hide: 'Ẩn',
    export: 'Xuất ra tệp',
    delete: 'Xóa',
    confirm: (title: string) => `Xóa bản nháp “${title}”? Những gì đã nhập trong bản nháp này sẽ không khôi phục được.`,
    confirmDelete: 'Xóa bản nháp',
    keep: 'Giữ lại',
    deleted: (title: string) => `Đã xóa bản nháp “${title}”.`,
    loading: 'Đang tải biểu mẫu…',
    noForm: 'Không đọc được biểu mẫu của bản nháp này; hãy xuất bản nháp ra tệp để giữ lại.',
    of: (title: string) => `bản nháp “${title}”`,
  },
  en: {
    heading: 'Drafts for a step the case has left',
    intro:
      'The case moved to another step after these drafts were typed (for example, another device sent that step first). Nothing typed is lost: view, export or delete them.',
    saved: (title: string, at: string) => `${title}, saved ${at}`,
    view: 'View',
    hide: 'Hide',
    export: 'Export to a file',
    delete: 'Delete',
    confirm: (title: string) => `Delete the draft “${title}”? What was typed in it cannot be recovered.`,
    confirmDelete: 'Delete the draft',
    keep: 'Keep it',
    deleted: (title: string) => `Deleted the draft “${title}”.`,
    loading: 'Loading the form…',
    noForm: 'The form of this draft cannot be read; export the draft to a file to keep it.',
    of: (title: string) => `the draft “${title}”`,
  },
};

/** Holds the case's stale drafts and what a person opened of them; re-renders its host. */
export class StaleDrafts {
  #session: CaseSession | undefined;
  #list: StepDraft[] = [];
  readonly #forms = new Map<string, FormModule | null>();
  #viewing = new Set<string>();
  #confirming: string | undefined;
  #announce = '';

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {}

  /** Reads the drafts of `session`'s case that `view` does not let open. */
  async load(session: CaseSession, view: CaseView): Promise<void> {
    this.#session = session;
    this.#list = (await session.drafts(view)).stale;
    this.host.requestUpdate();
  }

  #title(event: string, lang: Lang): string {
    return this.#session?.eventTitle(event)?.[lang] ?? event;
  }

  async #toggle(d: StepDraft): Promise<void> {
    const id = d.draft.id;
    if (this.#viewing.delete(id)) return this.host.requestUpdate();
    this.#viewing.add(id);
    this.host.requestUpdate();
    if (this.#forms.has(d.draft.form) || !d.draft.form) return;
    const form = await this.#session!.loaded.form(d.draft.form).catch(() => null);
    this.#forms.set(d.draft.form, form);
    this.host.requestUpdate();
  }

  async #delete(d: StepDraft, lang: Lang): Promise<void> {
    await this.#session!.discardDraft(d.draft.id);
    this.#list = this.#list.filter((x) => x.draft.id !== d.draft.id);
    this.#confirming = undefined;
    this.#viewing.delete(d.draft.id);
    this.#announce = TERMS[lang].deleted(this.#title(d.event, lang));
    this.host.requestUpdate();
    await this.host.updateComplete;
    const root = this.host.shadowRoot;
    (
      root?.querySelector<HTMLElement>('#stale-h') ?? root?.querySelector<HTMLElement>('[part="actions"] button')
    )?.focus();
  }

  async #ask(id: string | undefined, focus: string): Promise<void> {
    this.#confirming = id;
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.host.shadowRoot?.querySelector<HTMLElement>(focus)?.focus();
  }

  #answers(d: StepDraft, lang: Lang, terms: AnswerTerms): TemplateResult {
    const w = TERMS[lang];
    if (!d.draft.form) return html`<p>${w.noForm}</p>`;
    const form = this.#forms.get(d.draft.form);
    if (form === undefined) return html`<p role="status">${w.loading}</p>`;
    if (form === null) return html`<p>${w.noForm}</p>`;
    return html`<dl class="answers" data-draft-answers>
      ${answerRows(form, d.draft.data, lang, terms).map(
        (r) =>
          html`<div data-path=${r.path}>
            <dt>${r.label}</dt>
            <dd class=${r.answered ? '' : 'unanswered'}>${r.value}</dd>
          </div>`,
      )}
    </dl>`;
  }

  #item(d: StepDraft, i: number, lang: Lang, terms: AnswerTerms): TemplateResult {
    const w = TERMS[lang];
    const title = this.#title(d.event, lang);
    const at = new Date(d.draft.updatedAt).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', {
      dateStyle: 'short',
      timeStyle: 'short',
    });
    const viewing = this.#viewing.has(d.draft.id);
    const label = `stale-${i}`;
    return html`<li data-draft=${d.draft.id} data-event=${d.event}>
      <p id=${label}>${w.saved(title, at)}</p>
      <div class="actions">
        <button
          type="button"
          class="secondary"
          data-action="view"
          aria-expanded=${viewing ? 'true' : 'false'}
          aria-controls=${`${label}-answers`}
          aria-describedby=${label}
          @click=${() => void this.#toggle(d)}
        >
          ${viewing ? w.hide : w.view}
        </button>
        <button
          type="button"
          class="secondary"
          data-action="export"
          aria-describedby=${label}
          @click=${() => this.#session!.exportDraft(d.draft)}
        >
          ${w.export}
        </button>
        <button
          type="button"
          class="secondary"
          data-action="delete"
          aria-describedby=${label}
          @click=${() => void this.#ask(d.draft.id, `[data-draft="${CSS.escape(d.draft.id)}"] [data-action="confirm"]`)}
        >
          ${w.delete}
        </button>
      </div>
      ${
        this.#confirming === d.draft.id
          ? html`<div role="group" class="notice" aria-label=${w.of(title)} data-confirm>
              <p>${w.confirm(title)}</p>
              <button type="button" data-action="confirm" @click=${() => void this.#delete(d, lang)}>
                ${w.confirmDelete}
              </button>
              <button
                type="button"
                class="secondary"
                data-action="keep"
                @click=${() => void this.#ask(undefined, `[data-draft="${CSS.escape(d.draft.id)}"] [data-action="delete"]`)}
              >
                ${w.keep}
              </button>
            </div>`
          : nothing
      }
      <div id=${`${label}-answers`}>${viewing ? this.#answers(d, lang, terms) : nothing}</div>
    </li>`;
  }

  /** The notice and its list, or nothing when the case has no such draft (a deletion is still announced). */
  render(lang: Lang, terms: AnswerTerms): TemplateResult | typeof nothing {
    const w = TERMS[lang];
    const announce = html`<p class="visually-hidden" role="status">${this.#announce}</p>`;
    if (!this.#list.length) return this.#announce ? announce : nothing;
    return html`<section part="stale-drafts" class="notice" data-kind="stale-drafts" aria-labelledby="stale-h">
      <h3 id="stale-h" tabindex="-1">${w.heading}</h3>
      <p>${w.intro}</p>
      <ul>
        ${this.#list.map((d, i) => this.#item(d, i, lang, terms))}
      </ul>
      ${announce}
    </section>`;
  }
}
