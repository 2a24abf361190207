/**
 * `<hoso-categorization-wizard>`: a `Categorization` as a step-by-step wizard.
 *
 * - The step list is an `<ol>` (named "Các bước"/"Steps"); the shown step has `aria-current="step"`;
 *   steps already passed are buttons that go back to them (without validation, like Back).
 * - The shown step is a `<section>` labelled by its heading, which receives focus on every step change
 *   (not on first render), so screen readers announce the new step.
 * - "Tiếp theo"/"Next" validates only the shown step's fields: with errors it shows them, lists them in
 *   an in-step summary and focuses that summary, and stays; "Quay lại"/"Back" never validates, nor does
 *   Next in a read-only form (nothing could be fixed there: it is for review).
 * - Categories hidden by a rule are left out of the list and skipped by Next/Back (jsonforms#1777);
 *   a DISABLE rule on a category disables its fields.
 * - `<hoso-form>.step` (0-based index among *all* categories) drives the shown step; a step naming a
 *   hidden category lands on the next visible one. Every change fires `hoso-step-change`.
 *
 * @summary Categorization as a wizard.
 * @fires hoso-step-change - `HosoStepChangeEvent` with `step`, `previous`, `label`
 * @csspart wizard - the wrapper
 * @csspart wizard-steps - the `<ol>` step list
 * @csspart wizard-step - a step list item (also `current`, `done`)
 * @csspart wizard-step-link - the button of a passed step
 * @csspart wizard-heading - the shown step's heading
 * @csspart wizard-progress - "Bước 2 trên 4"
 * @csspart step-errors - the in-step error summary
 * @csspart wizard-nav - the Back/Next bar
 * @csspart button - Back (also `back`) and Next (also `next`)
 */
import { and, rankWith, uiTypeIs, type Categorization } from '@jsonforms/core';
import { html, nothing, type PropertyValues as LitPropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { repeat } from 'lit/directives/repeat.js';
import { HosoLayoutElement } from '../../base/layout-element.js';
import { defineElement } from '../../base/define.js';
import { dispatch, type RendererEntry } from '../../dispatch.js';
import { HosoStepChangeEvent } from '../../events/step-change-event.js';
import { ruleDependencies } from '../../rules.js';
import { arrayStyles } from '../arrays/array.styles.js';
import { wizardStyles } from './wizard.styles.js';
import { fieldsIn, landOn, neighbour, stepInfos, type StepError, type StepInfo } from './wizard-steps.js';

export class HosoCategorizationWizard extends HosoLayoutElement<Categorization> {
  static override styles = [arrayStyles, wizardStyles];

  /** Errors of the shown step after a refused "Next" (cleared on every step change). */
  @state() private stepErrors: readonly StepError[] = [];

  #steps: StepInfo[] = [];
  #shown: StepInfo | undefined;
  #lastShown: number | undefined;
  #rulesKey: string | undefined;
  #unsubscribeRules: (() => void) | undefined;
  #unsubscribeStep: (() => void) | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#lastShown = undefined;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribeRules?.();
    this.#unsubscribeStep?.();
    this.#unsubscribeRules = this.#unsubscribeStep = this.#rulesKey = undefined;
  }

  protected override willUpdate(changed: LitPropertyValues<this>): void {
    super.willUpdate(changed);
    if (!this.store?.initialized || !this.uischema) return;
    this.#unsubscribeStep ??= this.store.subscribeStep(() => this.requestUpdate());
    // Category rules: subscribe to their condition paths so hiding a category updates the step list.
    const deps = this.uischema.elements.flatMap((c) => ruleDependencies(c, this.path));
    const key = deps.join('\n');
    if (key !== this.#rulesKey) {
      this.#unsubscribeRules?.();
      this.#rulesKey = key;
      this.#unsubscribeRules = deps.length ? this.store.subscribe(deps, () => this.requestUpdate()) : undefined;
    }
    this.#steps = stepInfos(this.store, this.uischema, this.schema, this.path, this.props?.enabled);
    this.#shown = landOn(this.#steps, this.store.step);
    if (this.#lastShown !== undefined && this.#shown && this.#shown.index !== this.#lastShown) this.stepErrors = [];
  }

  protected override updated(changed: LitPropertyValues<this>): void {
    super.updated(changed);
    const shown = this.#shown;
    if (!shown) return;
    if (shown.index !== this.store.step) this.store.requestStep(shown.index); // landed elsewhere: tell the host
    const previous = this.#lastShown;
    this.#lastShown = shown.index;
    if (previous === undefined || previous === shown.index) return;
    this.querySelector<HTMLElement>('.wizard-heading')?.focus();
    this.dispatchEvent(new HosoStepChangeEvent(shown.index, previous, shown.props.label ?? ''));
  }

  protected override render(): TemplateResult | typeof nothing {
    const shown = this.#shown;
    if (!this.props?.visible || !shown) return nothing;
    const t = this.store.terms;
    const visible = this.#steps.filter((s) => s.props.visible);
    const position = visible.indexOf(shown);
    const back = neighbour(this.#steps, shown.index, -1);
    const next = neighbour(this.#steps, shown.index, 1);
    const headingId = `${this.store.idPrefix}-step-${shown.index}`;
    return html`<div part="wizard" class="wizard">
      <ol part="wizard-steps" class="wizard-steps" aria-label=${t.steps}>
        ${repeat(
          visible,
          (s) => s.index,
          (s, i) =>
            html`<li
              part=${`wizard-step${s === shown ? ' current' : i < position ? ' done' : ''}`}
              class=${`wizard-step${s === shown ? ' current' : i < position ? ' done' : ''}`}
              aria-current=${s === shown ? 'step' : nothing}
            >
              ${
                i < position
                  ? html`<button
                      type="button"
                      part="wizard-step-link"
                      class="wizard-step-link"
                      @click=${() => this.store.requestStep(s.index)}
                    >
                      <span class="wizard-step-number" aria-hidden="true">${i + 1}</span> ${s.props.label ?? ''}
                    </button>`
                  : html`<span class="wizard-step-number" aria-hidden="true">${i + 1}</span> ${s.props.label ?? ''}`
              }
            </li>`,
        )}
      </ol>
      <section class="wizard-panel" aria-labelledby=${headingId}>
        <h2 part="wizard-heading" class="wizard-heading" id=${headingId} tabindex="-1">${shown.props.label ?? ''}</h2>
        <p part="wizard-progress" class="wizard-progress">${t.stepOf(position + 1, visible.length)}</p>
        ${this.#renderStepErrors()}
        <div class="layout wizard-content">
          ${keyed(
            shown.category,
            repeat(
              shown.category.elements,
              (element) => element,
              (element) =>
                dispatch(this.store, {
                  uischema: element,
                  schema: this.schema,
                  path: this.path,
                  enabled: shown.props.enabled,
                }),
            ),
          )}
        </div>
      </section>
      <div part="wizard-nav" class="wizard-nav">
        ${
          back
            ? html`<button type="button" part="button back" class="button back" @click=${this.#back}>${t.back}</button>`
            : nothing
        }
        ${
          next
            ? html`<button type="button" part="button next" class="button next" @click=${this.#next}>${t.next}</button>`
            : nothing
        }
      </div>
    </div>`;
  }

  #renderStepErrors(): TemplateResult | typeof nothing {
    const errors = this.stepErrors;
    if (!errors.length) return nothing;
    const t = this.store.terms;
    const titleId = `${this.store.idPrefix}-step-errors-title`;
    return html`<div part="step-errors" class="step-errors" tabindex="-1" role="group" aria-labelledby=${titleId}>
      <h3 id=${titleId} class="step-errors-title">${t.summaryTitle}</h3>
      <p>${t.summaryCount(errors.length)}</p>
      <ul>
        ${errors.map(
          (e) =>
            html`<li>
              <a href=${`#${e.target.id}`} data-error-path=${e.path} @click=${(ev: Event) => this.#goTo(ev, e)}
                >${e.text}</a
              >
            </li>`,
        )}
      </ul>
    </div>`;
  }

  #goTo(event: Event, error: StepError): void {
    event.preventDefault();
    const target = error.field.element() ?? error.target;
    target.scrollIntoView({ block: 'center' });
    target.focus();
  }

  readonly #back = (): void => {
    const shown = this.#shown;
    const to = shown && neighbour(this.#steps, shown.index, -1);
    if (to) this.store.requestStep(to.index);
  };

  readonly #next = async (): Promise<void> => {
    const shown = this.#shown;
    const panel = this.querySelector('.wizard-content');
    if (!shown || !panel) return;
    const { paths, errors } = fieldsIn(this.store, panel);
    for (const path of paths) this.store.touch(path); // their errors show from now on
    if (errors.length && !this.store.readonly) {
      this.stepErrors = errors;
      await this.updateComplete;
      this.querySelector<HTMLElement>('.step-errors')?.focus();
      return;
    }
    this.stepErrors = [];
    const to = neighbour(this.#steps, shown.index, 1);
    if (to) this.store.requestStep(to.index);
  };
}

defineElement('hoso-categorization-wizard', HosoCategorizationWizard);

export const categorizationWizard: RendererEntry = {
  // Flat categorizations only: every element a Category (nested Categorizations are not supported).
  tester: rankWith(
    2,
    and(uiTypeIs('Categorization'), (ui) =>
      ((ui as Categorization).elements ?? []).every((e) => e.type === 'Category'),
    ),
  ),
  tag: 'hoso-categorization-wizard',
};

declare global {
  interface HTMLElementTagNameMap {
    'hoso-categorization-wizard': HosoCategorizationWizard;
  }
}
