/** Styles of the array renderer and its items; adopted by `<hoso-form>`'s shadow root. */
import { css } from 'lit';

export const arrayStyles = css`
  .array-items {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
  }
  fieldset.array-item {
    border: 1px solid var(--hoso-fieldset-border-color, #dadce0);
    border-radius: var(--_radius);
    margin: 0;
    padding: 0.5rem 0.75rem 0.75rem;
    min-width: 0;
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
  }
  fieldset.array-item > legend {
    font-weight: var(--hoso-legend-weight, 700);
    padding-inline: 0.25rem;
  }
  .array-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .array-empty {
    margin: 0;
    color: var(--hoso-hint-color, #5f6368);
  }
  .button {
    font: inherit;
    min-height: 2.5rem;
    padding: 0.375rem 0.875rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--hoso-button-background, ButtonFace);
    color: var(--hoso-button-color, ButtonText);
    cursor: pointer;
    align-self: flex-start;
  }
  .button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
`;
