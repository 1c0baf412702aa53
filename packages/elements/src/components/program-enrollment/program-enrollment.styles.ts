import { css } from 'lit';

export const programEnrollmentStyles = css`
  section {
    display: grid;
    gap: calc(var(--_unit) * 3);
  }
  .memberships {
    display: grid;
    gap: calc(var(--_unit) * 3);
  }
  .membership {
    border-radius: var(--prm-program-enrollment-radius, var(--_radius));
  }
  .membership header {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_unit) * 2);
    align-items: center;
    justify-content: space-between;
  }
  .membership.past {
    background: var(--_sunken);
  }
  .entitlements {
    display: grid;
    gap: var(--_unit);
  }
  .apply-entry {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_unit) * 2);
    align-items: end;
  }
  .apply-entry .field {
    flex: 1 1 16rem;
  }
  textarea {
    min-height: 5em;
    resize: vertical;
  }
`;
