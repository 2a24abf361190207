/**
 * Base of text-input controls whose data is not the typed text (number, date, time, date-time).
 *
 * While focused the input shows exactly what the user types; each input event commits the parsed
 * value, or — when the text does not parse — the raw text, so validation reports it (`type`/`format`
 * error) instead of silently dropping it. On blur the text is re-formatted from the data.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { HosoControlElement } from './control-element.js';

export abstract class HosoParsedTextControl extends HosoControlElement {
  #draft: string | undefined;

  /** Data → displayed text. */
  protected abstract format(data: unknown): string;
  /** Typed text → value to store; `undefined` when it does not parse. */
  protected abstract parse(text: string): unknown;
  /** `inputmode` of the input. */
  protected keyboardMode(): string | undefined {
    return undefined;
  }
  /** A format hint shown with the description (e.g. the date pattern). */
  protected formatHint(): string {
    return '';
  }

  protected override hintText(): string {
    return [super.hintText(), this.formatHint()].filter(Boolean).join(' · ');
  }

  protected renderControl(): TemplateResult {
    const p = this.props;
    const text = this.#draft ?? this.format(p?.data);
    return html`<input
      part="input"
      class="input"
      id=${this.controlId}
      type="text"
      data-path=${p?.path ?? ''}
      .value=${live(text)}
      ?readonly=${this.isReadonly}
      ?disabled=${this.isDisabled}
      aria-required=${p?.required ? 'true' : nothing}
      aria-describedby=${this.describedBy()}
      aria-invalid=${this.errorShown ? 'true' : nothing}
      inputmode=${this.keyboardMode() ?? nothing}
      autocomplete="off"
      @input=${this.#onInput}
      @blur=${this.#onBlur}
    />`;
  }

  readonly #onInput = (event: Event): void => {
    const text = (event.target as HTMLInputElement).value;
    this.#draft = text;
    if (text.trim() === '') {
      this.commit(undefined);
      return;
    }
    const parsed = this.parse(text);
    this.commit(parsed === undefined ? text : parsed);
  };

  readonly #onBlur = (): void => {
    this.#draft = undefined;
    this.handleBlur();
    this.requestUpdate();
  };
}
