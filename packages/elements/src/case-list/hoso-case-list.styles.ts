/** Styles of `<hoso-case-list>`: a plain, high-contrast table that scrolls sideways on narrow screens. */
import { css } from 'lit';
import { focusRing, formControls, tableFrame } from '../styles/shared.js';

export const caseListStyles = css`
  :host {
    display: block;
    font: inherit;
    color: var(--hoso-color-text, #1a1a1a);
    --_border: var(--hoso-color-border, #6b6b6b);
    --_overdue: var(--hoso-color-danger, #a4161a);
    --_at-risk: var(--hoso-color-warning, #7a4d00);
    --_ok: var(--hoso-color-success, #1e6b34);
    --_focus: var(--hoso-color-focus, #0b57d0);
  }
  :host([hidden]) {
    display: none;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--hoso-space-m, 1rem);
    align-items: flex-end;
    margin-block-end: var(--hoso-space-m, 1rem);
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    min-width: min(100%, 14rem);
  }
  .search {
    flex: 1 1 18rem;
  }
  .hint {
    font-size: 0.875em;
    color: var(--hoso-color-text-muted, #4a4a4a);
  }
  ${formControls}
  ${focusRing}
  .count {
    margin: 0 0 0.5rem;
  }
  ${tableFrame}
  th,
  td {
    text-align: start;
    vertical-align: top;
    padding: 0.5rem;
    border-block-end: 1px solid var(--_border);
  }
  thead th {
    white-space: nowrap;
  }
  .sort {
    all: unset;
    cursor: pointer;
    font-weight: 600;
    display: inline-flex;
    gap: 0.25rem;
  }
  .sort:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .open {
    all: unset;
    cursor: pointer;
    color: var(--hoso-color-link, #0b57d0);
    text-decoration: underline;
    font-weight: 600;
  }
  .open:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  tbody th {
    font-weight: normal;
  }
  .badge {
    display: inline-block;
    font-weight: 600;
  }
  .overdue {
    color: var(--_overdue);
  }
  .at-risk {
    color: var(--_at-risk);
  }
  .due {
    color: var(--_ok);
  }
  .sub {
    display: block;
    font-size: 0.875em;
  }
  .pages {
    display: flex;
    gap: var(--hoso-space-s, 0.5rem);
    align-items: center;
    margin-block-start: var(--hoso-space-m, 1rem);
  }
  .pages button {
    padding: 0.375rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--hoso-radius, 4px);
    background: var(--hoso-color-surface, #fff);
    color: inherit;
    cursor: pointer;
  }
  .pages button:disabled {
    cursor: default;
    opacity: 0.6;
  }
  .empty,
  .error {
    padding: var(--hoso-space-m, 1rem);
    border: 1px dashed var(--_border);
  }
  .error {
    color: var(--_overdue);
    border-style: solid;
  }
`;
