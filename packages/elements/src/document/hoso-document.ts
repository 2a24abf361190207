/**
 * `<hoso-document>`: one official paper a procedure step issues (a decision, a notice, a certificate such as
 * Mẫu 54, the registration receipt, the supplement request), filled from the persisted case and laid out as
 * Decree 30/2020/NĐ-CP prescribes: the national name and motto, the issuing authority, number and symbol, place
 * and date, title, legal bases, body, recipients ("Nơi nhận") and the signature block with its delegation
 * (TM./KT./TL.). Who issues and signs comes from the case's law version and province overlay. A4, Times New Roman,
 * the prescribed margins; `print()` prints only this document. The document itself is always in Vietnamese; the
 * surrounding messages follow `lang`. Data the case lacks shows as "……" and is listed above the sheet.
 *
 * @summary An official document of a procedure, in the state format, ready to print.
 *
 * @example
 * ```html
 * <hoso-document document="decision" lang="vi"></hoso-document>
 * <script type="module">
 *   const doc = document.querySelector('hoso-document');
 *   doc.unit = { commune: 'xã Đông Sơn', province: 'tỉnh Thanh Hóa', place: 'Đông Sơn' };
 *   doc.case = caseRecord;            // a persisted case (@hoso/case-store)
 *   await doc.complete; doc.print();
 * </script>
 * ```
 *
 * @csspart sheet - The A4 sheet.
 * @csspart heading - The authority / national-name block.
 * @csspart title - The title.
 * @csspart body - The body paragraphs.
 * @csspart recipients - "Nơi nhận".
 * @csspart signature - The signature block.
 * @csspart missing - Each "……" placeholder for a missing value.
 * @csspart problems - The list of missing values (not printed).
 *
 * @cssproperty --hoso-document-font - The font stack (Times New Roman first).
 * @cssproperty --hoso-error-color - Error text.
 */
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Procedure } from '@hoso/workflow';
import { builtinProcedures, type ProcedureSource } from '../procedure/content.js';
import { LangController } from '../i18n/lang.js';
import type { Segment } from './fill.js';
import { fillDocument, type DocumentCase, type FilledDocument } from './model.js';
import type { DocumentUnit } from './offices.js';
import { documentStyles, printSheetText } from './hoso-document.styles.js';
import { builtinTemplates, type TemplateSource } from './templates.js';
import { documentTerms } from './terms.js';

let printSheet: CSSStyleSheet | undefined;
function installPrintSheet(): void {
  if (printSheet || typeof CSSStyleSheet === 'undefined' || !('adoptedStyleSheets' in document)) return;
  printSheet = new CSSStyleSheet();
  printSheet.replaceSync(printSheetText);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, printSheet];
}

export class HosoDocument extends LitElement {
  static override styles = documentStyles;

  /** The persisted case (from the case store or `serializeCase`). */
  @property({ attribute: false }) case: DocumentCase | undefined;
  /** The document id (`decision`, `certificate`, `receipt`, …) of the case's procedure. */
  @property({ reflect: true }) document: string | undefined;
  /** Procedure instances by id; when a case's procedure is not here, `source` loads it. */
  @property({ attribute: false }) procedures: Record<string, Procedure> = {};
  /** Where procedures come from (default: the generated `@hoso/workflows`). */
  @property({ attribute: false }) source: ProcedureSource = builtinProcedures;
  /** Where templates come from (default: the shipped `workflows/<procedure>/documents`). */
  @property({ attribute: false }) templates: TemplateSource = builtinTemplates;
  /** The administrative unit that issues the document (names in the heading and the place line). */
  @property({ attribute: false }) unit: DocumentUnit = {};
  /** Set while `print()` runs. */
  @property({ type: Boolean, reflect: true }) printing = false;

  @state() private filled: FilledDocument | undefined;
  @state() private error: string | undefined;
  @state() private loading = false;

  readonly #lang = new LangController(this);
  #run = 0;
  #done: Promise<void> = Promise.resolve();

  /** Settles when the current case and document are filled and rendered. */
  get complete(): Promise<void> {
    return this.#done.then(() => this.updateComplete).then(() => undefined);
  }

  /** The filled document (for a portal that records or exports it), once loaded. */
  get value(): FilledDocument | undefined {
    return this.filled;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    installPrintSheet();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    const inputs = ['case', 'document', 'procedures', 'source', 'templates', 'unit'];
    if (inputs.some((k) => changed.has(k))) this.#done = this.#load(++this.#run);
  }

  async #law(procedure: string): Promise<Procedure> {
    return this.procedures[procedure] ?? (await this.source(procedure)).runtime;
  }

  async #load(run: number): Promise<void> {
    const c = this.case;
    const id = this.document;
    if (!c || !id) {
      this.filled = undefined;
      this.error = undefined;
      return;
    }
    this.loading = true;
    try {
      if (!c.procedure || !c.lawVersion) throw new Error('the case has no procedure or law version');
      const [proc, template] = await Promise.all([this.#law(c.procedure), this.templates(c.procedure, id)]);
      const law = proc.law(c.lawVersion, c.province);
      const filled = fillDocument(template, c, law.values as Record<string, Record<string, unknown>>, this.unit);
      if (run !== this.#run) return;
      this.filled = filled;
      this.error = undefined;
    } catch (e) {
      if (run !== this.#run) return;
      this.filled = undefined;
      this.error = e instanceof Error ? e.message : String(e);
    } finally {
      if (run === this.#run) this.loading = false;
    }
  }

  /** Prints this document alone (A4, the prescribed margins), through the browser's print dialog. */
  print(): void {
    const root = document.documentElement;
    const done = (): void => {
      root.removeAttribute('data-hoso-printing');
      this.printing = false;
      window.removeEventListener('afterprint', done);
    };
    root.setAttribute('data-hoso-printing', '');
    this.printing = true;
    window.addEventListener('afterprint', done);
    // The attribute must be in the DOM before the dialog takes its snapshot.
    this.setAttribute('printing', '');
    window.print();
  }

  #text(segments: Segment[] | undefined): (TemplateResult | string)[] {
    return (segments ?? []).map((s) =>
      s.missing ? html`<span class="missing" part="missing" title=${s.missing}>${s.text}</span>` : s.text,
    );
  }

  /** Parts of a heading line, each kept whole: the line breaks between them (body | unit name), not inside. */
  #parts(parts: Segment[][]): TemplateResult[] {
    return parts.map((p, i) => html`${i ? ' ' : ''}<span class="keep">${this.#text(p)}</span>`);
  }

  override render(): TemplateResult {
    const t = documentTerms(this.#lang.lang);
    if (this.error) return html`<p class="error" role="alert">${t.error}: ${this.error}</p>`;
    const d = this.filled;
    if (!d) return html`<p role="status">${this.loading ? t.loading : t.none}</p>`;
    const title = d.title.map((s) => s.text).join('');
    return html`
      ${
        d.missing.length
          ? html`<section class="problems" part="problems" role="note" aria-label=${t.missingTitle}>
              <p>${t.missingIntro}</p>
              <ul>
                ${d.missing.map((m) => html`<li><code>${m}</code></li>`)}
              </ul>
            </section>`
          : nothing
      }
      <article class="sheet" part="sheet" lang="vi" aria-label=${title}>
        ${d.formCode ? html`<p class="form-code">${d.formCode}</p>` : nothing}
        <div class="heading" part="heading">
          <div>
            ${d.parentParts ? html`<p class="parent">${this.#parts(d.parentParts)}</p>` : nothing}
            <p class="agency">${this.#parts(d.agencyParts)}</p>
            ${d.number ? html`<p class="number">Số: ${this.#text(d.number)}</p>` : nothing}
          </div>
          <div>
            <p class="nation">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>
            <p class="motto">Độc lập - Tự do - Hạnh phúc</p>
            <p class="date">${this.#text(d.place)}, ${this.#text(d.date)}</p>
          </div>
        </div>
        <h1 class="title" part="title">${this.#text(d.title)}</h1>
        ${d.subtitle ? html`<h2 class="subtitle">${this.#text(d.subtitle)}</h2>` : nothing}
        ${d.enacting ? html`<p class="authority">${this.#text(d.authority)}</p>` : nothing}
        ${d.basis.map((b) => html`<p class="basis">${this.#text(b)}</p>`)}
        ${d.enacting ? html`<p class="enacting">${this.#text(d.enacting)}</p>` : nothing}
        <div class="body" part="body">
          ${d.body.map(
            (p) => html`<p>${p.heading ? html`<strong>${p.heading}</strong> ` : nothing}${this.#text(p.segments)}</p>`,
          )}
        </div>
        <div class="foot">
          <div class="recipients" part="recipients">
            <p class="label">Nơi nhận:</p>
            ${d.recipients.map((r) => html`<p>- ${this.#text(r)}</p>`)}
          </div>
          <div class="signature" part="signature">
            <p class="sign-title">${d.signature.title}</p>
            <p class="sign-name">${d.signature.name ? this.#text(d.signature.name) : nothing}</p>
          </div>
        </div>
      </article>
    `;
  }
}

if (!customElements.get('hoso-document')) customElements.define('hoso-document', HosoDocument);

declare global {
  interface HTMLElementTagNameMap {
    'hoso-document': HosoDocument;
  }
}
