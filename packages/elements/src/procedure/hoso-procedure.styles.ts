import { css } from 'lit';

export const procedureStyles = css`
  :host {
    display: block;
    font: inherit;
    color: var(--hoso-text-color, #1b1b1b);
    --_gap: var(--hoso-gap, 1rem);
  }
  h2,
  h3,
  h4 {
    margin: 0 0 0.5rem;
  }
  .layout {
    display: grid;
    gap: var(--_gap);
    grid-template-columns: minmax(12rem, 16rem) minmax(0, 1fr) minmax(12rem, 18rem);
    align-items: start;
  }
  @media (max-width: 60rem) {
    .layout {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  .header {
    margin-bottom: var(--_gap);
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1.5rem;
    margin: 0;
  }
  .meta div {
    display: flex;
    gap: 0.4rem;
  }
  .meta dt {
    font-weight: 600;
  }
  .meta dd {
    margin: 0;
  }
  nav ol {
    margin: 0;
    padding-left: 1.25rem;
  }
  nav li {
    margin-bottom: 0.4rem;
  }
  nav li.current .step-title {
    font-weight: 700;
  }
  .step-meta {
    display: block;
    font-size: 0.875em;
    color: var(--hoso-muted-color, #505a5f);
  }
  .deadlines,
  .checklist {
    list-style: none;
    padding: 0;
    margin: 0 0 0.75rem;
  }
  .deadline {
    display: grid;
    gap: 0.15rem;
    padding: 0.5rem 0;
    border-bottom: 1px solid var(--hoso-border-color, #b1b4b6);
  }
  .deadline-title {
    font-weight: 600;
  }
  .badge {
    justify-self: start;
    padding: 0 0.4rem;
    border-radius: var(--hoso-radius, 4px);
    background: var(--hoso-badge-due, #e8f1f8);
    font-size: 0.875em;
  }
  [data-status='at-risk'] .badge {
    background: var(--hoso-badge-at-risk, #fff2cc);
  }
  [data-status='overdue'] .badge {
    background: var(--hoso-badge-overdue, #d4351c);
    color: #fff;
  }
  .alert,
  .notice {
    border-left: 5px solid var(--hoso-error-color, #d4351c);
    padding: 0.5rem 0.75rem;
    margin-bottom: var(--_gap);
    background: #fff;
  }
  .notice {
    border-color: var(--hoso-focus-color, #1d70b8);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  button,
  .button {
    font: inherit;
    padding: 0.45rem 0.9rem;
    border: 2px solid var(--hoso-button-color, #00703c);
    border-radius: var(--hoso-radius, 4px);
    background: var(--hoso-button-color, #00703c);
    color: #fff;
    cursor: pointer;
  }
  button.secondary,
  .button.secondary {
    background: #fff;
    color: var(--hoso-button-color, #00703c);
  }
  button.link {
    border: none;
    background: none;
    color: var(--hoso-link-color, #1d70b8);
    text-decoration: underline;
    padding: 0;
  }
  button:focus-visible,
  a:focus-visible,
  summary:focus-visible,
  input:focus-visible {
    outline: 3px solid var(--hoso-focus-color, #ffdd00);
    outline-offset: 2px;
  }
  dl.answers {
    margin: 0 0 var(--_gap);
  }
  dl.answers > div {
    display: grid;
    grid-template-columns: minmax(0, 2fr) minmax(0, 3fr) auto;
    gap: 0.5rem;
    padding: 0.4rem 0;
    border-bottom: 1px solid var(--hoso-border-color, #b1b4b6);
  }
  dl.answers dt {
    font-weight: 600;
  }
  dl.answers dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .unanswered {
    color: var(--hoso-muted-color, #505a5f);
  }
  .status {
    margin-top: var(--_gap);
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1.5rem;
    align-items: center;
    font-size: 0.9em;
  }
  table.records {
    border-collapse: collapse;
    width: 100%;
    margin: 0 0 var(--_gap);
  }
  table.records caption {
    text-align: start;
    font-weight: 600;
    padding-bottom: 0.25rem;
  }
  table.records th,
  table.records td {
    text-align: start;
    padding: 0.3rem 0.5rem 0.3rem 0;
    border-bottom: 1px solid var(--hoso-border-color, #b1b4b6);
    overflow-wrap: anywhere;
  }
  dl.records > div {
    display: grid;
    grid-template-columns: minmax(0, 2fr) minmax(0, 3fr);
    gap: 0.5rem;
  }
  dl.records dt {
    font-weight: 600;
  }
  dl.records dd {
    margin: 0;
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
