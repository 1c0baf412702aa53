import { css } from 'lit';

export const caseListStyles = css`
  :host {
    display: block;
  }
  .list {
    display: grid;
    gap: var(--prm-case-list-gap, calc(var(--_unit) * 4));
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
  .filters .field.check {
    min-width: auto;
    display: flex;
    flex-direction: row;
    gap: calc(var(--_unit) * 1.5);
    align-items: center;
  }
  .table-wrap {
    overflow-x: auto;
  }
  td.number button {
    font-weight: 600;
    white-space: nowrap;
  }
  .sla {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_unit) * 1.5);
    align-items: center;
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
`;
