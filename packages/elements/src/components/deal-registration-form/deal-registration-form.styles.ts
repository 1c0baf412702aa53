import { css } from 'lit';

export const dealRegistrationFormStyles = css`
  :host {
    --_gap: var(--prm-deal-registration-form-gap, calc(var(--_unit) * 4));
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
  .lines {
    display: grid;
    gap: calc(var(--_unit) * 2);
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .line {
    display: grid;
    grid-template-columns: minmax(12rem, 1fr) minmax(5rem, 8rem) auto;
    align-items: end;
    gap: calc(var(--_unit) * 2);
  }
  .line .field:first-child {
    min-width: 0;
  }
  .confirmation {
    display: grid;
    gap: calc(var(--_unit) * 3);
  }
  .confirmation:focus {
    outline: none;
  }
  @media (max-width: 36rem) {
    .line {
      grid-template-columns: 1fr;
    }
  }
`;
