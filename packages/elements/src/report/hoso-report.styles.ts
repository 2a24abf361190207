/** Styles of `<hoso-report>`: plain high-contrast tables, charts that scale with the page, a print layout. */
import { css } from 'lit';
import { focusRing, formControls, tableFrame, visuallyHidden } from '../styles/shared.js';

export const reportStyles = css`
  :host {
    display: block;
    font: inherit;
    color: var(--hoso-color-text, #1a1a1a);
    --_border: var(--hoso-color-border, #6b6b6b);
    --_ok: var(--hoso-color-success, #1e6b34);
    --_bad: var(--hoso-color-danger, #a4161a);
    --_focus: var(--hoso-color-focus, #0b57d0);
    --_muted: var(--hoso-color-text-muted, #4a4a4a);
  }
  :host([hidden]) {
    display: none;
  }
  ${focusRing}
  ${formControls}
  button {
    padding: 0.375rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--hoso-radius, 4px);
    background: var(--hoso-color-surface, #fff);
    color: inherit;
    cursor: pointer;
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: var(--hoso-space-m, 1rem);
    align-items: flex-end;
    border: 1px solid var(--_border);
    border-radius: var(--hoso-radius, 4px);
    padding: 0.75rem 1rem 1rem;
    margin: 0 0 1rem;
  }
  legend {
    font-weight: 600;
    padding: 0 0.25rem;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }
  .status {
    min-height: 1.5em;
    margin: 0 0 0.5rem;
  }
  .error {
    color: var(--_bad);
    font-weight: 600;
  }
  .sub {
    display: block;
    font-size: 0.875em;
    color: var(--_muted);
    font-weight: normal;
  }
  ${tableFrame}
  th,
  td {
    border: 1px solid var(--_border);
    padding: 0.375rem 0.5rem;
    text-align: start;
    vertical-align: top;
  }
  thead th {
    background: var(--hoso-color-surface-alt, #f0f0f0);
  }
  tbody th {
    font-weight: normal;
  }
  .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .id {
    font-weight: 600;
  }
  button.drill {
    border: none;
    background: none;
    padding: 0.125rem 0.25rem;
    color: var(--hoso-color-link, #0b57d0);
    text-decoration: underline;
    font-variant-numeric: tabular-nums;
  }
  .met-yes {
    color: var(--_ok);
    font-weight: 600;
  }
  .met-no {
    color: var(--_bad);
    font-weight: 600;
  }
  .notes {
    font-size: 0.9375em;
  }
  .notes h3,
  .charts h3 {
    margin-block: 1.5rem 0.5rem;
  }
  .exports {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    margin-block: 1rem;
  }
  .chart {
    margin: 1.5rem 0;
    max-width: 48rem;
  }
  figcaption {
    margin-block-end: 0.5rem;
  }
  .chart-title {
    display: block;
    font-weight: 600;
  }
  .chart-desc {
    display: block;
    color: var(--_muted);
    font-size: 0.9375em;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    list-style: none;
    padding: 0;
    margin: 0 0 0.5rem;
    font-size: 0.875em;
  }
  .legend li {
    display: flex;
    align-items: center;
    gap: 0.375rem;
  }
  svg.plot {
    width: 100%;
    height: auto;
    overflow: visible;
  }
  svg.plot text {
    font-size: 12px;
    fill: currentColor;
  }
  .grid {
    stroke: #d0d0d0;
  }
  .axis {
    stroke: #1a1a1a;
  }
  .mark .value {
    display: none;
    font-weight: 600;
  }
  .mark:focus .value,
  .mark:hover .value {
    display: inline;
  }
  .mark:focus {
    outline: none;
  }
  .mark:focus path,
  .mark:focus rect {
    stroke: var(--_focus);
    stroke-width: 3;
  }
  .toggle {
    margin-block-start: 0.5rem;
  }
  .chart-table {
    margin-block-start: 0.5rem;
  }
  .chart-pick {
    max-width: 40rem;
  }
  dialog.persons {
    max-width: min(60rem, 95vw);
    border: 1px solid var(--_border);
    border-radius: var(--hoso-radius, 4px);
    padding: 1rem 1.25rem;
  }
  dialog.persons::backdrop {
    background: rgb(0 0 0 / 40%);
  }
  dialog form {
    margin-block-start: 1rem;
  }
  ${visuallyHidden}
  @media print {
    .controls,
    .exports,
    .toggle,
    .chart-pick,
    .status,
    dialog {
      display: none !important;
    }
    button.drill {
      color: inherit;
      text-decoration: none;
    }
    .chart,
    tr {
      break-inside: avoid;
    }
  }
`;
