import { css } from 'lit';

export const dealRegistrationDetailStyles = css`
  :host {
    display: block;
  }
  .detail {
    display: grid;
    gap: var(--prm-deal-registration-detail-gap, calc(var(--_unit) * 4));
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
  .protection,
  .deal-actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_unit) * 1.5);
    align-items: center;
  }
  ol.timeline,
  ul.comments {
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
    white-space: pre-wrap;
  }
  section.work-notes {
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_unit) * 3);
    background: var(--_sunken);
  }
  .notice:focus {
    outline: none;
  }
`;
