/**
 * Style pieces the elements share, composed into their own `css` where each stands (so the cascade order of each
 * element is unchanged): the focus ring, the form controls, a table that scrolls sideways with its caption, and
 * text kept for screen readers only. They read the element's `--_border` and `--_focus` custom properties.
 */
import { css } from 'lit';

/** A thick outline on whatever has keyboard focus. */
export const focusRing = css`
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
`;

/** Inputs, selects and buttons in the page's font; inputs and selects with a plain border. */
export const formControls = css`
  input,
  select,
  button {
    font: inherit;
  }
  input,
  select {
    padding: 0.375rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--hoso-radius, 4px);
    background: var(--hoso-color-surface, #fff);
    color: inherit;
  }
`;

/** A full-width collapsed table in a `.scroll` box that scrolls sideways on narrow screens; caption at the start. */
export const tableFrame = css`
  .scroll {
    overflow-x: auto;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding-block-end: 0.5rem;
  }
`;

/** `.visually-hidden`: read by screen readers, not shown. */
export const visuallyHidden = css`
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
