import { css } from 'lit';

export const dealRegistrationListStyles = css`
  :host {
    display: block;
  }
  .list {
    display: grid;
    gap: var(--prm-deal-registration-list-gap, calc(var(--_unit) * 4));
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_unit) * 3);
    align-items: end;
  }
  .filters .field {
    min-width: 10rem;
  }
  .table-wrap {
    overflow-x: auto;
    /* Contains the visually hidden action labels, which would widen the page. */
    position: relative;
  }
  td.number button {
    font-weight: 600;
    white-space: nowrap;
  }
  .protection {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_unit) * 1.5);
    align-items: center;
  }
  .deal-actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_unit) * 1.5);
  }
  .pager {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_unit) * 2);
    align-items: center;
    justify-content: space-between;
  }
  .selected {
    display: grid;
    gap: calc(var(--_unit) * 2);
  }
  .notice:focus {
    outline: none;
  }
`;
