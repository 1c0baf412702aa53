import { css } from 'lit';

export const dealReviewQueueStyles = css`
  [part~='base'] {
    gap: var(--prm-deal-review-queue-gap, calc(var(--_unit) * 4));
  }
  .table {
    overflow-x: auto;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding-block-end: calc(var(--_unit) * 2);
  }
  tr[data-selected] td {
    background: var(--_sunken);
  }
  td.due {
    white-space: nowrap;
  }
  .due-text {
    display: grid;
    gap: calc(var(--_unit) * 0.5);
  }
  .review {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(20rem, 100%), 1fr));
    gap: calc(var(--_unit) * 4);
    align-items: start;
  }
  .review-header {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_unit) * 2) calc(var(--_unit) * 4);
    align-items: baseline;
    justify-content: space-between;
  }
  .review-header h2 {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_unit) * 2);
    align-items: baseline;
  }
  .conflicts {
    display: grid;
    gap: calc(var(--_unit) * 3);
  }
  .conflict {
    border-color: var(--_warning);
    border-inline-start-width: 4px;
  }
  .bullets {
    list-style: disc;
    padding-inline-start: 1.25em;
  }
  .comments {
    display: grid;
    gap: calc(var(--_unit) * 2);
  }
  .comment p,
  .text {
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  .decisions {
    justify-content: flex-start;
  }
  textarea {
    min-height: 6em;
    resize: vertical;
  }
`;
