/** Styles of `<hoso-case-timeline>`: cases as a vertical line of cards, each with its steps. */
import { css } from 'lit';

export const caseTimelineStyles = css`
  :host {
    display: block;
    font: inherit;
    color: var(--hoso-color-text, #1a1a1a);
    --_border: var(--hoso-color-border, #6b6b6b);
    --_line: var(--hoso-timeline-line, #0b57d0);
    --_focus: var(--hoso-color-focus, #0b57d0);
  }
  :host([hidden]) {
    display: none;
  }
  .title {
    font-size: 1.25em;
    font-weight: 700;
    margin: 0 0 var(--hoso-space-m, 1rem);
  }
  ol.cases {
    list-style: none;
    margin: 0;
    padding: 0;
    border-inline-start: 3px solid var(--_line);
  }
  ol.cases > li {
    position: relative;
    margin: 0 0 var(--hoso-space-l, 1.5rem);
    padding-inline-start: var(--hoso-space-m, 1rem);
  }
  ol.cases > li::before {
    content: '';
    position: absolute;
    inset-inline-start: -0.6rem;
    inset-block-start: 0.35rem;
    width: 0.9rem;
    height: 0.9rem;
    border-radius: 50%;
    background: var(--hoso-color-surface, #fff);
    border: 3px solid var(--_line);
  }
  ol.cases > li.closed::before {
    background: var(--_line);
  }
  .case-title {
    font-size: 1.1em;
    font-weight: 700;
    margin: 0;
  }
  .meta {
    margin: 0.25rem 0;
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.25rem 1rem;
    margin: 0.5rem 0;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
  }
  .section {
    font-weight: 600;
    margin: 0.75rem 0 0.25rem;
  }
  ol.steps,
  ul.documents {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  ol.steps li,
  ul.documents li {
    margin-block-end: 0.25rem;
  }
  .who {
    display: block;
    font-size: 0.875em;
    color: var(--hoso-color-text-muted, #4a4a4a);
  }
  button {
    font: inherit;
    margin-block-start: 0.5rem;
    padding: 0.375rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--hoso-radius, 4px);
    background: var(--hoso-color-surface, #fff);
    color: var(--hoso-color-link, #0b57d0);
    cursor: pointer;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .empty,
  .error {
    padding: var(--hoso-space-m, 1rem);
    border: 1px dashed var(--_border);
  }
  .error {
    color: var(--hoso-color-danger, #a4161a);
    border-style: solid;
  }
`;
