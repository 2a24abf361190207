/**
 * Styles of the layout renderers (horizontal layout, group, object, label, wizard). Adopted by
 * `<hoso-form>`'s shadow root through each renderer's `static styles`; theme with `--hoso-*`.
 */
import { css } from 'lit';

export const layoutStyles = css`
  .layout.horizontal {
    flex-direction: row;
    flex-wrap: wrap;
    align-items: flex-start;
  }
  .layout.horizontal > * {
    flex: 1 1 var(--hoso-column-min-width, 14rem);
    min-width: 0;
  }
  fieldset.group {
    border: 1px solid var(--hoso-fieldset-border-color, #dadce0);
    border-radius: var(--_radius);
    margin: 0;
    padding: 0.5rem 0.75rem 0.75rem;
    min-width: 0;
  }
  fieldset.group > legend {
    font-weight: var(--hoso-legend-weight, 700);
    padding-inline: 0.25rem;
  }
  fieldset.group.invalid {
    border-color: var(--_error);
  }
  .group-error {
    margin: 0 0 0.5rem;
  }
  fieldset.group[disabled] {
    opacity: 0.8;
  }
  .label-text {
    margin: 0;
  }
`;
