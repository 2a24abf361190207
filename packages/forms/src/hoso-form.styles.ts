/**
 * Styles of `<hoso-form>`'s shadow root, which holds every renderer (they render into light DOM
 * inside it). Theme through the `--hoso-*` custom properties and `::part()`.
 */
import { css } from 'lit';

export const formStyles = css`
  :host {
    display: block;
    font: var(--hoso-font, inherit);
    color: var(--hoso-color, inherit);
    --_gap: var(--hoso-gap, 1rem);
    --_error: var(--hoso-error-color, #b3261e);
    --_border: var(--hoso-border-color, #5f6368);
    --_focus: var(--hoso-focus-color, #1a73e8);
    --_radius: var(--hoso-radius, 4px);
  }
  :host([hidden]),
  [hidden] {
    display: none !important;
  }
  .layout,
  .form {
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
    min-width: 0;
  }
  .control {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    min-width: 0;
  }
  fieldset.control {
    border: 1px solid var(--hoso-fieldset-border-color, #dadce0);
    border-radius: var(--_radius);
    margin: 0;
    padding: 0.5rem 0.75rem 0.75rem;
  }
  .label {
    font-weight: var(--hoso-label-weight, 600);
  }
  .required {
    color: var(--_error);
    margin-inline-start: 0.25em;
  }
  .hint {
    color: var(--hoso-hint-color, #5f6368);
    font-size: 0.9em;
  }
  .error {
    color: var(--_error);
    font-weight: 600;
    white-space: pre-line;
  }
  .input {
    font: inherit;
    color: inherit;
    box-sizing: border-box;
    max-width: 100%;
    min-height: 2.5rem;
    padding: 0.375rem 0.5rem;
    border: var(--hoso-input-border-width, 1px) solid var(--_border);
    border-radius: var(--_radius);
    background: var(--hoso-input-background, Field);
  }
  textarea.input {
    min-height: 5rem;
    resize: vertical;
  }
  .input[aria-invalid='true'] {
    border-color: var(--_error);
    border-width: 2px;
  }
  .input[readonly] {
    background: var(--hoso-readonly-background, transparent);
    border-style: dashed;
  }
  :focus-visible {
    outline: var(--hoso-focus-width, 3px) solid var(--_focus);
    outline-offset: 2px;
  }
  .error-summary {
    border: 3px solid var(--_error);
    border-radius: var(--_radius);
    padding: 0.75rem 1rem;
    margin-block-end: var(--_gap);
  }
  .error-summary h2 {
    margin: 0 0 0.5rem;
    font-size: 1.2em;
  }
  .error-summary a {
    color: var(--_error);
    font-weight: 600;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
