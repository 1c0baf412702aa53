import { css } from 'lit';

export const partnerDashboardStyles = css`
  .programs {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 24rem), 1fr));
    gap: calc(var(--_unit) * 4);
  }
  h3 {
    margin: 0;
    font-size: 1em;
  }
  .progress {
    display: grid;
    gap: calc(var(--_unit) * 2);
  }
  .met {
    color: var(--_success);
  }
`;
