import { css } from 'lit';

export const caseDetailStyles = css`
  :host {
    display: block;
  }
  .detail {
    display: grid;
    gap: var(--prm-case-detail-gap, calc(var(--_unit) * 4));
  }
  header {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_unit) * 2);
    align-items: center;
  }
  header h2 {
    margin: 0;
  }
  .description,
  .comments p {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .description {
    margin: 0;
  }
  .case-actions,
  .sla {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_unit) * 1.5);
    align-items: center;
  }
  ul.plain {
    list-style: none;
    margin: calc(var(--_unit) * 1) 0 0;
    padding: 0;
  }
  ol.timeline,
  ol.comments {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: calc(var(--_unit) * 2);
  }
  .timeline li,
  .comments li {
    border-inline-start: 2px solid var(--_border);
    padding-inline-start: calc(var(--_unit) * 3);
  }
  .comments p {
    margin: calc(var(--_unit) * 1) 0 0;
  }
  section.work-notes {
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_unit) * 3);
    background: var(--_sunken);
  }
  .notice:focus,
  [data-failure]:focus {
    outline: none;
  }
`;
