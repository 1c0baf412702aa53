import { css } from 'lit';

export const partnerProfileStyles = css`
  :host {
    --_gap: var(--prm-partner-profile-gap, calc(var(--_unit) * 4));
  }
  [part~='base'],
  article {
    display: grid;
    gap: var(--_gap);
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: calc(var(--_unit) * 3);
  }
  .title {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_unit) * 2);
    min-width: 0;
  }
  .title h2 {
    overflow-wrap: anywhere;
  }
  section {
    display: grid;
    gap: calc(var(--_unit) * 2);
  }
  .details dd {
    overflow-wrap: anywhere;
  }
  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_unit) * 1.5);
  }
  .table {
    overflow-x: auto;
  }
  td {
    overflow-wrap: anywhere;
  }
  .primary-mark {
    margin-inline-start: calc(var(--_unit) * 2);
    color: var(--_accent);
  }
  .steps {
    display: grid;
    gap: var(--_unit);
  }
  .steps li {
    display: flex;
    gap: calc(var(--_unit) * 2);
  }
  .steps .mark {
    color: var(--_muted);
    inline-size: 1.2em;
    flex: none;
  }
  .steps li[data-done] .mark {
    color: var(--_success);
  }
  .memberships {
    display: grid;
    gap: calc(var(--_unit) * 3);
  }
  .membership-title {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_unit) * 2);
  }
  .membership-title h4 {
    margin: 0;
    font-size: 1em;
  }
  .entitlements {
    display: grid;
    gap: var(--_unit);
  }
  .entitlements li[data-exhausted] .usage {
    color: var(--_warning);
  }
  .alert p {
    margin: 0;
  }
`;
