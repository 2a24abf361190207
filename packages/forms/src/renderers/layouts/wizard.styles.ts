/** Styles of the categorization wizard; adopted by `<hoso-form>`'s shadow root. */
import { css } from 'lit';

export const wizardStyles = css`
  .wizard {
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
  }
  .wizard-steps {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .wizard-step {
    display: flex;
    align-items: center;
    gap: 0.375rem;
    color: var(--hoso-hint-color, #5f6368);
  }
  .wizard-step.current {
    color: inherit;
    font-weight: 700;
  }
  .wizard-step-number {
    display: inline-grid;
    place-items: center;
    min-width: 1.75rem;
    height: 1.75rem;
    border-radius: 50%;
    border: 2px solid currentColor;
  }
  .wizard-step.current .wizard-step-number {
    background: var(--_focus);
    border-color: var(--_focus);
    color: var(--hoso-step-current-color, #fff);
  }
  .wizard-step-link {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    font: inherit;
    color: var(--_focus);
    background: none;
    border: none;
    padding: 0.25rem;
    min-height: 2.5rem;
    text-decoration: underline;
    cursor: pointer;
  }
  .wizard-panel {
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
  }
  .wizard-heading {
    margin: 0;
    font-size: 1.3em;
  }
  .wizard-progress {
    margin: 0;
    color: var(--hoso-hint-color, #5f6368);
  }
  .step-errors {
    border: 3px solid var(--_error);
    border-radius: var(--_radius);
    padding: 0.75rem 1rem;
  }
  .step-errors-title {
    margin: 0 0 0.5rem;
    font-size: 1.1em;
  }
  .step-errors a {
    color: var(--_error);
    font-weight: 600;
  }
  .wizard-nav {
    display: flex;
    gap: 0.75rem;
    justify-content: space-between;
  }
  .wizard-nav .next {
    margin-inline-start: auto;
  }
`;
