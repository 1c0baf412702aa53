import { css } from 'lit';

export const caseFormStyles = css`
  :host {
    --_gap: var(--prm-case-form-gap, calc(var(--_unit) * 4));
  }
  [part~='base'],
  .form {
    display: grid;
    gap: var(--_gap);
  }
  fieldset {
    display: grid;
    gap: calc(var(--_unit) * 3);
  }
  .confirmation {
    display: grid;
    gap: calc(var(--_unit) * 3);
  }
  .confirmation:focus {
    outline: none;
  }
`;
