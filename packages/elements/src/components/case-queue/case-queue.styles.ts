import { css } from 'lit';

export const caseQueueStyles = css`
  [part~='base'] {
    gap: var(--prm-case-queue-gap, calc(var(--_unit) * 4));
  }
  [part~='views'] {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_unit) * 1);
  }
  [part~='view-button'][aria-pressed='true'] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  .table {
    overflow-x: auto;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding-block-end: calc(var(--_unit) * 2);
  }
  td.due {
    white-space: nowrap;
  }
  .sla {
    display: grid;
    gap: calc(var(--_unit) * 0.5);
    justify-items: start;
  }
  [part~='row-actions'] {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_unit) * 1);
  }
  tr[data-expanded] td,
  tr[data-expanded] th,
  tr.detail td {
    background: var(--_sunken);
  }
  .text {
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  textarea {
    min-height: 6em;
    resize: vertical;
  }
`;
